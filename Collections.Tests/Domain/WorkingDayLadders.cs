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
    private static readonly CreditPolicy Policy = DefaultPolicy.Policy;

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

    private static DunningSimulation FallingDue(DateOnly due, decimal amount = 1200m, params object[] history)
    {
        var account = WorkingDayRules.Debtor().With(history);
        account.Contacts.AddRange([
            new DebtorContact("ctl", "Cleo Control", ContactRole.Controller, "ctl@acme.test", null, null),
            new DebtorContact("cfo", "Carl Finance", ContactRole.Cfo, "cfo@acme.test", "+49 30 1234", null),
            new DebtorContact("own", "Otto Owner", ContactRole.Owner, null, null, "1 Hauptstrasse, Berlin")
        ]);
        account.With(new InvoiceIssued("INV-7", new Money(amount, "EUR"), due.AddDays(-30), due, null));
        var simulation = new DunningSimulation(account, Policy);
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
    public void a_48h_notice_sent_on_thursday_runs_out_on_monday_not_saturday()
    {
        // Chronic: letter Monday 24 March, email Thursday, call Monday 31 March, final notice "3d at 13:00": Thursday 3 April.
        var s = FallingDue(new DateOnly(2031, 3, 23), history: ChronicHistory);
        s.RunUntil(Berlin(4, 8, 12));

        var notice = s.Of<ReminderSent>().Single(r => r.StepId == "final-notice");
        notice.SentAt.ShouldBe(Berlin(4, 3, 13));
        notice.RenderedText.ShouldContain("Please contact me by 1:00 pm on Monday, 7 April 2031 (Europe/Berlin)");

        var obligation = s.Of<ObligationRecorded>().ShouldHaveSingleItem();
        obligation.Deadline.ShouldBe(Berlin(4, 7, 13));
        obligation.DeadlineMoved.ShouldNotBeNull().From.ShouldBe(Berlin(4, 5, 13));
        obligation.DeadlineMoved.Reason.ShouldContain("Saturday 5 April 2031 is not a working day in DE");
        s.Account.Obligations.ShouldHaveSingleItem().DeadlineMoved.ShouldBe(obligation.DeadlineMoved);

        s.Of<CreditHoldPlaced>().ShouldHaveSingleItem().PlacedAt.ShouldBe(Berlin(4, 7, 13));
        s.ShouldHaveNoOverdueObligation();
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
            s.RunUntil(s.Now.AddDays(150));
            s.Completed.ShouldBeTrue($"{ladder}, due {due}");

            var moments = s.Of<ReminderSent>().Select(e => ("sent", e.SentAt))
                .Concat(s.Of<CollectionTaskCreated>().Select(e => ("task", e.DueAt)))
                .Concat(s.Of<DunningStepScheduled>().Select(e => ($"step {e.StepId}", e.DueAt)))
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
