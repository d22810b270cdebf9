using Collections.Domain.Dunning.Notices;
using Collections.Domain.Dunning.PolicyFile;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Collections.Projections;

/// <summary>A consequence announced to a debtor, across all accounts: what is owed to the follow-through guarantee.</summary>
public sealed class Obligation
{
    public string Id { get; set; } = "";
    public string AccountNumber { get; set; } = "";
    public StepAction Consequence { get; set; }
    public DateTimeOffset Deadline { get; set; }
    public string AnnouncedInStep { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public ObligationStatus Status { get; set; }
    public string? CancellationReason { get; set; }

    /// <summary>Why the consequence waits past the notice's own deadline: the debtor got in touch in time.</summary>
    public string? HeldBecause { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

public class ObligationProjection : MultiStreamProjection<Obligation, string>
{
    public ObligationProjection()
    {
        Identity<ObligationRecorded>(e => e.ObligationId);
        Identity<ObligationFulfilled>(e => e.ObligationId);
        Identity<ObligationCancelled>(e => e.ObligationId);
        Identity<ObligationSuspended>(e => e.ObligationId);
    }

    public override Obligation? Evolve(Obligation? snapshot, string id, IEvent e)
    {
        switch (e.Data)
        {
            case ObligationRecorded recorded:
                return new Obligation
                {
                    Id = id, AccountNumber = e.StreamKey!, Consequence = recorded.Consequence, Deadline = recorded.Deadline,
                    AnnouncedInStep = recorded.AnnouncedInStep, RecordedAt = recorded.RecordedAt, Status = ObligationStatus.Open
                };
            case ObligationFulfilled fulfilled when snapshot is not null:
                snapshot.Status = ObligationStatus.Fulfilled;
                snapshot.ClosedAt = fulfilled.FulfilledAt;
                return snapshot;
            case ObligationSuspended suspended when snapshot is not null:
                snapshot.Deadline = suspended.FollowUpUntil;
                snapshot.HeldBecause = suspended.Reason;
                return snapshot;
            case ObligationCancelled cancelled when snapshot is not null:
                snapshot.Status = ObligationStatus.Cancelled;
                snapshot.CancellationReason = cancelled.Reason;
                snapshot.ClosedAt = cancelled.CancelledAt;
                return snapshot;
            default:
                return snapshot;
        }
    }
}
