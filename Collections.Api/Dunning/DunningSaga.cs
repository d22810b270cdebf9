using Collections.Api.Email;
using Collections.Api.Tenancy;
using Collections.Domain.Accounts;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Orders;
using JasperFx;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Marten;
using Wolverine;

namespace Collections.Api.Dunning;

/// <summary>
/// One per account in escalation, keyed by account number. Each message re-reads the account, lets the pure
/// <see cref="DunningProcess"/> decide, appends its events to the account stream and schedules the next
/// wake-up, all in one transaction. IRevisioned: two messages racing on one saga conflict instead of one
/// update silently overwriting the other. Tenanted like everything else: its document, the account it reads and the
/// messages it schedules are those of the tenant on the message's envelope, whose own credit policy it follows.
/// </summary>
public sealed partial class DunningSaga : Saga, IRevisioned
{
    public string Id { get; set; } = "";
    public DunningProcess? Process { get; set; }

    public async Task<OutgoingMessages> StartOrHandle(InvoiceFellDue message, IDocumentSession session, Tenants tenants,
        TenantId tenant, TimeProvider clock)
    {
        var policy = tenants[tenant.Value].Policy;
        Id = message.AccountNumber;
        session.LastModifiedBy = StepRunner.PolicyActor;
        var stream = await session.Events.FetchForExclusiveWriting<DebtorAccount>(Id);
        var now = clock.GetUtcNow();
        var orderLimit = stream.Aggregate?.PassesAt(message.InvoiceNumber, policy.Orders);

        OutgoingMessages messages;
        if (Process is not null) // already climbing: the invoice joins the ladder, and ends a wait with everything under review
            messages = Carry(stream, Process.Reassess($"invoice {message.InvoiceNumber} fell due", stream.Aggregate!, policy, now));
        else if (stream.Aggregate is not { IsWrittenOff: false, AgencyReferral: null } account || account.PastDueBalance(now).Count == 0)
        {
            MarkCompleted(); // paid on time, or already beyond the ladder
            messages = [];
        }
        else
        {
            var (process, result) = DunningProcess.Start(account, policy, now);
            Process = process;
            messages = Carry(stream, result);
        }

        if (orderLimit is { } at) messages.Schedule(new OrderLimitFallsDue(Id, message.InvoiceNumber), at);
        return messages;
    }

    public Task<OutgoingMessages> Handle(DunningWakeup message, IDocumentSession session, Tenants tenants, TenantId tenant, TimeProvider clock) =>
        Decide(session, clock, (process, account, now) => process.Wake(message.Generation, account, tenants[tenant.Value].Policy, now));

    public Task<OutgoingMessages> Handle(PaymentRecorded _, IDocumentSession session, Tenants tenants, TenantId tenant, TimeProvider clock) =>
        Decide(session, clock, (process, account, now) => process.PaymentReceived(account, tenants[tenant.Value].Policy, now));

    public Task<OutgoingMessages> Handle(PromiseRecorded message, IDocumentSession session, Tenants tenants, TenantId tenant, TimeProvider clock) =>
        Decide(session, clock, (process, account, now) =>
            process.PromiseMade(message.PromiseId, message.PromisedDate, account, tenants[tenant.Value].Policy, now));

    public Task<OutgoingMessages> Handle(DisputeOpened message, IDocumentSession session, Tenants tenants, TenantId tenant, TimeProvider clock) =>
        Decide(session, clock, (process, account, now) => process.DisputeRaised(message.DisputeId, account, tenants[tenant.Value].Policy, now));

    public Task<OutgoingMessages> Handle(DunningBlockChanged message, IDocumentSession session, Tenants tenants, TenantId tenant, TimeProvider clock) =>
        Decide(session, clock, (process, account, now) => process.Reassess(message.Cause, account, tenants[tenant.Value].Policy, now));

    public Task<OutgoingMessages> Handle(EscalationStopped message, IDocumentSession session, TimeProvider clock) =>
        // Re-checked: a reopening may have overtaken the write-off that sent this.
        Decide(session, clock, (process, account, now) => account.IsWrittenOff || account.AgencyReferral is not null
            ? process.Stop(message.Reason, now)
            : ProcessResult.Nothing);

    public Task<OutgoingMessages> Handle(DisputeClosed message, IDocumentSession session, Tenants tenants, TenantId tenant, TimeProvider clock) =>
        Decide(session, clock, (process, account, now) => process.DisputeResolved(message.DisputeId, account, tenants[tenant.Value].Policy, now));

    public async Task<OutgoingMessages> Handle(ContactRecorded message, IDocumentSession session, Tenants tenants, TenantId tenant,
        TimeProvider clock)
    {
        var policy = tenants[tenant.Value].Policy;
        if (!Process!.CouldHoldConsequence(message.Channel, message.Direction, message.Outcome, message.OccurredAt, policy)) return [];
        return await Decide(session, clock, (process, account, now) => process.ContactMade(message.Channel, message.Direction,
            message.Outcome, message.ContactId, message.OccurredAt, account, policy, now));
    }

    public Task<OutgoingMessages> Handle(TaskCompleted message, IDocumentSession session, Tenants tenants, TenantId tenant, TimeProvider clock) =>
        Decide(session, clock, (process, account, now) =>
            process.NoticeDispatched(message.TaskId, message.CompletedAt, account, tenants[tenant.Value].Policy, now));

    public Task<OutgoingMessages> Handle(ContactDetailsChanged _, IDocumentSession session, Tenants tenants, TenantId tenant, TimeProvider clock) =>
        Decide(session, clock, (process, account, now) => process.ContactDetailsRecorded(account, tenants[tenant.Value].Policy, now));

    // Messages for an account that is not (or no longer) in escalation need nothing done.
    public static void NotFound(DunningWakeup _) { }
    public static void NotFound(PaymentRecorded _) { }
    public static void NotFound(PromiseRecorded _) { }
    public static void NotFound(DisputeOpened _) { }
    public static void NotFound(DisputeClosed _) { }
    public static void NotFound(DunningBlockChanged _) { }
    public static void NotFound(EscalationStopped _) { }
    public static void NotFound(ContactRecorded _) { }
    public static void NotFound(TaskCompleted _) { }
    public static void NotFound(ContactDetailsChanged _) { }

    private async Task<OutgoingMessages> Decide(IDocumentSession session, TimeProvider clock,
        Func<DunningProcess, DebtorAccount, DateTimeOffset, ProcessResult> decide)
    {
        session.LastModifiedBy = StepRunner.PolicyActor; // auditors see the policy, not a person, acted
        var stream = await session.Events.FetchForExclusiveWriting<DebtorAccount>(Id);
        return Carry(stream, decide(Process!, stream.Aggregate!, clock.GetUtcNow()));
    }

    private OutgoingMessages Carry(IEventStream<DebtorAccount> stream, ProcessResult result)
    {
        stream.AppendMany(result.Events);
        var messages = new OutgoingMessages();
        foreach (var email in result.Emails) messages.Add(new SendEmail(email));
        if (result.Wakeup is { } wakeup) messages.Schedule(new DunningWakeup(Id, wakeup.Generation), wakeup.At);
        if (result.Completed) MarkCompleted();
        return messages;
    }
}
