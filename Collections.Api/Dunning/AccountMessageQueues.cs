using JasperFx;
using JasperFx.Core;
using JasperFx.Events;
using Npgsql;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Partitioning;

namespace Collections.Api.Dunning;

/// <summary>
/// How the escalation's messages are carried so that none is ever lost. Each account's messages (timers,
/// payments, promises, disputes) go through partitioned durable local queues keyed by tenant and account number, so on a
/// node they run one at a time per account and never race each other; the account stream is locked while they
/// write, so they queue behind a person's command instead of conflicting with it. A conflict that still happens
/// (another node, two nodes starting one account's saga) is retried for as long as it takes, never dead-lettered: a dead-lettered
/// timer would silently end the escalation. <see cref="EscalationSweep"/> is the second line of defence.
/// </summary>
public static class AccountMessageQueues
{
    public const string QueuePrefix = "accounts";
    private const int Queues = 4;

    public static void Configure(WolverineOptions opts)
    {
        opts.MessagePartitioning
            .ByRule(new TenantAccountGrouping())
            .PublishToPartitionedLocalMessaging(QueuePrefix, Queues, topology =>
            {
                topology.MessagesImplementing<IAccountMessage>();
                topology.MaxDegreeOfParallelism = PartitionSlots.Five;
                topology.ConfigureQueues(queue => queue.UseDurableInbox());
            });

        opts.Policies.OnException(IsLostRace)
            .RetryWithCooldown(50.Milliseconds(), 100.Milliseconds(), 250.Milliseconds())
            .Then.ScheduleRetryIndefinitely(500.Milliseconds(), 1.Seconds(), 2.Seconds(), 5.Seconds());

        // The database away for a while: wait for it rather than give up on a timer.
        opts.Policies.OnException<NpgsqlException>(e => e.IsTransient)
            .RetryWithCooldown(250.Milliseconds(), 1.Seconds())
            .Then.ScheduleRetryIndefinitely(2.Seconds(), 5.Seconds(), 10.Seconds());
    }

    /// <summary>Another writer got there first; <see cref="DocumentAlreadyExistsException"/>: two nodes started one account's saga.</summary>
    private static bool IsLostRace(Exception e) =>
        e is ConcurrencyException or DocumentAlreadyExistsException or EventStreamUnexpectedMaxEventIdException
            or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException;
}

/// <summary>
/// An account is a tenant's account number: two tenants may both have "ACME-1", and their messages must not queue
/// behind each other (nor, worse, be taken for one account's). The tenant is on the envelope, not in the message.
/// </summary>
public sealed class TenantAccountGrouping : IGroupingRule
{
    public bool TryFindIdentity(Envelope envelope, out string groupId)
    {
        groupId = envelope.Message is IAccountMessage message ? $"{envelope.TenantId}/{message.AccountNumber}" : null!;
        return groupId is not null;
    }
}
