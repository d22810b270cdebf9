using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Invoicing;
using Collections.Domain.Payments;
using static Collections.Tests.Domain.AccountBuilder;

namespace Collections.Tests.Domain;

/// <summary>
/// What a final notice says, the service keeps: "if I do not hear from you by then" (hearing from the debtor in
/// time holds the consequence), and the deadline runs from when the notice really went out.
/// </summary>
public class FinalNoticePromises
{
    private static readonly DateOnly Due = new(2026, 10, 30);

    /// <summary>The gentle ladder: its final notice is an email to the CFO, with a 48 h window and a credit hold.</summary>
    private static DunningSimulation FirstTimeLatePayer()
    {
        var account = Opened("Europe/Berlin").With(new InvoiceIssued("INV-7", new Money(1200m, "EUR"), Due.AddDays(-30), Due, null));
        account.Contacts.Add(new DebtorContact("ctl", "Cleo Control", ContactRole.Controller, "ctl@acme.test", null, null));
        var s = new DunningSimulation(account, DefaultPolicy.Policy);
        s.Start(account.StartOf(Due.AddDays(1)));
        return s;
    }

    /// <summary>The firm ladder: its final notice goes by certified letter, which a person posts.</summary>
    private static DunningSimulation ChronicLatePayer()
    {
        var account = Opened("Europe/Berlin").With(
            new InvoiceIssued("OLD-1", new Money(100m, "EUR"), Today.AddDays(-200), Today.AddDays(-170), null),
            new PaymentReceived("P-OLD-1", new Money(100m, "EUR"), Now.AddDays(-150), [new PaymentAllocation("OLD-1", 100m)], 0, null),
            new InvoiceIssued("OLD-2", new Money(100m, "EUR"), Today.AddDays(-120), Today.AddDays(-90), null),
            new PaymentReceived("P-OLD-2", new Money(100m, "EUR"), Now.AddDays(-60), [new PaymentAllocation("OLD-2", 100m)], 0, null),
            new InvoiceIssued("INV-7", new Money(1200m, "EUR"), Due.AddDays(-30), Due, null));
        account.Contacts.Add(new DebtorContact("ctl", "Cleo Control", ContactRole.Controller, "ctl@acme.test", null, null));
        var s = new DunningSimulation(account, DefaultPolicy.Policy);
        s.Start(account.StartOf(Due.AddDays(1)));
        return s;
    }

    private static ObligationRecorded NoticeOut(DunningSimulation s)
    {
        s.RunUntil(s.Account.At(Due.AddDays(28), new TimeOnly(14, 0))); // the final notice went out at 13:00
        return s.Of<ObligationRecorded>().ShouldHaveSingleItem();
    }

    [Fact]
    public void an_inbound_call_that_reaches_us_before_the_deadline_holds_the_credit_hold_for_the_follow_up()
    {
        var s = FirstTimeLatePayer();
        var obligation = NoticeOut(s);
        s.RunUntil(obligation.Deadline.AddMinutes(-25));
        s.LogContact(Channel.Phone, ContactDirection.Inbound, ContactOutcome.Reached);

        var held = s.Of<ObligationSuspended>().ShouldHaveSingleItem();
        held.FollowUpUntil.ShouldBe(s.Now.AddDays(2));
        held.Reason.ShouldContain("before the deadline");
        var followUp = s.Of<CollectionTaskCreated>().Last();
        followUp.Assignee.ShouldBe("Morgan Hale"); // the notice's sender
        followUp.Instructions.ShouldContain("a hold on all your pending orders follows then");
        s.Account.Obligations.Single().HeldBecause.ShouldNotBeNull();

        s.RunUntil(obligation.Deadline.AddHours(1));
        s.Of<CreditHoldPlaced>().ShouldBeEmpty();
        s.RunUntil(held.FollowUpUntil.AddMinutes(1));
        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(held.FollowUpUntil);
        s.ShouldHaveNoOverdueObligation();
    }

    [Fact]
    public void a_payment_during_the_follow_up_means_the_hold_never_comes()
    {
        var s = FirstTimeLatePayer();
        var obligation = NoticeOut(s);
        s.RunUntil(obligation.Deadline.AddHours(-1));
        s.LogContact(Channel.Phone, ContactDirection.Inbound, ContactOutcome.Reached);
        s.RunUntil(obligation.Deadline.AddDays(1));
        s.Pay(1200m);
        s.RunUntil(obligation.Deadline.AddDays(10));

        s.Of<CreditHoldPlaced>().ShouldBeEmpty();
        s.Of<ObligationCancelled>().ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(Channel.Phone, ContactDirection.Inbound, ContactOutcome.LeftMessage)]
    [InlineData(Channel.Phone, ContactDirection.Inbound, ContactOutcome.NoAnswer)]
    [InlineData(Channel.Phone, ContactDirection.Outbound, ContactOutcome.Reached)]
    [InlineData(Channel.Letter, ContactDirection.Inbound, ContactOutcome.Reached)]
    public void a_contact_the_policy_does_not_count_changes_nothing(Channel channel, ContactDirection direction, ContactOutcome outcome)
    {
        var s = FirstTimeLatePayer();
        var obligation = NoticeOut(s);
        s.RunUntil(obligation.Deadline.AddHours(-1));
        s.LogContact(channel, direction, outcome);
        s.RunUntil(obligation.Deadline.AddMinutes(1));

        s.Of<ObligationSuspended>().ShouldBeEmpty();
        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(obligation.Deadline);
    }

