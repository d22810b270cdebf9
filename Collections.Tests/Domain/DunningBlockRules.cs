using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Payments;
using Collections.Domain.WriteOffs;
using static Collections.Tests.Domain.AccountBuilder;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

/// <summary>A per-invoice dunning block: out of the escalation, without a dispute, for a reason and until a date.</summary>
public class DunningBlockRules
{
    private static readonly DateOnly Due = new(2026, 10, 30);

    [Fact]
    public void a_block_needs_a_reason_and_an_end_date_not_in_the_past()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today.AddDays(-5)));
        account.Decide("INV-1", new PlaceDunningBlock(" ", Today), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "reason");
        account.Decide("INV-1", new PlaceDunningBlock("awaiting credit note", default), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "until");
        account.Decide("INV-1", new PlaceDunningBlock("awaiting credit note", Today.AddDays(-1)), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "until");
        account.Decide("INV-1", new PlaceDunningBlock("awaiting credit note", new DateOnly(2101, 1, 1)), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.Invalid, "until");
    }

    [Fact]
    public void a_block_names_an_open_invoice_of_the_account()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today.AddDays(-5)), Invoice("INV-2", 100m, Today.AddDays(-5)),
            new PaymentReceived("P-1", new Money(100m, "EUR"), Now, [new PaymentAllocation("INV-2", 100m)], 0, null));
        account.Decide("INV-9", new PlaceDunningBlock("awaiting credit note", Today), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.NotAllowed, "invoiceNumber");
        account.Decide("INV-2", new PlaceDunningBlock("awaiting credit note", Today), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.NotAllowed, "invoiceNumber");
        account.Decide("INV-9", new LiftDunningBlock("credit note issued"), Person("collector-1"), Now)
            .ShouldBeRejected(RejectionKind.NotAllowed, "invoiceNumber");
    }

    [Fact]
    public void a_written_off_account_takes_no_block()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today.AddDays(-5)),
            new AccountWrittenOff([new Money(300m, "EUR")], "insolvent", "maria", Now, null));
        account.Decide("INV-1", new PlaceDunningBlock("awaiting credit note", Today), Person("maria"), Now)
            .ShouldBeRejected(RejectionKind.NotAllowed, "accountNumber");
    }

    [Fact]
    public void a_block_ends_at_midnight_after_its_last_day_in_the_debtors_time()
    {
        var account = Opened("Europe/Berlin").With(Invoice("INV-1", 300m, Today.AddDays(-5)));
        var placed = account.Decide("INV-1", new PlaceDunningBlock("awaiting credit note", new DateOnly(2026, 12, 15)), Person("sam"), Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<DunningBlockPlaced>();
        placed.EndsAt.ShouldBe(new DateTimeOffset(2026, 12, 16, 0, 0, 0, TimeSpan.FromHours(1)));
        placed.PlacedBy.ShouldBe("sam");
        account.With(placed);

        account.ReviewOf("INV-1", placed.EndsAt.AddTicks(-1)).ShouldBe("dunning block until 2026-12-15: awaiting credit note");
        account.ReviewOf("INV-1", placed.EndsAt).ShouldBeNull(); // over by the clock, before the end is even recorded
    }

    [Fact]
    public void the_same_block_again_changes_nothing_and_a_later_date_replaces_it()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today.AddDays(-5)));
        account.With(account.Decide("INV-1", new PlaceDunningBlock("awaiting credit note", Today.AddDays(10)), Person("sam"), Now));
        account.Decide("INV-1", new PlaceDunningBlock("awaiting credit note", Today.AddDays(10)), Person("sam"), Now).IsUnchanged.ShouldBeTrue();

        account.With(account.Decide("INV-1", new PlaceDunningBlock("credit note delayed", Today.AddDays(20)), Person("sam"), Now));
        account.DunningBlocks.ShouldHaveSingleItem().Until.ShouldBe(Today.AddDays(20));

        // The first block's end comes and finds a later one in place: nothing ends.
        account.DecideBlockEnd("INV-1", account.StartOf(Today.AddDays(11))).IsUnchanged.ShouldBeTrue();
        var ended = account.DecideBlockEnd("INV-1", account.StartOf(Today.AddDays(21))).Events.ShouldHaveSingleItem();
        account.With(ended.ShouldBeOfType<DunningBlockEnded>());
        account.DunningBlocks.ShouldBeEmpty();
        account.DecideBlockEnd("INV-1", account.StartOf(Today.AddDays(22))).IsUnchanged.ShouldBeTrue();
    }

    [Fact]
    public void lifting_ends_a_block_early_and_lifting_none_changes_nothing()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today.AddDays(-5)));
        account.Decide("INV-1", new LiftDunningBlock("credit note issued"), Person("sam"), Now).IsUnchanged.ShouldBeTrue();
        account.With(account.Decide("INV-1", new PlaceDunningBlock("awaiting credit note", Today.AddDays(10)), Person("sam"), Now));

        var lifted = account.Decide("INV-1", new LiftDunningBlock("credit note issued"), Person("sam"), Now).Events.ShouldHaveSingleItem();
        account.With(lifted.ShouldBeOfType<DunningBlockLifted>());
        account.ReviewOf("INV-1", Now).ShouldBeNull();
        account.Decide("INV-1", new LiftDunningBlock(""), Person("sam"), Now).ShouldBeRejected(RejectionKind.Invalid, "reason");
    }

    [Fact]
    public void credit_on_the_account_waits_for_a_blocked_invoice_as_for_a_disputed_one()
    {
        var account = Opened().With(new PaymentReceived("PAY-1", new Money(300m, "EUR"), Now.AddDays(-20), [], 300m, null),
            Invoice("INV-1", 300m, Today.AddDays(-5)));
        account.With(account.Decide("INV-1", new PlaceDunningBlock("awaiting credit note", Today.AddDays(3)), Person("sam"), Now));

        CreditNetting.Decide(account, Now).ShouldBeEmpty();
        CreditNetting.Decide(account, account.StartOf(Today.AddDays(4))).ShouldHaveSingleItem().AppliedTo
            .ShouldBe([new PaymentAllocation("INV-1", 300m)]); // the block ran out
    }

    [Fact]
    public void a_dunning_block_ends_on_its_date_and_the_invoice_is_chased_again()
    {
        var account = Opened("Europe/Berlin").With(Invoice("INV-7", 1200m, Due));
        account.Contacts.Add(new DebtorContact("ctl", "Cleo Control", ContactRole.Controller, "ctl@acme.test", null, null));
        var s = new DunningSimulation(account, DefaultPolicy.Policy);
        s.Start(account.StartOf(Due.AddDays(1)));
        s.RunUntil(s.Now.AddDays(2));
        s.Block("INV-7", Due.AddDays(20), "awaiting credit note CN-88");

        s.Account.Dunning!.PausedFor.ShouldBe("everything past due is under review: INV-7 (dunning block until 2026-11-19: awaiting credit note CN-88)");
        s.Of<DunningPaused>().ShouldHaveSingleItem().Until.ShouldBe(account.StartOf(Due.AddDays(21)));
        s.RunUntil(account.StartOf(Due.AddDays(21)).AddTicks(-1));
        s.Of<ReminderSent>().Count().ShouldBe(1);

        s.RunUntil(account.StartOf(Due.AddDays(21)).AddMinutes(1));
        s.Of<DunningBlockEnded>().ShouldHaveSingleItem().EndedAt.ShouldBe(account.StartOf(Due.AddDays(21)));
        s.Of<DunningResumed>().ShouldHaveSingleItem().Reason.ShouldBe("dunning block on INV-7 ended");
        s.Of<ReminderSent>().Select(r => r.StepId).ShouldBe(["reminder-letter", "friendly-email"]);
        s.Of<ReminderSent>().Last().RenderedText.ShouldContain("INV-7, due 2026-10-30, 21 days past due: 1,200.00 EUR open");
    }

    [Fact]
    public void a_block_on_one_invoice_leaves_the_rest_in_escalation_and_lifting_it_brings_it_back()
    {
        var account = Opened("Europe/Berlin").With(Invoice("INV-7", 1200m, Due), Invoice("INV-8", 80m, Due));
        var s = new DunningSimulation(account, DefaultPolicy.Policy);
        s.Start(account.StartOf(Due.AddDays(1)));
        s.RunUntil(s.Now.AddDays(2));
        s.Block("INV-8", Due.AddDays(40));
        s.RunUntil(s.Now.AddDays(3));

        s.Of<DunningPaused>().ShouldBeEmpty();
        var email = s.Emails.Single(e => e.StepId == "friendly-email");
        email.Subject.ShouldBe("Account ACME-00042: our letter about 1,200.00 EUR");
        email.Body.ShouldContain("- Invoice INV-8, due 2026-10-30, 80.00 EUR: under review until 2026-12-09, not included in the amount due");
        email.Body.ShouldNotContain("awaiting credit note"); // our note stays ours

        s.Lift("INV-8");
        s.RunUntil(s.Now.AddDays(5));
        s.Of<CollectionTaskCreated>().Single(t => t.StepId == "first-call").Instructions
            .ShouldContain("- Invoice INV-8, due 2026-10-30, 8 days past due: 80.00 EUR open");
    }
}
