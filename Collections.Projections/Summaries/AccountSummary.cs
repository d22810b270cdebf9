using Collections.Domain.Accounts;
using Collections.Domain.Contacts;
using Collections.Domain.Promises;
using Collections.Domain.Tasks;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Collections.Projections.Summaries;

/// <summary>
/// The debtor 360: the account folded by the domain's own rules, plus what the read side adds (when it last
/// heard from the debtor, when a promise last broke). Aging, work queues and the holds list are read from it.
/// </summary>
public sealed class AccountSummary
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public DateTimeOffset LastEventAt { get; set; }
    public DebtorAccount Account { get; set; } = new();
    public string? Collector { get; set; }

    /// <summary>Everyone with work on the account: its collector and the assignees of its open tasks (a work queue's filter).</summary>
    public List<string> Assignees { get; set; } = [];

    /// <summary>Anything open (balance, hold, task, promise, dispute): only these accounts can appear in a report or queue.</summary>
    public bool NeedsAttention { get; set; }

    public bool OnHold { get; set; }

    /// <summary>Issue date of the newest invoice: accounts with recent sales count towards DSO even when fully paid.</summary>
    public DateOnly? LatestIssueDate { get; set; }
    public DateTimeOffset? LastContactAt { get; set; }
    public DateTimeOffset? LastPromiseBrokenAt { get; set; }
}

public class AccountSummaryProjection : SingleStreamProjection<AccountSummary, string>
{
    public override AccountSummary Evolve(AccountSummary? snapshot, string id, IEvent e)
    {
        var summary = snapshot ?? new AccountSummary { Id = id };
        var account = summary.Account;
        account.Evolve(e.Data);
        account.Version = e.Version;
        summary.Version = e.Version;
        summary.LastEventAt = e.Timestamp;

        switch (e.Data)
        {
            case ContactLogged contact:
                summary.LastContactAt = contact.OccurredAt;
                break;
            case PromiseBroken broken:
                summary.LastPromiseBrokenAt = broken.BrokenAt;
                break;
            case PromiseMade:
                summary.LastPromiseBrokenAt = null;
                break;
            case CollectionTaskCompleted:
                summary.LastContactAt = e.Timestamp;
                break;
        }

        summary.Collector = account.Collector;
        summary.Assignees = new[] { account.Collector }.Concat(account.OpenTasks.Select(t => t.Assignee)).OfType<string>().Distinct().ToList();
        summary.OnHold = account.CreditHold is not null;
        summary.LatestIssueDate = account.Invoices.Select(i => (DateOnly?)i.IssueDate).Max();
        summary.NeedsAttention = account.OpenBalance().Count > 0 || summary.OnHold || account.OpenTasks.Count > 0
                                 || account.OpenPromise is not null || account.OpenDisputes.Count > 0;
        return summary;
    }
}
