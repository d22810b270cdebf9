using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Escalation;
using Collections.Domain.Invoicing;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using Collections.Domain.WriteOffs;
using static Collections.Tests.Domain.AccountBuilder;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

public class WriteOffRules
{
    private static readonly WriteOffApproval OneEnough = new(new Dictionary<string, decimal> { ["EUR"] = 1_000_000m });

    private static Collections.Domain.Accounts.DebtorAccount WrittenOff()
    {
        var account = Opened().With(Invoice("INV-1", 300m, Today.AddDays(-200)));
        return account.With(account.Decide(new WriteOffAccount("insolvent"), Person("Maria Credit"), OneEnough, Now));
    }

    [Fact]
    public void a_write_off_takes_the_open_balance()
    {
        var account = WrittenOff();
        account.WriteOff!.Amounts.ShouldBe([new Money(300m, "EUR")]);
        account.OpenBalance().ShouldBeEmpty();
    }

    public static TheoryData<string, Func<Collections.Domain.Accounts.DebtorAccount, Decision>> Commands => new()
    {
        { "invoice", a => a.Decide(new IssueInvoice("INV-2", 10m, "EUR", Today, Today, null)) },
        { "payment", a => a.Decide(new RecordPayment("PAY-1", 10m, "EUR", null, null, null), Now) },
        { "contact", a => a.Decide(new LogContact(Channel.Phone, ContactDirection.Outbound, null, "called", ContactOutcome.NoAnswer, null), Person("c"), Now) },
        { "promise", a => a.Decide(new RecordPromise(10m, "EUR", Today.AddDays(3), null, null), Person("c"), Now) },
        { "dispute", a => a.Decide(new RaiseDispute(["INV-1"], "wrong price"), Person("c"), Now) },
        { "hold", a => a.Decide(new PlaceCreditHold("late"), Person("c"), Now) },
        { "agency", a => a.Decide(new EscalateToAgency("Agency", null), Person("c"), Now) }
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void nothing_but_a_reopening_happens_on_a_written_off_account(string _, Func<Collections.Domain.Accounts.DebtorAccount, Decision> command) =>
        command(WrittenOff()).ShouldBeRejected(RejectionKind.NotAllowed, "accountNumber");

    [Fact]
    public void a_repeat_of_an_invoice_issued_before_the_write_off_changes_nothing() =>
        WrittenOff().Decide(new IssueInvoice("INV-1", 300m, "EUR", Today.AddDays(-230), Today.AddDays(-200), null))
            .IsUnchanged.ShouldBeTrue();

    [Fact]
    public void writing_off_again_changes_nothing() =>
        WrittenOff().Decide(new WriteOffAccount("insolvent"), Person("Maria Credit"), OneEnough, Now).IsUnchanged.ShouldBeTrue();

    [Fact]
    public void reopening_makes_the_written_off_amounts_open_again()
    {
        var account = WrittenOff();
        account.With(account.Decide(new ReopenAccount("debtor resurfaced"), Person("Maria Credit"), Now));
        account.IsWrittenOff.ShouldBeFalse();
        account.OpenBalance().ShouldBe([new Money(300m, "EUR")]);
        account.Decide(new RecordPayment("PAY-1", 10m, "EUR", null, null, null), Now).IsRejected.ShouldBeFalse();
    }

    [Fact]
    public void an_account_with_nothing_open_cannot_be_written_off() =>
        Opened().Decide(new WriteOffAccount("nothing"), Person("Maria Credit"), OneEnough, Now)
            .ShouldBeRejected(RejectionKind.NotAllowed, "accountNumber");
}
