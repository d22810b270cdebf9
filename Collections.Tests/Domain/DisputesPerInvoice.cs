using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Disputes;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Escalation;
using Collections.Domain.Invoicing;
using Collections.Domain.Promises;
using static Collections.Tests.Domain.AccountBuilder;

namespace Collections.Tests.Domain;

/// <summary>A dispute names invoices; only those leave the escalation, which goes on with the rest.</summary>
public class DisputesPerInvoice
{
    private static readonly DateOnly Due = new(2026, 10, 30);

    /// <summary>5,000 EUR past due in INV-7 and 50 EUR in INV-8, falling due the same day, on the default policy.</summary>
    private static DunningSimulation TwoInvoices(decimal big = 5000m, decimal small = 50m)
    {
        var account = Opened("Europe/Berlin").With(Invoice("INV-7", big, Due), Invoice("INV-8", small, Due));
        account.Contacts.Add(new DebtorContact("ctl", "Cleo Control", ContactRole.Controller, "ctl@acme.test", null, null));
        account.Contacts.Add(new DebtorContact("own", "Otto Owner", ContactRole.Owner, null, null, "1 Main St, Berlin"));
        var s = new DunningSimulation(account, DefaultPolicy.Policy);
        s.Start(account.StartOf(Due.AddDays(1)));
        return s;
    }

    [Fact]
    public void a_dispute_on_one_invoice_leaves_the_rest_in_escalation()
    {
        var s = TwoInvoices();
        s.RunUntil(s.Now.AddDays(2));
        s.Dispute("INV-8");
        s.RunUntil(s.Now.AddDays(20));

        s.Of<DunningPaused>().ShouldBeEmpty();
        s.Account.Dunning!.PausedFor.ShouldBeNull();
        s.Of<ReminderSent>().Select(r => r.StepId).ShouldBe(["reminder-letter", "friendly-email", "controller-email"]);
        var email = s.Emails.Single(e => e.StepId == "controller-email");
        email.Body.ShouldContain("Total due: 5,000.00 EUR.");
        email.Subject.ShouldBe("Account ACME-00042: 5,000.00 EUR past due");
    }

    [Fact]
    public void the_reminder_lists_the_disputed_invoice_as_under_review()
    {
        var s = TwoInvoices();
        s.RunUntil(s.Now.AddDays(2));
        s.Dispute("INV-8");
        s.RunUntil(s.Now.AddDays(3));

        var email = s.Emails.Single(e => e.StepId == "friendly-email");
        email.Body.ShouldContain("- Invoice INV-7, due 2026-10-30, 4 days past due: 5,000.00 EUR open");
        email.Body.ShouldContain("- Invoice INV-8, due 2026-10-30, 50.00 EUR: under review (dispute D-1), not included in the amount due");
        email.Subject.ShouldBe("Account ACME-00042: our letter about 5,000.00 EUR");
    }

    [Fact]
    public void a_consequence_is_carried_out_on_the_undisputed_balance_only()
    {
        var s = TwoInvoices();
        s.RunUntil(s.Now.AddDays(2));
        s.Dispute("INV-8");
        s.RunSendingNoticesAtOnce(s.Now.AddDays(60)); // the last chance goes by certified letter: a person sends it

        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().Reason.ShouldContain("5000.00 EUR past due");
        s.Of<EscalatedToAgency>().ShouldHaveSingleItem().AmountsReferred.ShouldBe([new Money(5000m, "EUR")]);
        s.ShouldHaveNoOverdueObligation();
    }

    [Fact]
    public void a_dispute_over_part_of_the_balance_leaves_the_announced_consequence_standing()
    {
        var s = TwoInvoices();
        s.RunUntil(s.Account.At(Due.AddDays(28), new TimeOnly(14, 0))); // the final notice went out on day 27
        s.Dispute("INV-8");
        s.RunUntil(s.Now.AddDays(2));

        s.Of<ObligationCancelled>().ShouldBeEmpty();
        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(s.Of<ObligationRecorded>().First().Deadline);
    }

    [Fact]
    public void an_obligation_for_a_balance_now_entirely_disputed_is_cancelled_with_the_reason()
    {
        var s = TwoInvoices();
        s.RunUntil(s.Account.At(Due.AddDays(28), new TimeOnly(14, 0)));
        s.Dispute("INV-7", "INV-8");
        s.RunUntil(s.Now.AddDays(30));

        s.Of<ObligationCancelled>().ShouldHaveSingleItem().Reason
            .ShouldBe("dispute D-1 opened: everything past due is under review");
        s.Of<CreditHoldPlaced>().ShouldBeEmpty();
        s.Account.Dunning!.PausedFor.ShouldBe(
            "everything past due is under review: INV-7 (dispute D-1 is open); INV-8 (dispute D-1 is open)");
        s.Account.Dunning.NextStep.ShouldBeNull();
        s.ShouldHaveNoOverdueObligation();
    }

