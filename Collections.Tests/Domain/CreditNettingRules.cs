using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Invoicing;
using Collections.Domain.Payments;
using static Collections.Tests.Domain.AccountBuilder;

namespace Collections.Tests.Domain;

/// <summary>Nobody is chased for money already held: credit on the account is set against what is past due first.</summary>
public class CreditNettingRules
{
    private static readonly DateTimeOffset LongAgo = Now.AddDays(-80);

    /// <summary>A payment that found nothing open in its currency: all of it is credit on the account.</summary>
    private static PaymentReceived Credit(string id, decimal amount, DateTimeOffset at, string currency = "EUR") =>
        new(id, new Money(amount, currency), at, [], amount, null);

    private static DebtorAccount WithCredit(params object[] invoices) =>
        Opened().With(Credit("PAY-1", 600m, LongAgo)).With(invoices);

    [Fact]
    public void credit_goes_to_the_oldest_past_due_invoice_of_its_currency_first()
    {
        var account = WithCredit(
            Invoice("INV-NEW", 500m, Today.AddDays(-5)),
            Invoice("INV-OLD", 300m, Today.AddDays(-60)),
            Invoice("INV-NOT-DUE", 200m, Today.AddDays(10)),
            Invoice("INV-USD", 700m, Today.AddDays(-90), "USD"));

        var applied = CreditNetting.Decide(account, Now).ShouldHaveSingleItem();
        applied.PaymentId.ShouldBe("PAY-1");
        applied.Amount.ShouldBe(new Money(600m, "EUR"));
        applied.AppliedTo.ShouldBe([new PaymentAllocation("INV-OLD", 300m), new PaymentAllocation("INV-NEW", 300m)]);
        applied.AppliedAt.ShouldBe(Now);
    }

    [Fact]
    public void the_oldest_credit_is_used_first_and_each_payment_is_named()
    {
        var account = Opened().With(Credit("PAY-LATE", 400m, LongAgo.AddDays(5)), Credit("PAY-EARLY", 100m, LongAgo),
            Invoice("INV-1", 300m, Today.AddDays(-10)));

        var applied = CreditNetting.Decide(account, Now);
        applied.Select(a => (a.PaymentId, a.Amount.Amount)).ShouldBe([("PAY-EARLY", 100m), ("PAY-LATE", 200m)]);
        applied[1].AppliedTo.ShouldBe([new PaymentAllocation("INV-1", 200m)]);
    }

    [Fact]
    public void credit_in_one_currency_never_pays_an_invoice_in_another() =>
        CreditNetting.Decide(WithCredit(Invoice("INV-USD", 700m, Today.AddDays(-90), "USD")), Now).ShouldBeEmpty();

    [Fact]
    public void an_invoice_under_dispute_is_left_alone()
    {
        var account = WithCredit(Invoice("INV-1", 300m, Today.AddDays(-30)), Invoice("INV-2", 300m, Today.AddDays(-20)))
            .With(new DisputeRaised("D-1", ["INV-1"], "never delivered", "collector", Now.AddDays(-1)));

        CreditNetting.Decide(account, Now).ShouldHaveSingleItem().AppliedTo.ShouldBe([new PaymentAllocation("INV-2", 300m)]);
    }

    [Fact]
    public void applied_credit_pays_the_invoice_and_leaves_the_rest_as_credit()
    {
        var account = WithCredit(Invoice("INV-1", 450m, Today.AddDays(-3)));
        account.With(CreditNetting.Decide(account, Now).ToArray<object>());

        account.FindInvoice("INV-1")!.Open.ShouldBe(0m);
        account.PastDueBalance(Now).ShouldBeEmpty();
        account.UnappliedCredit.ShouldBe(new Dictionary<string, decimal> { ["EUR"] = 150m });
        account.Credits.ShouldHaveSingleItem().Left.ShouldBe(new Money(150m, "EUR"));
        CreditNetting.Decide(account, Now).ShouldBeEmpty(); // nothing left to set off
    }

