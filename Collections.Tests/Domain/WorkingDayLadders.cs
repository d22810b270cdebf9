using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Escalation;
using Collections.Domain.Invoicing;
using Collections.Domain.Payments;

namespace Collections.Tests.Domain;

/// <summary>The default policy's ladders on the debtor's working days (Germany, the policy's default country).</summary>
public class WorkingDayLadders
{
    private static readonly CreditPolicy Policy = DefaultPolicy.Policy with { Staff = People.Staff };

    private static DateTimeOffset Berlin(int month, int day, int hour, int minute = 0) =>
        new(2031, month, day, hour, minute, 0, TimeSpan.FromHours(month > 3 || (month == 3 && day == 31) ? 2 : 1));

    /// <summary>Two invoices paid late within the year: the firm ladder.</summary>
    private static readonly object[] ChronicHistory =
    [
        new InvoiceIssued("OLD-1", new Money(100m, "EUR"), new DateOnly(2030, 9, 1), new DateOnly(2030, 10, 1), null),
        new PaymentReceived("P-OLD-1", new Money(100m, "EUR"), new DateTimeOffset(2030, 10, 20, 10, 0, 0, TimeSpan.Zero),
            [new PaymentAllocation("OLD-1", 100m)], 0, null),
        new InvoiceIssued("OLD-2", new Money(100m, "EUR"), new DateOnly(2030, 11, 1), new DateOnly(2030, 12, 1), null),
        new PaymentReceived("P-OLD-2", new Money(100m, "EUR"), new DateTimeOffset(2030, 12, 20, 10, 0, 0, TimeSpan.Zero),
            [new PaymentAllocation("OLD-2", 100m)], 0, null)
    ];

    private static DunningSimulation FallingDue(DateOnly due, decimal amount = 1200m, CreditPolicy? policy = null,
        params object[] history)
    {
        var account = WorkingDayRules.Debtor().With(history);
        account.Contacts.AddRange([
            new DebtorContact("ctl", "Cleo Control", ContactRole.Controller, "ctl@acme.test", null, "1 Hauptstrasse, Berlin"),
            new DebtorContact("cfo", "Carl Finance", ContactRole.Cfo, "cfo@acme.test", "+49 30 1234", "1 Hauptstrasse, Berlin"),
            new DebtorContact("own", "Otto Owner", ContactRole.Owner, "own@acme.test", null, "1 Hauptstrasse, Berlin")
        ]);
        account.With(new InvoiceIssued("INV-7", new Money(amount, "EUR"), due.AddDays(-30), due, null));
        var simulation = new DunningSimulation(account, policy ?? Policy);
        simulation.Start(account.StartOf(due.AddDays(1)));
        return simulation;
    }

    [Fact]
    public void a_call_that_falls_on_saturday_is_planned_for_monday()
    {
        // High value: the letter on Thursday 20 March, the call "2d at 10:00" after it would be Saturday.
        var s = FallingDue(new DateOnly(2031, 3, 19), amount: 30_000m);
        s.RunUntil(Berlin(3, 24, 12));

        var planned = s.Of<DunningStepScheduled>().Single(e => e.StepId == "controller-call");
        planned.DueAt.ShouldBe(Berlin(3, 24, 10));
        planned.Moved.ShouldNotBeNull().From.ShouldBe(Berlin(3, 22, 10));
        planned.Moved.Reason.ShouldBe("moved to the next working day: Saturday 22 March 2031 is not a working day in DE; " +
                                      "Sunday 23 March 2031 is not a working day in DE");
        s.Of<CollectionTaskCreated>().Single(t => t.StepId == "controller-call").DueAt.ShouldBe(Berlin(3, 24, 10));
    }

    [Fact]
    public void a_48h_notice_emailed_before_easter_runs_out_on_the_tuesday_after()
    {
        // First-time ladder, its final notice an email to the CFO: Wednesday 9 April 13:00, 48 hours to Good Friday.
        var s = FallingDue(new DateOnly(2031, 3, 11));
        s.RunUntil(Berlin(4, 15, 12));

        var notice = s.Of<ReminderSent>().Single(r => r.StepId == "final-notice");
        notice.SentAt.ShouldBe(Berlin(4, 9, 13));
        notice.RenderedText.ShouldContain("Please contact me by 1:00 pm on Tuesday, 15 April 2031 (Europe/Berlin)");

        var obligation = s.Of<ObligationRecorded>().ShouldHaveSingleItem();
        obligation.Deadline.ShouldBe(Berlin(4, 15, 13));
        obligation.DeadlineMoved.ShouldNotBeNull().From.ShouldBe(Berlin(4, 11, 13));
        obligation.DeadlineMoved.Reason.ShouldContain("Friday 11 April 2031 is a public holiday in DE (Karfreitag)");
        obligation.DeadlineMoved.Reason.ShouldContain("Monday 14 April 2031 is a public holiday in DE (Ostermontag)");
        s.Account.Obligations.ShouldHaveSingleItem().DeadlineMoved.ShouldBe(obligation.DeadlineMoved);
        s.Of<CreditHoldPlaced>().ShouldBeEmpty(); // nothing is done over Easter

        s.RunUntil(Berlin(4, 15, 14));
        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(Berlin(4, 15, 13));
        s.ShouldHaveNoOverdueObligation();
    }

