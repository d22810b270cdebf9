using JasperFx.Events;

namespace Collections.Api.Integration.Outbound;

public static class StoredEvents
{
    /// <summary>Marten's own tombstone stream: sequence numbers an append reserved and then failed to commit.</summary>
    public const string TombstoneStream = "mt_tombstone";

    /// <summary>
    /// A placeholder Marten writes to keep the sequence gap-free when an append fails (a lost commit race, a
    /// value PostgreSQL refuses): not a collection event, never relayed, never in the feed.
    /// </summary>
    public static bool IsTombstone(this IEvent e) => e.Data is Tombstone || e.StreamKey == TombstoneStream;
}