    [Fact]
    public void money_that_arrived_before_the_due_date_is_not_a_late_payment()
    {
        var account = WithCredit(Invoice("INV-1", 600m, Today.AddDays(-3)));
        account.With(CreditNetting.Decide(account, Now).ToArray<object>());

        account.FindInvoice("INV-1")!.PaidOn.ShouldBe(account.FindInvoice("INV-1")!.IssueDate); // the credit predates the invoice
        account.FindInvoice("INV-1")!.WasPaidLate.ShouldBeFalse();
        account.UnappliedCredit.ShouldBeEmpty();
        account.Credits.ShouldBeEmpty();
    }

    [Fact]
    public void a_preview_shows_the_account_after_the_credit_and_leaves_the_account_itself_alone()
    {
        var account = WithCredit(Invoice("INV-1", 1000m, Today.AddDays(-3)));
        var preview = account.Preview(CreditNetting.Decide(account, Now));

        preview.PastDueBalance(Now).ShouldBe([new Money(400m, "EUR")]);
        account.PastDueBalance(Now).ShouldBe([new Money(1000m, "EUR")]);
        account.UnappliedCredit["EUR"].ShouldBe(600m);
    }

    [Fact]
    public void a_preview_copies_every_field_of_an_account_deep_in_its_escalation()
    {
        var account = Opened().With(Credit("PAY-0", 5m, LongAgo, "USD"),
            new InvoiceIssued("INV-7", new Money(1200m, "EUR"), Today.AddDays(-60), Today.AddDays(-30),
                new ContractTerms("MSA-2024", new LateFeeClause(5, 30))));
        var s = new DunningSimulation(account, DefaultPolicy.Policy);
        s.Start(account.StartOf(Today.AddDays(-29)));
        s.RunUntil(s.Now.AddDays(5));
        s.Promise(600m, account.Today(s.Now).AddDays(3));
        s.Pay(100m);
        s.Resolve(s.Dispute("INV-7"));
        s.RunUntil(s.Now.AddDays(40)); // promise broken, final notice, credit hold, open tasks and obligations
        account.CreditHold.ShouldNotBeNull();

        System.Text.Json.JsonSerializer.Serialize(account.Preview([]))
            .ShouldBe(System.Text.Json.JsonSerializer.Serialize(account), "a preview of nothing is the account, field for field");
    }
}

/// <summary>The escalation decides on the account net of its credit: before it starts, before each step, after payments.</summary>
public class ChasingNetOfCredit
{
    private static readonly DateOnly Due = new(2026, 10, 30);

    private static DebtorAccount Account(decimal invoice, decimal credit, params object[] more)
    {
        var account = Opened();
        if (credit > 0) account.With(new PaymentReceived("PAY-1", new Money(credit, "EUR"), Now.AddDays(-90), [], credit, null));
        account.With(new InvoiceIssued("INV-7", new Money(invoice, "EUR"), Due.AddDays(-30), Due, null));
        account.Contacts.Add(new DebtorContact("ctl", "Cleo Control", ContactRole.Controller, "ctl@acme.test", null, null));
        return account.With(more);
    }

    private static DunningSimulation Started(DebtorAccount account, CreditPolicy? policy = null)
    {
        var s = new DunningSimulation(account, policy ?? DefaultPolicy.Policy);
        s.Start(account.StartOf(Due.AddDays(1)));
        return s;
    }

    [Fact]
    public void credit_that_covers_everything_past_due_means_the_escalation_never_starts()
    {
        var s = Started(Account(invoice: 500m, credit: 500m));

        s.Completed.ShouldBeTrue();
        s.Events.ShouldHaveSingleItem().ShouldBeOfType<CreditApplied>().AppliedTo.ShouldBe([new PaymentAllocation("INV-7", 500m)]);
        s.Account.PastDueBalance(s.Now).ShouldBeEmpty();
        s.Account.UnappliedCredit.ShouldBeEmpty();
    }