    [Fact]
    public void a_certified_notice_posted_on_wednesday_arrives_on_friday_and_its_48h_run_out_on_monday_not_sunday()
    {
        // Chronic ladder: its final notice, a certified letter, is ready on Monday 17 March at 13:00 and waits for a person.
        var s = FallingDue(new DateOnly(2031, 3, 4), history: ChronicHistory);
        s.RunUntil(Berlin(3, 19, 11));
        var waiting = s.Of<FinalNoticeAwaitingDispatch>().ShouldHaveSingleItem();
        waiting.PreparedAt.ShouldBe(Berlin(3, 17, 13));
        s.Of<ObligationRecorded>().ShouldBeEmpty();

        // Posted on Wednesday at 11:00: "2d" in the post to Friday 11:00, then 48 hours to Sunday.
        s.CompleteTask(waiting.TaskId);
        var notice = s.Of<ReminderSent>().Single(r => r.StepId == "final-notice");
        notice.SentAt.ShouldBe(Berlin(3, 19, 11));
        notice.RenderedText.ShouldContain("Please contact me by 11:00 am on Monday, 24 March 2031 (Europe/Berlin)");
        s.Of<DunningResumed>().Last().Reason.ShouldEndWith("the debtor has until 11:00 am on Monday, 24 March 2031 (Europe/Berlin)");

        var obligation = s.Of<ObligationRecorded>().ShouldHaveSingleItem();
        obligation.Deadline.ShouldBe(Berlin(3, 24, 11));
        obligation.DeadlineMoved.ShouldNotBeNull().From.ShouldBe(Berlin(3, 23, 11));
        obligation.DeadlineMoved.Reason.ShouldBe("moved to the next working day: Sunday 23 March 2031 is not a working day in DE");

        s.RunUntil(Berlin(3, 24, 12));
        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(Berlin(3, 24, 11));
        s.ShouldHaveNoOverdueObligation();
    }

    [Fact]
    public void a_follow_up_that_would_end_on_saturday_holds_the_consequence_until_monday()
    {
        // First-time ladder: the final notice on Wednesday 5 March at 13:00, its deadline Friday at 13:00.
        var s = FallingDue(new DateOnly(2031, 2, 4));
        s.RunUntil(Berlin(3, 6, 10));
        s.Of<ObligationRecorded>().ShouldHaveSingleItem().Deadline.ShouldBe(Berlin(3, 7, 13));

        // Carl rings on Thursday at 10:00: "2d" of follow-up would end on Saturday.
        s.LogContact(Channel.Phone, ContactDirection.Inbound, ContactOutcome.Reached);
        var held = s.Of<ObligationSuspended>().ShouldHaveSingleItem();
        held.FollowUpUntil.ShouldBe(Berlin(3, 10, 10));
        held.FollowUpMoved.ShouldNotBeNull().From.ShouldBe(Berlin(3, 8, 10));
        held.FollowUpMoved.Reason.ShouldBe("moved to the next working day: Saturday 8 March 2031 is not a working day in DE; " +
                                           "Sunday 9 March 2031 is not a working day in DE");
        s.Of<CollectionTaskCreated>().Last().Instructions.ShouldContain("recorded by 10:00 am on Monday, 10 March 2031 (Europe/Berlin)");
        var obligation = s.Account.Obligations.ShouldHaveSingleItem();
        obligation.Deadline.ShouldBe(Berlin(3, 10, 10));
        obligation.DeadlineMoved.ShouldBe(held.FollowUpMoved);

        s.RunUntil(Berlin(3, 9, 23));
        s.Of<CreditHoldPlaced>().ShouldBeEmpty();
        s.RunUntil(Berlin(3, 10, 11));
        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(Berlin(3, 10, 10));
        s.ShouldHaveNoOverdueObligation();
    }

