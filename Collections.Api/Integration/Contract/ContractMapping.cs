using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.Currencies;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Escalation;
using Collections.Domain.Invoicing;
using Collections.Domain.Orders;
using Collections.Domain.PaymentPlans;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using Collections.Domain.Tasks;
using Collections.Domain.WriteOffs;
using JasperFx.Events;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Collections.Api.Integration.Contract;

/// <summary>The one place where internal events become the public contract.</summary>
public static class ContractMapping
{
    public const string SpecVersion = "1.0";

    public static CloudEvent ToCloudEvent(this IEvent e, string source)
    {
        var data = ToContract(e.Data);
        return new CloudEvent(SpecVersion, e.Sequence.ToString(), source, TypeOf(data.GetType()), e.StreamKey!, e.TenantId, e.Timestamp,
            "application/json", e.Sequence, e.Version, e.CorrelationId, e.UserName, data);
    }

    /// <summary>The public form of an event, or false with the reason when it has none (see <see cref="ToContract"/>).</summary>
    public static bool TryToCloudEvent(this IEvent e, string source, [NotNullWhen(true)] out CloudEvent? cloudEvent, out string reason)
    {
        try
        {
            cloudEvent = e.ToCloudEvent(source);
            reason = "";
            return true;
        }
        catch (Exception failure) // pure mapping: any failure is the event's, not the moment's
        {
            cloudEvent = null;
            reason = failure.Message;
            return false;
        }
    }