    [Fact]
    public void paying_the_undisputed_rest_pauses_the_escalation_for_the_disputed_invoice()
    {
        var s = TwoInvoices();
        s.RunUntil(s.Now.AddDays(2));
        s.Dispute("INV-8");
        s.Pay(5000m);

        s.Completed.ShouldBeFalse();
        s.Of<DunningPaused>().ShouldHaveSingleItem().Reason.ShouldBe("everything past due is under review: INV-8 (dispute D-1 is open)");
        s.RunUntil(s.Now.AddDays(30));
        s.Of<ReminderSent>().Count().ShouldBe(1);

        s.Resolve("D-1");
        s.Of<DunningResumed>().ShouldHaveSingleItem().Reason.ShouldBe("dispute D-1 resolved");
        s.RunUntil(s.Now.AddMinutes(1));
        s.Of<ReminderSent>().Last().RenderedText.ShouldContain("- Invoice INV-8, due 2026-10-30, 33 days past due: 50.00 EUR open");
    }

    [Fact]
    public void an_invoice_falling_due_while_everything_is_disputed_brings_the_ladder_back()
    {
        var account = Opened("Europe/Berlin").With(Invoice("INV-7", 1200m, Due));
        var s = new DunningSimulation(account, DefaultPolicy.Policy);
        s.Start(account.StartOf(Due.AddDays(1)));
        s.RunUntil(s.Now.AddDays(2));
        s.Dispute("INV-7");
        s.Account.Dunning!.PausedFor.ShouldNotBeNull();

        account.With(Invoice("INV-9", 300m, Due.AddDays(5)));
        s.RunUntil(account.StartOf(Due.AddDays(6)));
        s.InvoiceFellDue("INV-9");

        s.Of<DunningResumed>().ShouldHaveSingleItem().Reason.ShouldBe("invoice INV-9 fell due");
        s.RunUntil(s.Now.AddMinutes(1));
        var email = s.Emails.Single(e => e.StepId == "friendly-email");
        email.Body.ShouldContain("- Invoice INV-9, due 2026-11-04, 1 days past due: 300.00 EUR open");
        email.Body.ShouldContain("INV-7, due 2026-10-30, 1,200.00 EUR: under review (dispute D-1)");
    }

    [Fact]
    public void the_ladder_is_chosen_by_what_it_will_chase()
    {
        var account = Opened("Europe/Berlin").With(Invoice("INV-7", 40_000m, Due), Invoice("INV-8", 300m, Due));
        account.With(DisputeDecisions.Decide(account, new RaiseDispute(["INV-7"], "never ordered"), People.Person("collector-1"), Now));
        var s = new DunningSimulation(account, DefaultPolicy.Policy);
        s.Start(account.StartOf(Due.AddDays(1)));

        s.Account.Dunning!.Segment.ShouldBe(CollectionSegment.FirstTimeLatePayer);
    }

    [Fact]
    public void an_escalation_starting_with_everything_disputed_waits_and_says_why()
    {
        var account = Opened("Europe/Berlin").With(Invoice("INV-7", 1200m, Due));
        account.With(DisputeDecisions.Decide(account, new RaiseDispute(["INV-7"], "never ordered"), People.Person("collector-1"), Now));
        var s = new DunningSimulation(account, DefaultPolicy.Policy);
        s.Start(account.StartOf(Due.AddDays(1)));
        s.RunUntil(s.Now.AddDays(60));

        s.Of<ReminderSent>().ShouldBeEmpty();
        s.Of<DunningPaused>().ShouldHaveSingleItem().Until.ShouldBeNull(); // only the dispute's resolution ends it
        s.Process!.WakeDueAt.ShouldBeNull();
    }

    [Fact]
    public void resolving_a_dispute_while_a_promise_is_open_leaves_the_account_paused_for_the_promise()
    {
        var s = TwoInvoices(big: 1200m, small: 300m);
        s.RunUntil(s.Now.AddDays(5));
        s.Promise(1500m, Due.AddDays(15));
        s.Dispute("INV-7", "INV-8");
        s.Resolve("D-1");

        s.Of<DunningResumed>().ShouldBeEmpty();
        s.Account.Dunning!.PausedFor.ShouldBe("promise PR-1 to pay by 2026-11-14");
        s.Of<DunningStepScheduled>().Count().ShouldBe(3); // nothing planned since the promise

        s.RunUntil(s.Account.StartOf(Due.AddDays(18))); // promised date + 2 days' grace, unpaid
        s.Of<PromiseBroken>().ShouldHaveSingleItem();
        var resumed = s.Of<DunningResumed>().ShouldHaveSingleItem();
        resumed.NextStepId.ShouldBe("controller-email");
        s.Events[s.Events.IndexOf(resumed) + 1].ShouldBeOfType<DunningStepScheduled>().StepId.ShouldBe("controller-email");
        s.Account.Dunning.PausedFor.ShouldBeNull();
    }

    [Fact]
    public void every_resumption_plans_a_step()
    {
        var s = TwoInvoices();
        s.RunUntil(s.Now.AddDays(2));
        s.Dispute("INV-7", "INV-8");
        s.Promise(5050m, Due.AddDays(10));
        s.Resolve("D-1");
        s.RunUntil(s.Now.AddDays(30));

        var events = s.Events;
        foreach (var index in events.Select((e, i) => (e, i)).Where(x => x.e is DunningResumed).Select(x => x.i))
            events[index + 1].ShouldBeOfType<DunningStepScheduled>();
        s.Of<DunningResumed>().ShouldNotBeEmpty();
    }
}
