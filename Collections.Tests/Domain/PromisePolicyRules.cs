using Collections.Domain.Common;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Promises;
using static Collections.Tests.Domain.AccountBuilder;
using static Collections.Tests.Domain.People;

namespace Collections.Tests.Domain;

/// <summary>The credit policy's promise rules: only a promise within them, or one a credit manager approved, holds the escalation.</summary>
public class PromisePolicyRules
{
    private static readonly PromiseRules HalfWithinTwoWeeks = new(50m, TimeSpan.FromDays(14));

    private static RecordPromise Promise(decimal amount, DateOnly date) => new(amount, "EUR", date, "cfo", "On the phone");

    private static Collections.Domain.Accounts.DebtorAccount PastDue(decimal amount = 1200m) =>
        Opened().With(Invoice("INV-1", amount, Today.AddDays(-10)));

    [Fact]
    public void a_promise_within_the_policy_is_accepted_by_itself()
    {
        var account = PastDue();
        var decision = account.Decide(Promise(600m, Today.AddDays(14)), Person("collector-1"), Now, HalfWithinTwoWeeks);

        decision.Events.ShouldHaveSingleItem().ShouldBeOfType<PromiseMade>();
        var promise = account.With(decision).OpenPromise!;
        promise.Acceptance.ShouldBe(PromiseAcceptance.WithinPolicy);
        promise.IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public void the_share_is_of_what_is_owed_once_the_credit_on_the_account_is_set_against_it()
    {
        var account = PastDue().With(new Collections.Domain.Payments.PaymentReceived("PAY-0", new Money(1000m, "EUR"), Now.AddDays(-30), [],
            1000m, null));
        // A sixth of the 1,200.00 past due, but all of the 200.00 the escalation will chase.
        account.Decide(Promise(200m, Today.AddDays(7)), Person("collector-1"), Now, HalfWithinTwoWeeks)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<PromiseMade>();
        account.Decide(Promise(99.99m, Today.AddDays(7)), Person("collector-1"), Now, HalfWithinTwoWeeks)
            .Events.OfType<PromiseReferredForApproval>().ShouldHaveSingleItem().Reasons.ShouldHaveSingleItem()
            .ShouldContain("of the 200.00 EUR past due");
    }

    [Fact]
    public void a_token_promise_far_out_is_recorded_and_referred_for_approval_with_each_reason()
    {
        var account = PastDue(10_000m);
        var decision = account.Decide(Promise(1m, Today.AddDays(300)), Person("collector-1"), Now, HalfWithinTwoWeeks);

        decision.Events.Select(e => e.GetType()).ShouldBe([typeof(PromiseMade), typeof(PromiseReferredForApproval)]);
        var referred = decision.Events.OfType<PromiseReferredForApproval>().Single();
        referred.PromiseId.ShouldBe("PR-1");
        referred.Reasons.Count.ShouldBe(2);
        referred.Reasons[0].ShouldBe("1.00 EUR is 0.01% of the 10000.00 EUR past due; the policy asks for at least 50%.");
        referred.Reasons[1].ShouldBe($"{Today.AddDays(300):yyyy-MM-dd} is 300 days away; the policy allows dates up to {Today.AddDays(14):yyyy-MM-dd}.");

        var promise = account.With(decision).OpenPromise!;
        promise.IsAccepted.ShouldBeFalse();
        promise.Acceptance.ShouldBe(PromiseAcceptance.AwaitingApproval);
        promise.AcceptanceReason.ShouldContain("until a credit manager approves it");
    }

    [Theory]
    [InlineData(599.99, 14, "of the 1200.00 EUR past due")]
    [InlineData(600, 15, "days away")]
    public void a_promise_just_outside_one_rule_is_referred_for_that_rule(decimal amount, int days, string reason)
    {
        var decision = PastDue().Decide(Promise(amount, Today.AddDays(days)), Person("collector-1"), Now, HalfWithinTwoWeeks);
        decision.Events.OfType<PromiseReferredForApproval>().Single().Reasons.ShouldHaveSingleItem().ShouldContain(reason);
    }

    [Fact]
    public void without_promise_rules_in_the_policy_every_promise_is_accepted() =>
        PastDue(10_000m).Decide(Promise(1m, Today.AddDays(300)), Person("collector-1"), Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<PromiseMade>();

    [Fact]
    public void a_credit_manager_approving_a_promise_outside_the_policy_is_named_and_gives_the_reason()
    {
        var account = PastDue(10_000m);
        account.With(account.Decide(Promise(1m, Today.AddDays(300)), Person("collector-1"), Now, HalfWithinTwoWeeks));

        var approved = account.Decide("PR-1", new ApprovePromise("Parent company guarantee on file"), Person("morgan.hale"), Now.AddHours(1))
            .Events.ShouldHaveSingleItem().ShouldBeOfType<PromiseApproved>();
        approved.ApprovedBy.ShouldBe("morgan.hale");
        approved.Note.ShouldBe("Parent company guarantee on file");

        var promise = account.With(approved).OpenPromise!;
        promise.IsAccepted.ShouldBeTrue();
        promise.Acceptance.ShouldBe(PromiseAcceptance.Approved);
        promise.AcceptanceReason.ShouldBe("Outside the credit policy, approved by morgan.hale on 2026-11-23: Parent company guarantee on file");
    }

    [Fact]
    public void approving_a_promise_within_the_policy_changes_nothing()
    {
        var account = PastDue();
        account.With(account.Decide(Promise(1200m, Today.AddDays(7)), Person("collector-1"), Now, HalfWithinTwoWeeks));
        account.Decide("PR-1", new ApprovePromise("fine"), Person("morgan.hale"), Now).IsUnchanged.ShouldBeTrue();
    }

    [Fact]
    public void an_approval_names_the_open_promise_gives_a_note_and_comes_before_its_date()
    {
        var account = PastDue(10_000m);
        account.With(account.Decide(Promise(1m, Today.AddDays(3)), Person("collector-1"), Now, HalfWithinTwoWeeks));

        account.Decide("PR-9", new ApprovePromise("ok"), Person("morgan.hale"), Now).ShouldBeRejected(RejectionKind.NotAllowed, "promiseId");
        account.Decide("PR-1", new ApprovePromise(" "), Person("morgan.hale"), Now).ShouldBeRejected(RejectionKind.Invalid, "note");
        account.Decide("PR-1", new ApprovePromise("ok"), Person("morgan.hale"), Now.AddDays(4))
            .ShouldBeRejected(RejectionKind.NotAllowed, "promiseId");
    }

    [Fact]
    public void a_new_promise_supersedes_one_nobody_approved_without_counting_it_broken()
    {
        var account = PastDue(10_000m);
        account.With(account.Decide(Promise(1m, Today.AddDays(300)), Person("collector-1"), Now, HalfWithinTwoWeeks));

        var decision = account.Decide(Promise(10_000m, Today.AddDays(5)), Person("collector-1"), Now, HalfWithinTwoWeeks);
        decision.Events.OfType<PromiseSuperseded>().ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            s => s.PromiseId.ShouldBe("PR-1"), s => s.SupersededBy.ShouldBe("PR-2"));
        account.With(decision).OpenPromise!.PromiseId.ShouldBe("PR-2");
        account.PromisesBroken.ShouldBe(0);
    }

    [Fact]
    public void an_accepted_promise_still_stands_in_the_way_of_a_second_one()
    {
        var account = PastDue(10_000m);
        account.With(account.Decide(Promise(1m, Today.AddDays(300)), Person("collector-1"), Now, HalfWithinTwoWeeks));
        account.With(account.Decide("PR-1", new ApprovePromise("guaranteed"), Person("morgan.hale"), Now));

        account.Decide(Promise(10_000m, Today.AddDays(5)), Person("collector-1"), Now, HalfWithinTwoWeeks)
            .ShouldBeRejected(RejectionKind.NotAllowed, "promisedDate");
    }

    [Fact]
    public void an_accepted_promise_is_an_accepted_arrangement_until_broken_and_one_awaiting_approval_is_not()
    {
        var accepted = PastDue();
        accepted.With(accepted.Decide(Promise(1200m, Today.AddDays(7)), Person("collector-1"), Now, HalfWithinTwoWeeks));
        accepted.HasAcceptedArrangement().ShouldBeTrue();
        accepted.HasAcceptedArrangement().ShouldBeTrue("within the grace it is still awaited; only an event ends it");
        accepted.With(new PromiseBroken("PR-1", new Money(1200m, "EUR"), Now.AddDays(10)));
        accepted.HasAcceptedArrangement().ShouldBeFalse();

        var awaiting = PastDue(10_000m);
        awaiting.With(awaiting.Decide(Promise(1m, Today.AddDays(300)), Person("collector-1"), Now, HalfWithinTwoWeeks));
        awaiting.HasAcceptedArrangement().ShouldBeFalse();
        awaiting.With(awaiting.Decide("PR-1", new ApprovePromise("guaranteed"), Person("morgan.hale"), Now));
        awaiting.HasAcceptedArrangement().ShouldBeTrue();
    }
}