    [Fact]
    public void delivery_and_follow_up_in_working_days_skip_the_weekend_and_need_no_move()
    {
        var policy = Policy with
        {
            Notices = Policy.Notices with
            {
                FollowUpGrace = PolicyDuration.WorkingDays(2),
                DeliveryTime = new Dictionary<Channel, PolicyDuration> { [Channel.CertifiedLetter] = PolicyDuration.WorkingDays(2) }
            }
        };
        var s = FallingDue(new DateOnly(2031, 3, 4), policy: policy, history: ChronicHistory);
        s.RunUntil(Berlin(3, 21, 11));

        // Posted on Friday 21 March at 11:00: two working days in the post, Monday and Tuesday; 48 hours to Thursday.
        s.CompleteTask(s.Of<FinalNoticeAwaitingDispatch>().Single().TaskId);
        var obligation = s.Of<ObligationRecorded>().ShouldHaveSingleItem();
        obligation.Deadline.ShouldBe(Berlin(3, 27, 11));
        obligation.DeadlineMoved.ShouldBeNull();

        // A call on Thursday at 10:00 holds the hold for two working days: Friday and Monday.
        s.RunUntil(Berlin(3, 27, 10));
        s.LogContact(Channel.Phone, ContactDirection.Inbound, ContactOutcome.Reached);
        var held = s.Of<ObligationSuspended>().ShouldHaveSingleItem();
        held.FollowUpUntil.ShouldBe(Berlin(3, 31, 10)); // summer time since Sunday: 10:00 at the debtor's office all the same
        held.FollowUpMoved.ShouldBeNull();

        s.RunUntil(Berlin(3, 31, 11));
        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(Berlin(3, 31, 10));
    }

    [Fact]
    public void a_dunning_block_that_ends_at_the_weekend_lets_the_ladder_go_on_on_monday()
    {
        var s = FallingDue(new DateOnly(2031, 3, 4));
        s.Block("INV-7", until: new DateOnly(2031, 3, 14)); // a Friday: the block ends at 00:00 on Saturday
        s.RunUntil(Berlin(3, 15, 12));
        s.Of<ReminderSent>().ShouldBeEmpty();

        var planned = s.Of<DunningStepScheduled>().Last();
        planned.StepId.ShouldBe("reminder-letter");
        planned.DueAt.ShouldBe(Berlin(3, 17, 9));
        planned.Moved.ShouldNotBeNull().Reason.ShouldBe("moved to the next working day: Saturday 15 March 2031 is not a working day in DE; " +
                                                        "Sunday 16 March 2031 is not a working day in DE");
        s.RunUntil(Berlin(3, 17, 10));
        s.Of<ReminderSent>().ShouldHaveSingleItem().SentAt.ShouldBe(Berlin(3, 17, 9));
    }

    [Fact]
    public void a_reminder_due_on_a_public_holiday_waits_for_the_next_working_day()
    {
        // Due on Maundy Thursday: Good Friday, the Easter weekend and Easter Monday pass without a letter.
        var s = FallingDue(new DateOnly(2031, 4, 10));
        s.RunUntil(Berlin(4, 15, 12));

        s.Of<ReminderSent>().ShouldHaveSingleItem().SentAt.ShouldBe(Berlin(4, 15, 9));
        s.Of<ReminderSent>().Single().RenderedText.ShouldContain("due 2031-04-10, 5 days past due");
        s.Of<DunningStepScheduled>().First().Moved!.Reason.ShouldContain("Friday 11 April 2031 is a public holiday in DE (Karfreitag)");
    }

    public static TheoryData<string> Ladders => new(["firstTimeLatePayer", "chronicLatePayer", "highValue"]);

    [Theory]
    [MemberData(nameof(Ladders))]
    public void no_step_and_no_deadline_of_a_whole_ladder_falls_on_a_non_working_day(string ladder)
    {
        var calendar = WorkingDayRules.Debtor().WorkingCalendar(Policy);
        for (var due = new DateOnly(2031, 1, 1); due.Year == 2031; due = due.AddDays(1))
        {
            var s = ladder switch
            {
                "chronicLatePayer" => FallingDue(due, history: ChronicHistory),
                "highValue" => FallingDue(due, amount: 30_000m),
                _ => FallingDue(due)
            };
            s.RunSendingNoticesAtOnce(s.Now.AddDays(150));
            s.Completed.ShouldBeTrue($"{ladder}, due {due}");

            var moments = s.Of<ReminderSent>().Select(e => ("sent", e.SentAt))
                .Concat(s.Of<CollectionTaskCreated>().Select(e => ("task", e.DueAt)))
                .Concat(s.Of<DunningStepScheduled>().Select(e => ($"step {e.StepId}", e.DueAt)))
                .Concat(s.Of<FinalNoticeAwaitingDispatch>().Select(e => ("notice to post", e.PreparedAt)))
                .Concat(s.Of<ObligationRecorded>().Select(e => ("deadline", e.Deadline)))
                .Concat(s.Of<CreditHoldPlaced>().Select(e => ("hold", e.PlacedAt)))
                .Concat(s.Of<EscalatedToAgency>().Select(e => ("referral", e.EscalatedAt)));
            foreach (var (what, at) in moments)
                calendar.IsWorkingDay(DateOnly.FromDateTime(s.Account.Local(at).DateTime))
                    .ShouldBeTrue($"{ladder}, due {due}: {what} at {s.Account.Local(at):ddd yyyy-MM-dd HH:mm}");
            foreach (var moved in s.Of<DunningStepScheduled>().Where(e => e.Moved is not null))
                moved.DueAt.ShouldBeGreaterThan(moved.Moved!.From);
        }
    }
}