    [Fact]
    public void a_call_after_the_deadline_is_too_late_and_a_second_call_does_not_extend_the_follow_up()
    {
        var s = FirstTimeLatePayer();
        var obligation = NoticeOut(s);
        s.RunUntil(obligation.Deadline.AddMinutes(-5));
        s.LogContact(Channel.Phone, ContactDirection.Inbound, ContactOutcome.Reached);
        var until = s.Of<ObligationSuspended>().Single().FollowUpUntil;
        s.RunUntil(until.AddHours(-1));
        s.LogContact(Channel.Phone, ContactDirection.Inbound, ContactOutcome.Reached);
        s.RunUntil(until.AddMinutes(1));

        s.Of<ObligationSuspended>().ShouldHaveSingleItem();
        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(until);
    }

    [Fact]
    public void a_certified_letter_notice_starts_no_deadline_until_it_is_posted()
    {
        var s = ChronicLatePayer();
        s.RunUntil(s.Now.AddDays(60));

        var waiting = s.Of<FinalNoticeAwaitingDispatch>().ShouldHaveSingleItem();
        waiting.Channel.ShouldBe(Channel.CertifiedLetter);
        s.Of<ObligationRecorded>().ShouldBeEmpty();
        s.Of<CreditHoldPlaced>().ShouldBeEmpty();
        s.Of<ReminderSent>().ShouldNotContain(r => r.StepId == "final-notice");
        s.Account.Dunning!.PausedFor.ShouldNotBeNull().ShouldContain("waits to be sent");
        s.Account.NoticesAwaitingDispatch.ShouldBe([waiting.TaskId]);
        s.Process!.WakeDueAt.ShouldBeNull();
        s.Of<CollectionTaskCreated>().Single(t => t.TaskId == waiting.TaskId).Instructions
            .ShouldContain("[the date and time set when this is sent]");
    }

    [Fact]
    public void once_posted_the_notice_names_its_real_deadline_and_the_hold_follows_it()
    {
        var s = ChronicLatePayer();
        s.RunUntil(s.Now.AddDays(12));
        var waiting = s.Of<FinalNoticeAwaitingDispatch>().ShouldHaveSingleItem();
        s.RunUntil(s.Now.AddDays(3)); // the letter sat on a desk for days
        var postedAt = s.Now;
        s.CompleteTask(waiting.TaskId);

        // Two days in the post, then the 48 hours the notice gives.
        var deadline = s.Account.After(s.Account.After(postedAt, TimeSpan.FromDays(2)), TimeSpan.FromHours(48));
        var notice = s.Of<ReminderSent>().Single(r => r.StepId == "final-notice");
        notice.SentAt.ShouldBe(postedAt);
        notice.RenderedText.ShouldContain(s.Account.Describe(deadline));
        s.Of<ObligationRecorded>().ShouldHaveSingleItem().Deadline.ShouldBe(deadline);
        s.Account.NoticesAwaitingDispatch.ShouldBeEmpty();

        s.RunUntil(deadline.AddMinutes(-1));
        s.Of<CreditHoldPlaced>().ShouldBeEmpty();
        s.RunUntil(deadline.AddMinutes(1));
        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(deadline);
    }

    [Fact]
    public void a_promise_withdraws_a_notice_not_yet_posted_and_it_is_given_again_after_the_promise_breaks()
    {
        var s = ChronicLatePayer();
        s.RunUntil(s.Now.AddDays(12));
        var first = s.Of<FinalNoticeAwaitingDispatch>().ShouldHaveSingleItem();
        s.Promise(1200m, Due.AddDays(20));

        s.Of<FinalNoticeWithdrawn>().ShouldHaveSingleItem().TaskId.ShouldBe(first.TaskId);
        s.Account.OpenTasks.ShouldNotContain(t => t.TaskId == first.TaskId);
        s.RunUntil(s.Now.AddDays(10)); // promised date and grace passed, nothing paid

        s.Of<FinalNoticeAwaitingDispatch>().Count().ShouldBe(2);
        s.Of<CreditHoldPlaced>().ShouldBeEmpty();
    }

    [Fact]
    public void the_policy_file_names_a_bad_notice_setting()
    {
        var json = File.ReadAllText(DefaultPolicy.Path)
            .Replace("\"followUpGrace\": \"2d\"", "\"followUpGrace\": \"two days\"")
            .Replace("\"channels\": [\"phone\", \"email\", \"meeting\"]", "\"channels\": []");
        var errors = CreditPolicyParser.Parse(json, "policy.json").Errors;
        errors.ShouldContain(e => e.Contains("$.finalNotices.followUpGrace"));
        errors.ShouldContain(e => e.Contains("$.finalNotices.contactThatCounts.channels"));
    }
}
