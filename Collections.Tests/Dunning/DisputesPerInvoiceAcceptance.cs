using Collections.Api.Security;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Promises;
using Collections.Tests.Support;

namespace Collections.Tests.Dunning;

/// <summary>Disputes and dunning blocks take single invoices out of the escalation; the real saga goes on with the rest.</summary>
public class DisputesPerInvoiceAcceptance(AppFixture fixture) : EscalationContext(fixture)
{
    /// <summary>INV-7 (5,000 EUR) and INV-8 (50 EUR), both falling due on <see cref="EscalationContext.DueDate"/>.</summary>
    private async Task TwoInvoicesFallingDue()
    {
        await OpenAccountWithInvoiceFallingDue(5000m);
        await Command("invoices", new { invoiceNumber = "INV-8", amount = 50m, currency = "EUR", issueDate = DueDate.AddDays(-30), dueDate = DueDate });
    }

    [Fact]
    public async Task a_dispute_on_one_invoice_leaves_the_rest_in_escalation()
    {
        await TwoInvoicesFallingDue();
        await RunUntilDay(2);
        await Command("disputes", new { invoiceNumbers = new[] { "INV-8" }, reason = "one carton missing" });
        await RunUntilDay(31);

        (await Events<DunningPaused>()).ShouldBeEmpty();
        (await Events<ReminderSent>()).Select(r => r.StepId)
            .ShouldBe(["reminder-letter", "friendly-email", "controller-email", "final-notice"]);
        var hold = (await Events<CreditHoldPlaced>()).ShouldHaveSingleItem();
        hold.Reason.ShouldContain("'credit-hold', 5000.00 EUR past due"); // the disputed 50 EUR left out

        var account = await Account();
        account.Dunning!.PausedFor.ShouldBeNull();
        var view = await Get(AccountUrl);
        view.GetProperty("pastDueForDunning")[0].GetProperty("amount").GetDecimal().ShouldBe(5250m);
        view.GetProperty("pastDueBalance")[0].GetProperty("amount").GetDecimal().ShouldBe(5300m);
        view.GetProperty("invoices")[1].GetProperty("underReview").GetString().ShouldBe("dispute D-1 is open");
        view.GetProperty("invoices")[0].GetProperty("underReview").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task the_reminder_lists_the_disputed_invoice_as_under_review()
    {
        await TwoInvoicesFallingDue();
        await RunUntilDay(2);
        await Command("disputes", new { invoiceNumbers = new[] { "INV-8" }, reason = "one carton missing" });
        await RunUntilDay(5);

        var email = (await Events<ReminderSent>()).Single(r => r.StepId == "friendly-email");
        email.Subject.ShouldBe("Account ACME-00042: our letter about 5,000.00 EUR");
        email.RenderedText.ShouldContain($"- Invoice INV-7, due {DueDate:yyyy-MM-dd}, 4 days past due: 5,000.00 EUR open");
        email.RenderedText.ShouldContain($"- Invoice INV-8, due {DueDate:yyyy-MM-dd}, 50.00 EUR: under review (dispute D-1), not included in the amount due");
        Fixture.Smtp.Messages.ShouldContain(m => m.Contains("under review (dispute D-1)"));
    }

    [Fact]
    public async Task a_final_notice_whose_balance_is_now_all_disputed_is_cancelled_with_the_reason()
    {
        await TwoInvoicesFallingDue();
        await RunUntilDay(28); // the final notice went out on day 27, the hold is announced for day 29
        await Command("disputes", new { invoiceNumbers = new[] { "INV-7", "INV-8" }, reason = "delivery never arrived" });
        await RunUntilDay(60);

        (await Events<ObligationCancelled>()).ShouldHaveSingleItem().Reason.ShouldBe("dispute D-1 opened: everything past due is under review");
        (await Events<CreditHoldPlaced>()).ShouldBeEmpty();
        (await Account()).Dunning!.PausedFor!.ShouldStartWith("everything past due is under review: INV-7 (dispute D-1 is open)");
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_dunning_block_ends_on_its_date_and_the_invoice_is_chased_again()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(2);
        var until = DueDate.AddDays(20);
        await Command("invoices/INV-7/dunning-block", new { reason = "awaiting credit note CN-88", until });

        var account = await Account();
        account.Dunning!.PausedFor.ShouldBe($"everything past due is under review: INV-7 (dunning block until {until:yyyy-MM-dd}: awaiting credit note CN-88)");
        var view = await Get(AccountUrl);
        var block = view.GetProperty("dunningBlocks").EnumerateArray().ShouldHaveSingleItem();
        block.GetProperty("reason").GetString().ShouldBe("awaiting credit note CN-88");
        block.GetProperty("placedBy").GetString().ShouldBe(Tokens.AdminUser);

        var placed = (await Events<DunningBlockPlaced>()).ShouldHaveSingleItem();
        TimeZoneInfo.ConvertTime(placed.EndsAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime
            .ShouldBe(DueDate.AddDays(21).ToDateTime(TimeOnly.MinValue)); // 00:00 after its last day, debtor's time

        await Timeline.RunUntil(placed.EndsAt.AddMinutes(-1));
        (await Events<ReminderSent>()).Count.ShouldBe(1);
        (await Events<DunningBlockEnded>()).ShouldBeEmpty();

        await Timeline.RunUntil(placed.EndsAt.AddMinutes(1));
        (await Events<DunningBlockEnded>()).ShouldHaveSingleItem().EndedAt.ShouldBe(placed.EndsAt);
        (await Events<DunningResumed>()).ShouldHaveSingleItem().Reason.ShouldBe($"dunning block on INV-7 until {until:yyyy-MM-dd} ended");
        var chased = (await Events<ReminderSent>()).Last();
        chased.StepId.ShouldBe("friendly-email");
        chased.RenderedText.ShouldContain("Invoice INV-7");
        (await Get(AccountUrl)).GetProperty("dunningBlocks").GetArrayLength().ShouldBe(0);
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_dunning_block_lifted_early_brings_the_invoice_back_at_once()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(2);
        await Command("invoices/INV-7/dunning-block", new { reason = "awaiting credit note", until = DueDate.AddDays(40) });
        await RunUntilDay(10);
        await Command("invoices/INV-7/dunning-block/lift", new { reason = "credit note CN-88 will not be issued" });
        await Timeline.Advance(TimeSpan.FromMinutes(1));

        (await Events<DunningBlockLifted>()).ShouldHaveSingleItem().LiftedBy.ShouldBe(Tokens.AdminUser);
        (await Events<DunningResumed>()).ShouldHaveSingleItem().Reason.ShouldBe("dunning block on INV-7 lifted");
        (await Events<ReminderSent>()).Select(r => r.StepId).ShouldBe(["reminder-letter", "friendly-email"]);

        // The block's own end date comes later and finds nothing to end.
        await RunUntilDay(42);
        (await Events<DunningBlockEnded>()).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_dunning_block_is_refused_with_the_field_named_and_nothing_written()
    {
        await OpenAccountWithInvoiceFallingDue();
        var version = await StreamVersion();
        await ShouldRefuse(await Command("invoices/INV-7/dunning-block", new { reason = "awaiting credit note", until = DueDate.AddDays(-60) }, 400),
            "until", version);
        await ShouldRefuse(await Command("invoices/INV-7/dunning-block", new { until = DueDate }, 400), "reason", version);
        await ShouldRefuse(await Command("invoices/INV-404/dunning-block", new { reason = "awaiting credit note", until = DueDate }, 422),
            "invoiceNumber", version);
        (await Events<DunningBlockPlaced>()).ShouldBeEmpty();
    }

    [Fact]
    public async Task resolving_a_dispute_while_a_promise_is_open_leaves_the_account_paused_for_the_promise()
    {
        await OpenAccountWithInvoiceFallingDue();
        await RunUntilDay(5);
        await Command("promises", new { amount = 1200m, currency = "EUR", promisedDate = DueDate.AddDays(15) });
        await Command("disputes", new { invoiceNumbers = new[] { "INV-7" }, reason = "price differs from the order" });
        await Command("disputes/D-1/resolution", new { outcome = "inFavourOfCreditor", note = "price is per contract" });

        var account = await Account();
        account.Dunning!.PausedFor.ShouldBe($"promise PR-1 to pay by {DueDate.AddDays(15):yyyy-MM-dd}");
        account.Dunning.NextStep.ShouldBeNull();
        (await Events<DunningResumed>()).ShouldBeEmpty();

        await RunUntilDay(19); // promised date plus two days' grace: broken, and the ladder resumes with a step planned
        (await Events<PromiseBroken>()).ShouldHaveSingleItem();
        var events = await Events();
        var resumed = events.OfType<DunningResumed>().ShouldHaveSingleItem();
        events[events.ToList().IndexOf(resumed) + 1].ShouldBeOfType<DunningStepScheduled>().StepId.ShouldBe(resumed.NextStepId);
        (await Account()).Dunning!.PausedFor.ShouldBeNull();
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_collector_blocks_an_invoice_on_an_account_of_their_own()
    {
        await OpenAccountWithInvoiceFallingDue();
        await Timeline.Http(x =>
        {
            x.Post.Json(new { reason = "awaiting credit note", until = DueDate.AddDays(10) }).ToUrl($"{AccountUrl}/invoices/INV-7/dunning-block");
            x.WithRequestHeader("Authorization", Tokens.For(Roles.Collector, "collector-1"));
            x.StatusCodeShouldBe(200);
        });
        (await Events<DunningBlockPlaced>()).ShouldHaveSingleItem().PlacedBy.ShouldBe("collector-1");
    }
}
