using Collections.Projections.Contacts;
using Collections.Projections.Summaries;
using JasperFx.Events.Projections;
using Marten;

namespace Collections.Projections;

public static class CollectionsProjections
{
    public static StoreOptions AddCollectionsProjections(this StoreOptions opts)
    {
        // The account's current state is written in the same transaction as its events: read-your-writes.
        opts.Projections.Add<DebtorAccountProjection>(ProjectionLifecycle.Inline);
        // Inline too: the follow-through check must see an obligation the moment it is recorded.
        opts.Projections.Add<ObligationProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<Obligation>().Index(o => o.Deadline).Index(o => o.Status);

        // The read side proper: built in the background, under Wolverine's managed distribution.
        opts.Projections.Add<AccountSummaryProjection>(ProjectionLifecycle.Async);
        opts.Projections.Add<ContactHistoryProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<AccountSummary>().Index(s => s.NeedsAttention).Index(s => s.Collector).Index(s => s.OnHold).Index(s => s.LatestIssueDate);
        return opts;
    }
}