    [Fact]
    public void the_first_letter_asks_only_for_what_the_credit_does_not_cover()
    {
        var s = Started(Account(invoice: 1200m, credit: 500m));
        s.RunUntil(s.Now.AddDays(2));

        s.Events[0].ShouldBeOfType<CreditApplied>().Amount.ShouldBe(new Money(500m, "EUR"));
        s.Events[1].ShouldBeOfType<DunningStarted>();
        var letter = s.Of<ReminderSent>().ShouldHaveSingleItem();
        letter.RenderedText.ShouldContain("Invoice INV-7, due 2026-10-30, 1 days past due: 700.00 EUR open");
        letter.RenderedText.ShouldNotContain("1,200.00");
    }

    [Fact]
    public void credit_a_payment_leaves_over_goes_to_what_is_past_due_before_the_next_step()
    {
        var s = Started(Account(invoice: 1200m, credit: 0m));
        s.RunUntil(s.Now.AddDays(2));
        s.Account.With(new InvoiceIssued("INV-8", new Money(300m, "EUR"), Due, Due.AddDays(30), null));

        // Paid against the next invoice, with more than it needs: the rest settles the past-due one.
        var payment = s.Account.Decide(new RecordPayment("PAY-2", 1500m, "EUR", s.Now, [new PaymentAllocation("INV-8", 300m)], null), s.Now);
        s.Account.With(payment);
        s.Events.AddRange(payment.Events);
        var result = s.Process!.PaymentReceived(s.Account, DefaultPolicy.Policy, s.Now);

        result.Completed.ShouldBeTrue();
        result.Events.OfType<CreditApplied>().ShouldHaveSingleItem().AppliedTo.ShouldBe([new PaymentAllocation("INV-7", 1200m)]);
        result.Events.OfType<DunningCompleted>().ShouldHaveSingleItem().Reason.ShouldContain("unapplied credit");
    }

    [Fact]
    public void a_resolved_dispute_lets_the_credit_settle_the_invoice_it_held_back()
    {
        var s = Started(Account(invoice: 800m, credit: 800m,
            new DisputeRaised("D-1", ["INV-7"], "price differs from the order", "collector", Now.AddDays(-40))));
        s.Of<CreditApplied>().ShouldBeEmpty(); // the disputed invoice is not paid from the credit
        s.Account.Dunning!.PausedFor.ShouldBe("everything past due is under review: INV-7 (dispute D-1 is open)");

        s.Resolve("D-1");

        s.Completed.ShouldBeTrue();
        s.Of<CreditApplied>().ShouldHaveSingleItem().AppliedTo.ShouldBe([new PaymentAllocation("INV-7", 800m)]);
        s.Of<DunningCompleted>().ShouldHaveSingleItem().Reason.ShouldBe("unapplied credit (800.00 EUR of payment PAY-1) applied: nothing is past due");
        s.Of<ReminderSent>().ShouldBeEmpty();
    }

    [Fact]
    public void under_a_policy_that_only_nets_the_letter_is_net_and_the_credit_stays_unapplied()
    {
        var netting = DefaultPolicy.Policy with { UnappliedCredit = UnappliedCreditRule.Net };
        var s = Started(Account(invoice: 1200m, credit: 500m), netting);
        s.RunUntil(s.Now.AddDays(2));

        s.Of<CreditApplied>().ShouldBeEmpty();
        s.Of<ReminderSent>().ShouldHaveSingleItem().RenderedText.ShouldContain("700.00 EUR open");
        s.Account.UnappliedCredit["EUR"].ShouldBe(500m);
        s.Account.PastDueBalance(s.Now).ShouldBe([new Money(1200m, "EUR")]);
    }

    [Fact]
    public void under_a_policy_that_only_nets_credit_covering_everything_ends_the_escalation_without_applying_it()
    {
        var s = Started(Account(invoice: 500m, credit: 500m), DefaultPolicy.Policy with { UnappliedCredit = UnappliedCreditRule.Net });

        s.Completed.ShouldBeTrue();
        s.Events.ShouldBeEmpty();
        s.Account.UnappliedCredit["EUR"].ShouldBe(500m);
    }
}