    /// <summary>Every <c>data</c> type of the contract with its CloudEvents type, worked out once (the relay asks per event).</summary>
    private static readonly FrozenDictionary<Type, string> Types = typeof(IEventData).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(IEventData).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t, t => $"collections.{JsonNamingPolicy.SnakeCaseLower.ConvertName(t.Name[..^2])}.v1");

    /// <summary>"collections.payment_received.v1" for <c>PaymentReceivedV1</c>: the CloudEvents type, the end of the routing key.</summary>
    public static string TypeOf(Type data) => Types[data];

    /// <summary>"acme.collections.payment_received.v1": tenant first, so a subscriber binds "acme.#" for one tenant's events.</summary>
    public static string RoutingKey(string tenant, string type) => $"{tenant}.{type}";

    /// <summary>Every CloudEvent type of the contract and its <c>data</c>, for the AsyncAPI document.</summary>
    public static IReadOnlyList<Type> DataTypes { get; } = Types.Keys.OrderBy(TypeOf, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Throws for an event type without a contract, so a new internal event cannot slip out unmapped or be
    /// skipped silently: the relay stops there until the contract covers it.
    /// </summary>
    public static IEventData ToContract(object e) => e switch
    {
        AccountOpened x => new AccountOpenedV1(x.AccountNumber, x.DebtorName, x.Segment, x.TimeZone,
            x.Terms.NetDays, x.Terms.CreditLimit, x.Terms.Currency, x.Collector, x.OpenedAt, x.Country),
        AccountWrittenOff x => new AccountWrittenOffV1(Amounts(x.Amounts), x.Reason, x.ApprovedBy, x.WrittenOffAt, x.RequestedBy),
        WriteOffRequested x => new WriteOffRequestedV1(Amounts(x.Amounts), x.Reason, x.RequestedBy, x.RequestedAt),
        WriteOffDeclined x => new WriteOffDeclinedV1(x.RequestedBy, x.DeclinedBy, x.DeclinedAt),
        AccountReopened x => new AccountReopenedV1(x.Reason, x.ReopenedBy, x.ReopenedAt),
        CreditHoldPlaced x => new CreditHoldPlacedV1(x.Reason, x.PlacedBy, x.PlacedAt),
        CreditHoldReleased x => new CreditHoldReleasedV1(x.Reason, x.ReleasedBy, x.ReleasedAt),
        EscalatedToAgency x => new EscalatedToAgencyV1(x.Agency, Amounts(x.AmountsReferred), x.ReferredBy, x.Reason, x.EscalatedAt),
        ReportedToCreditBureau x => new ReportedToCreditBureauV1(x.Bureau, Amounts(x.Amounts), x.ReportedAt),

        InvoiceIssued x => new InvoiceIssuedV1(x.InvoiceNumber, Amount(x.Amount), x.IssueDate, x.DueDate,
            x.Contract?.Reference, x.Contract?.LateFee is { } fee ? new LateFeeTermsV1(fee.Percent, fee.AfterDaysPastDue) : null),
        LateFeeApplied x => new LateFeeAppliedV1(x.InvoiceNumber, Amount(x.Fee), x.Clause, x.AppliedAt),
        PaymentReceived x => new PaymentReceivedV1(x.PaymentId, Amount(x.Amount), x.ReceivedAt,
            x.AppliedTo.Select(a => new PaymentAllocationV1(a.InvoiceNumber, a.Amount)).ToList(), x.Unapplied, x.Reference),
        CreditApplied x => new CreditAppliedV1(x.PaymentId, Amount(x.Amount),
            x.AppliedTo.Select(a => new PaymentAllocationV1(a.InvoiceNumber, a.Amount)).ToList(), x.AppliedAt),

        PromiseMade x => new PromiseMadeV1(x.PromiseId, Amount(x.Amount), x.PromisedDate, x.ContactId, x.RecordedBy, x.MadeAt),
        PromiseKept x => new PromiseKeptV1(x.PromiseId, x.KeptAt),
        PromiseBroken x => new PromiseBrokenV1(x.PromiseId, Amount(x.AmountShort), x.BrokenAt),
        PromiseReferredForApproval x => new PromiseReferredForApprovalV1(x.PromiseId, x.Reasons, x.ReferredAt),
        PromiseApproved x => new PromiseApprovedV1(x.PromiseId, x.ApprovedBy, x.ApprovedAt),
        PromiseSuperseded x => new PromiseSupersededV1(x.PromiseId, x.SupersededBy, x.SupersededAt),
        PaymentPlanAgreed x => new PaymentPlanAgreedV1(x.PlanId, x.Currency,
            x.Instalments.Select((i, n) => new PlanInstalmentV1(n + 1, i.DueDate, i.Amount)).ToList(), Amount(x.PastDue), x.AgreedBy,
            x.AgreedAt),
        PaymentPlanInstalmentMet x => new PaymentPlanInstalmentMetV1(x.PlanId, x.Number, x.DueDate, Amount(x.Amount), x.MetAt),
        PaymentPlanBroken x => new PaymentPlanBrokenV1(x.PlanId, x.Number, x.DueDate, Amount(x.AmountShort), x.BrokenAt),
        PaymentPlanCompleted x => new PaymentPlanCompletedV1(x.PlanId, Amount(x.Paid), x.CompletedAt),
        DisputeRaised x => new DisputeRaisedV1(x.DisputeId, x.InvoiceNumbers, x.Reason, x.RaisedBy, x.RaisedAt),
        DisputeResolved x => new DisputeResolvedV1(x.DisputeId, Name(x.Outcome), x.ResolvedBy, x.ResolvedAt),
        DunningBlockPlaced x => new DunningBlockPlacedV1(x.InvoiceNumber, x.Reason, x.Until, x.EndsAt, x.PlacedBy, x.PlacedAt),
        DunningBlockLifted x => new DunningBlockLiftedV1(x.InvoiceNumber, x.Reason, x.LiftedBy, x.LiftedAt),
        DunningBlockEnded x => new DunningBlockEndedV1(x.InvoiceNumber, x.Until, x.EndedAt),
        InvoicePassedOrderLimit x => new InvoicePassedOrderLimitV1(x.InvoiceNumber, x.LimitDays, x.PassedAt),
        ContactLogged x => new ContactLoggedV1(Name(x.Channel), Name(x.Direction), x.ContactId, x.LoggedBy,
            Name(x.Outcome), x.OccurredAt),
        ReminderSent x => new ReminderSentV1(x.StepId, Name(x.Channel), x.Template, x.RecipientContactId,
            Name(x.RecipientRole), x.SentAt),
        DunningStarted x => new DunningStartedV1(Name(x.Segment), x.PolicyVersion, x.OldestDueDate, x.StartedAt, x.SegmentReason,
            (x.Conversions ?? []).Select(Conversion).ToList()),
        DunningStepScheduled x => new DunningStepScheduledV1(x.StepId, Name(x.Action), Name(x.Channel), x.DueAt, Move(x.Moved)),
        DunningPaused x => new DunningPausedV1(x.Reason, x.Until, x.PausedAt),
        DunningResumed x => new DunningResumedV1(x.Reason, x.NextStepId, x.ResumedAt),
        DunningCompleted x => new DunningCompletedV1(x.Reason, x.CompletedAt),
        CollectionTaskCreated x => new CollectionTaskCreatedV1(x.TaskId, x.StepId, Name(x.Channel),
            Name(x.AssigneeRole), x.Assignee, x.ContactId, x.DueAt),
        CollectionTaskCompleted x => new CollectionTaskCompletedV1(x.TaskId, x.CompletedBy, x.CompletedAt),
        ObligationRecorded x => new ObligationRecordedV1(x.ObligationId, Name(x.Consequence), x.Deadline,
            x.AnnouncedInStep, x.RecordedAt, Move(x.DeadlineMoved)),
        ObligationFulfilled x => new ObligationFulfilledV1(x.ObligationId, x.FulfilledAt),
        ObligationCancelled x => new ObligationCancelledV1(x.ObligationId, x.Reason, x.CancelledAt),
        ObligationSuspended x => new ObligationSuspendedV1(x.ObligationId, x.Reason, x.FollowUpUntil, x.SuspendedAt, Move(x.FollowUpMoved)),
        FinalNoticeAwaitingDispatch x => new FinalNoticeAwaitingDispatchV1(x.StepId, x.TaskId, Name(x.Channel), Name(x.Consequence), x.PreparedAt),
        FinalNoticeWithdrawn x => new FinalNoticeWithdrawnV1(x.StepId, x.TaskId, x.Reason, x.WithdrawnAt),
        RecipientSubstituted x => new RecipientSubstitutedV1(x.StepId, Name(x.RoleWanted), x.ContactId, Name(x.RoleAddressed),
            x.SubstitutedAt),
        ContactDetailsRequested x => new ContactDetailsRequestedV1(x.TaskId, x.StepId, Name(x.Channel), Name(x.RoleWanted), x.ContactId,
            Name(x.Missing), Name(x.AssigneeRole), x.Assignee, x.WaitUntil, x.RequestedAt),
        StepSkipped x => new StepSkippedV1(x.StepId, x.Reason, x.SkippedAt),
        ContactDetailsRecorded x => new ContactDetailsRecordedV1(x.Contact.ContactId, Name(x.Contact.Role), OnFile(x.Contact),
            x.RecordedBy, x.RecordedAt),

        _ => throw new InvalidOperationException(
            $"Event type {e.GetType().FullName} has no public contract; add it to {nameof(ContractMapping)} and docs/events.md.")
    };

    private static List<string> OnFile(DebtorContact contact) =>
        new[] { ("email", contact.Email), ("phone", contact.Phone), ("postalAddress", contact.PostalAddress) }
            .Where(d => !string.IsNullOrWhiteSpace(d.Item2)).Select(d => d.Item1).ToList();

    private static Amount Amount(Money money) => new(money.Amount, money.Currency);

    private static WorkingDayMoveV1? Move(WorkingDayMove? move) => move is null ? null : new(move.From, move.Reason);

    private static ConversionV1 Conversion(Conversion c) =>
        new(Amount(c.From), c.Into, c.To is { } to ? Amount(to) : null, c.Rate, c.RateDate, c.Unavailable);

    private static List<Amount> Amounts(IEnumerable<Money> amounts) => amounts.Select(Amount).ToList();

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
