using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Payments;
using Collections.Domain.WriteOffs;
using static Collections.Tests.Domain.AccountBuilder;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

/// <summary>A write-off above the policy's threshold takes a second, different credit manager.</summary>
public class FourEyesWriteOffRules
{
    private static readonly WriteOffApproval Above5000Eur = new(new Dictionary<string, decimal> { ["EUR"] = 5000m });
    private static readonly Actor Maria = Person("maria.credit");
    private static readonly Actor Morgan = Person("morgan.hale");

    private static DebtorAccount Owing(decimal amount, string currency = "EUR") =>
        Opened().With(Invoice("INV-1", amount, Today.AddDays(-200), currency));

    private static DebtorAccount Requested(decimal amount = 8000m)
    {
        var account = Owing(amount);
        account.Decide(new WriteOffAccount("insolvent"), Maria, Above5000Eur, Now).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<WriteOffRequested>().RequestedBy.ShouldBe("maria.credit");
        return account.With(account.Decide(new WriteOffAccount("insolvent"), Maria, Above5000Eur, Now));
    }

    [Fact]
    public void at_or_under_the_threshold_one_credit_manager_writes_off() =>
        Owing(5000m).Decide(new WriteOffAccount("insolvent"), Maria, Above5000Eur, Now).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<AccountWrittenOff>().ShouldSatisfyAllConditions(
                e => e.ApprovedBy.ShouldBe("maria.credit"), e => e.RequestedBy.ShouldBeNull());

    [Fact]
    public void above_it_the_write_off_is_only_asked_for_and_the_balance_stays_open()
    {
        var account = Requested();
        account.IsWrittenOff.ShouldBeFalse();
        account.PendingWriteOff.ShouldNotBeNull().Amounts.ShouldBe([new Money(8000m, "EUR")]);
        account.OpenBalance().ShouldBe([new Money(8000m, "EUR")]);
    }

    [Fact]
    public void a_currency_the_policy_does_not_list_always_takes_two() =>
        Owing(10m, "USD").Decide(new WriteOffAccount("insolvent"), Maria, Above5000Eur, Now).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<WriteOffRequested>();

    [Fact]
    public void whoever_asked_may_not_approve_their_own_request()
    {
        var account = Requested();
        account.Decide(new DecideWriteOff(true, "as discussed"), Maria, Now).ShouldBeRejected(RejectionKind.Forbidden, "approve");
        account.Decide(new WriteOffAccount("insolvent"), Maria, Above5000Eur, Now).IsUnchanged.ShouldBeTrue();
    }

    [Fact]
    public void a_second_credit_manager_approves_and_both_are_on_the_event()
    {
        var account = Requested();
        var written = account.Decide(new DecideWriteOff(true, "administrator's letter on file"), Morgan, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<AccountWrittenOff>();
        written.ApprovedBy.ShouldBe("morgan.hale");
        written.RequestedBy.ShouldBe("maria.credit");
        written.Reason.ShouldBe("insolvent");
        account.With(Decision.Append(written));
        account.IsWrittenOff.ShouldBeTrue();
        account.PendingWriteOff.ShouldBeNull();
    }

    [Fact]
    public void a_declined_request_leaves_the_account_as_it_was()
    {
        var account = Requested();
        account.With(account.Decide(new DecideWriteOff(false, "the guarantor can pay"), Morgan, Now));
        account.PendingWriteOff.ShouldBeNull();
        account.IsWrittenOff.ShouldBeFalse();
        account.Decide(new DecideWriteOff(true, "again"), Morgan, Now).ShouldBeRejected(RejectionKind.NotAllowed, "accountNumber");
    }

    [Fact]
    public void another_credit_manager_cannot_ask_over_a_waiting_request() =>
        Requested().Decide(new WriteOffAccount("insolvent"), Morgan, Above5000Eur, Now)
            .ShouldBeRejected(RejectionKind.NotAllowed, "accountNumber");

    [Fact]
    public void an_approval_never_writes_off_more_than_was_asked_for()
    {
        var account = Requested();
        account.With(Invoice("INV-2", 100m, Today.AddDays(-10)));
        account.Decide(new DecideWriteOff(true, "ok"), Morgan, Now).ShouldBeRejected(RejectionKind.NotAllowed, "approve");
    }

    [Fact]
    public void a_part_payment_since_the_request_is_not_written_off()
    {
        var account = Requested();
        account.With(account.Decide(new RecordPayment("PAY-1", 3000m, "EUR", null, null, null), Now));
        account.Decide(new DecideWriteOff(true, "ok"), Morgan, Now).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<AccountWrittenOff>().Amounts.ShouldBe([new Money(5000m, "EUR")]);
    }
}
