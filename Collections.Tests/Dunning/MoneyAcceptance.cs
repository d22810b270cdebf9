using System.Text.Json;
using Collections.Api.Tenancy;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Payments;
using Collections.Tests.Support;

namespace Collections.Tests.Dunning;

/// <summary>
/// Money netted before anyone is chased, and measured in one yardstick, through the real saga in virtual time
/// (the test host's exchange rates: <see cref="TestExchangeRates"/>).
/// </summary>
public class MoneyAcceptance(AppFixture fixture) : EscalationContext(fixture)
{
    [Fact]
    public async Task credit_on_the_account_is_applied_before_anyone_is_chased()
    {
        // INV-7 (500 EUR) is overpaid before it falls due; INV-8 (500 EUR) falls due later with the 500 EUR credit on the account.
        await OpenAccountWithInvoiceFallingDue(amount: 500m);
        await Command("payments", new { paymentId = "PAY-1", amount = 1000m, currency = "EUR" });
        (await Account()).UnappliedCredit.ShouldBe(new Dictionary<string, decimal> { ["EUR"] = 500m });
        await Command("invoices", new { invoiceNumber = "INV-8", amount = 500m, currency = "EUR", issueDate = DueDate, dueDate = DueDate.AddDays(30) });
        await RunUntilDay(60);

        var applied = (await Events<CreditApplied>()).ShouldHaveSingleItem();
        applied.PaymentId.ShouldBe("PAY-1");
        applied.AppliedTo.ShouldBe([new PaymentAllocation("INV-8", 500m)]);
        applied.AppliedAt.ShouldBe((await Account()).StartOf(DueDate.AddDays(31)), "when INV-8 fell due, before any step");
        await using (var session = Store.QuerySession(Tenants.Default))
            (await session.Events.FetchStreamAsync(AccountNumber)).Single(e => e.Data is CreditApplied).UserName.ShouldBe("credit policy");
        (await Events<ReminderSent>()).ShouldBeEmpty();
        (await Events<DunningStarted>()).ShouldBeEmpty();
        Fixture.Smtp.Messages.ShouldNotContain(m => m.Contains("X-Collections-Account: ACME-00042"));

        var account = await Get(AccountUrl);
        account.GetProperty("pastDueBalance").GetArrayLength().ShouldBe(0);
        account.GetProperty("unappliedCredit").EnumerateObject().ShouldBeEmpty();
        account.GetProperty("dunning").ValueKind.ShouldBe(JsonValueKind.Null);
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task a_letter_asks_only_for_what_the_credit_does_not_cover()
    {
        await OpenAccountWithInvoiceFallingDue(amount: 500m);
        await Command("payments", new { paymentId = "PAY-1", amount = 800m, currency = "EUR" });
        await Command("invoices", new { invoiceNumber = "INV-8", amount = 1200m, currency = "EUR", issueDate = DueDate, dueDate = DueDate.AddDays(30) });
        await RunUntilDay(32);

        var events = await Events();
        var applied = events.OfType<CreditApplied>().ShouldHaveSingleItem();
        applied.AppliedTo.ShouldBe([new PaymentAllocation("INV-8", 300m)]);
        events.ToList().IndexOf(applied).ShouldBeLessThan(events.ToList().IndexOf(events.OfType<DunningStarted>().Single()),
            "the credit is applied before the escalation starts");
        var letter = events.OfType<ReminderSent>().ShouldHaveSingleItem();
        letter.RenderedText.ShouldContain("Invoice INV-8, due");
        letter.RenderedText.ShouldContain("900.00 EUR open");
        letter.RenderedText.ShouldNotContain("1,200.00 EUR");
        (await Account()).PastDueBalance(Clock.Now).ShouldBe([new Money(900m, "EUR")]);
    }

    [Fact]
    public async Task a_payment_that_leaves_credit_over_ends_the_escalation_when_the_credit_covers_the_rest()
    {
        await OpenAccountWithInvoiceFallingDue();
        await Command("invoices", new { invoiceNumber = "INV-8", amount = 300m, currency = "EUR", issueDate = DueDate, dueDate = DueDate.AddDays(30) });
        await RunUntilDay(5);

        // Remitted against the next invoice only, but with enough to cover the past-due one too.
        await Command("payments", new
        {
            paymentId = "PAY-1", amount = 1500m, currency = "EUR", appliedTo = new[] { new { invoiceNumber = "INV-8", amount = 300m } }
        });
        await RunUntilDay(60);

        (await Events<CreditApplied>()).ShouldHaveSingleItem().AppliedTo.ShouldBe([new PaymentAllocation("INV-7", 1200m)]);
        (await Events<DunningCompleted>()).ShouldHaveSingleItem().Reason
            .ShouldBe("unapplied credit (1,200.00 EUR of payment PAY-1) applied: nothing is past due");
        (await Events<ReminderSent>()).Select(r => r.StepId).ShouldBe(["reminder-letter", "friendly-email"]);
        (await Account()).UnappliedCredit.ShouldBeEmpty();
        await NoObligationShouldBeOverdue();
    }

    [Fact]
    public async Task thirty_thousand_yen_is_not_a_high_value_account()
    {
        await OpenAccountOwing(30_000m, "JPY");
        await RunUntilDay(2);

        var started = (await Events<DunningStarted>()).ShouldHaveSingleItem();
        started.Segment.ShouldBe(CollectionSegment.FirstTimeLatePayer);
        var conversion = started.Conversions.ShouldNotBeNull().ShouldHaveSingleItem();
        conversion.From.ShouldBe(new Money(30_000m, "JPY"));
        conversion.To.ShouldBe(new Money(181.60m, "EUR"));
        conversion.Rate.ShouldBe(0.006053268765m);
        conversion.RateDate.ShouldBe(TestExchangeRates.RateDate);
        (await Events<ReminderSent>()).ShouldHaveSingleItem().Sender.ShouldStartWith("Sam Porter"); // the collector, not a manager

        var dunning = (await Get(AccountUrl)).GetProperty("dunning");
        dunning.GetProperty("segment").GetString().ShouldBe("firstTimeLatePayer");
        dunning.GetProperty("segmentReason").GetString()
            .ShouldBe($"past due 30,000 JPY = 181.60 EUR (rate 0.006053268765 of {TestExchangeRates.RateDate:yyyy-MM-dd}): below 25,000.00 EUR");
        dunning.GetProperty("conversions")[0].GetProperty("rateDate").GetString().ShouldBe($"{TestExchangeRates.RateDate:yyyy-MM-dd}");
    }

    [Fact]
    public async Task thirty_thousand_dollars_is_a_high_value_account()
    {
        await OpenAccountOwing(30_000m, "USD");
        await RunUntilDay(2);

        var started = (await Events<DunningStarted>()).ShouldHaveSingleItem();
        started.Segment.ShouldBe(CollectionSegment.HighValue);
        started.Conversions.ShouldNotBeNull().ShouldHaveSingleItem().To.ShouldBe(new Money(27_777.78m, "EUR"));
        started.SegmentReason.ShouldNotBeNull().ShouldEndWith(": at least 25,000.00 EUR");
    }

    [Fact]
    public async Task a_currency_without_a_rate_gets_the_high_value_ladder_and_the_account_says_why()
    {
        await OpenAccountOwing(100m, "CHF");
        await RunUntilDay(2);

        (await Events<DunningStarted>()).ShouldHaveSingleItem().Segment.ShouldBe(CollectionSegment.HighValue);
        var dunning = (await Get(AccountUrl)).GetProperty("dunning");
        dunning.GetProperty("segmentReason").GetString()
            .ShouldBe("past due 100.00 CHF (no CHF rate is configured): cannot be measured in EUR, so counted as at least 25,000.00 EUR");
        var conversion = dunning.GetProperty("conversions")[0];
        conversion.GetProperty("to").ValueKind.ShouldBe(JsonValueKind.Null);
        conversion.GetProperty("unavailable").GetString().ShouldBe("no CHF rate is configured");
    }

    /// <summary>The escalation context's account, with its one invoice in another currency.</summary>
    private async Task OpenAccountOwing(decimal amount, string currency)
    {
        Timeline = new Timeline(Host, Clock);
        await Timeline.Http(x =>
        {
            x.Put.Json(new
            {
                debtorName = "Acme Widgets GmbH", timeZone = "Europe/Berlin", terms = new { netDays = 30, currency },
                contacts = new object[] { new { contactId = "ap", name = "Ada Clerk", role = "apClerk", email = "ap@acme.test" } },
                collector = "collector-1"
            }).ToUrl(AccountUrl);
            x.StatusCodeShouldBe(201);
        });
        await Command("invoices", new { invoiceNumber = "INV-7", amount, currency, issueDate = DueDate.AddDays(-30), dueDate = DueDate });
    }
}
