using Collections.Domain.Common;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Notices;
using Collections.Projections.Summaries;

namespace Collections.Projections.WorkQueues;

public enum WorkKind
{
    Call = 1,
    LetterToSend = 2,
    PromiseFallingDue = 3,
    BrokenPromise = 4,
    FinalNoticeDeadline = 5,
    HoldToReview = 6,
    Dispute = 7,

    /// <summary>A final notice a person must send; its deadline starts only once they mark it sent.</summary>
    NoticeToDispatch = 8
}

/// <param name="Priority">Weighs money and age: the past-due amount, grown by a third for every 10 days the oldest item is late.</param>
public sealed record WorkItem(
    string AccountNumber,
    string DebtorName,
    string? Collector,
    WorkKind Kind,
    string Detail,
    DateTimeOffset? DueAt,
    IReadOnlyList<Money> PastDue,
    int DaysPastDue,
    decimal Priority);

/// <summary>What a collector has to do today, read from the account summaries.</summary>
public static class WorkQueue
{
    /// <summary>How far ahead a final-notice deadline or a promised date counts as "today's" work.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(2);

    public static IEnumerable<WorkItem> For(AccountSummary summary, DateTimeOffset now)
    {
        var account = summary.Account;
        var today = account.Today(now);
        var endOfToday = account.StartOf(today.AddDays(1));
        var pastDue = account.PastDueBalance(now);
        var days = account.PastDueInvoices(now).Select(i => i.DaysPastDue(today)).DefaultIfEmpty(0).Max();
        var priority = decimal.Round(pastDue.Select(m => m.Amount).DefaultIfEmpty(0m).Max() * (1m + days / 30m), 2);

        WorkItem Item(WorkKind kind, string detail, DateTimeOffset? dueAt) =>
            new(account.Id, account.DebtorName, account.Collector, kind, detail, dueAt, pastDue, days, priority);

        foreach (var task in account.OpenTasks.Where(t => t.DueAt < endOfToday))
            yield return account.NoticesAwaitingDispatch.Contains(task.TaskId)
                ? Item(WorkKind.NoticeToDispatch, $"Final notice to send by {task.Channel} to {task.ContactId} ({task.StepId}), " +
                                                  $"task {task.TaskId}: its deadline starts when you mark it sent", task.DueAt)
                : task.Channel == Channel.Phone
                ? Item(WorkKind.Call, $"Call {task.ContactId} ({task.StepId}), task {task.TaskId}", task.DueAt)
                : Item(WorkKind.LetterToSend, $"Send by {task.Channel} to {task.ContactId} ({task.StepId}), task {task.TaskId}", task.DueAt);

        if (account.OpenPromise is { } promise && promise.PromisedDate <= today.AddDays(Horizon.Days))
            yield return Item(WorkKind.PromiseFallingDue,
                $"Promise {promise.PromiseId}: {promise.Amount} by {promise.PromisedDate:yyyy-MM-dd}, {promise.PaidSince} paid since",
                account.StartOf(promise.PromisedDate));

        if (summary.LastPromiseBrokenAt is { } broken && (summary.LastContactAt is null || summary.LastContactAt < broken))
            yield return Item(WorkKind.BrokenPromise, "A promise was broken and nobody has spoken to the debtor since", broken);

        foreach (var obligation in account.Obligations.Where(o => o.Status == ObligationStatus.Open && o.Deadline < now + Horizon))
            yield return Item(WorkKind.FinalNoticeDeadline, $"Contact-by deadline: then {obligation.Consequence}", obligation.Deadline);

        if (account.CreditHold is { } hold && pastDue.Count == 0)
            yield return Item(WorkKind.HoldToReview, $"On hold since {hold.PlacedAt:yyyy-MM-dd} and nothing is past due: decide on release", hold.PlacedAt);

        foreach (var dispute in account.OpenDisputes)
            yield return Item(WorkKind.Dispute, $"Dispute {dispute.DisputeId} on {string.Join(", ", dispute.InvoiceNumbers)}: {dispute.Reason}", dispute.RaisedAt);
    }
}
