using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning;
using Collections.Domain.Escalation;
using Collections.Domain.Invoicing;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using Collections.Domain.Tasks;
using Collections.Domain.WriteOffs;
using JasperFx.Events;

namespace Collections.Api.Integration.Contract;

/// <summary>The one place where internal events become the public contract.</summary>
public static class ContractMapping
{
    public const string SpecVersion = "1.0";

    public static CloudEvent ToCloudEvent(this IEvent e, string source)
    {
        var (name, data) = ToContract(e.Data);
        return new CloudEvent(SpecVersion, e.Sequence.ToString(), source, TypeOf(name), e.StreamKey!, e.Timestamp,
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

    /// <summary>"collections.payment_received.v1": the CloudEvents type, and the RabbitMQ routing key.</summary>
    public static string TypeOf(string name) => $"collections.{name}.v1";

    /// <summary>
    /// Throws for an event type without a contract, so a new internal event cannot slip out unmapped or be
    /// skipped silently: the relay stops there until the contract covers it.
    /// </summary>
    public static (string Name, object Data) ToContract(object e) => e switch
    {
        AccountOpened x => ("account_opened", new AccountOpenedV1(x.AccountNumber, x.DebtorName, x.Segment, x.TimeZone,
            x.Terms.NetDays, x.Terms.CreditLimit, x.Terms.Currency, x.Collector, x.OpenedAt)),
        AccountWrittenOff x => ("account_written_off", new AccountWrittenOffV1(Amounts(x.Amounts), x.Reason, x.ApprovedBy, x.WrittenOffAt)),
        AccountReopened x => ("account_reopened", new AccountReopenedV1(x.Reason, x.ReopenedBy, x.ReopenedAt)),
        CreditHoldPlaced x => ("credit_hold_placed", new CreditHoldPlacedV1(x.Reason, x.PlacedBy, x.PlacedAt)),
        CreditHoldReleased x => ("credit_hold_released", new CreditHoldReleasedV1(x.Reason, x.ReleasedBy, x.ReleasedAt)),
        EscalatedToAgency x => ("escalated_to_agency",
            new EscalatedToAgencyV1(x.Agency, Amounts(x.AmountsReferred), x.ReferredBy, x.Reason, x.EscalatedAt)),
        ReportedToCreditBureau x => ("reported_to_credit_bureau", new ReportedToCreditBureauV1(x.Bureau, Amounts(x.Amounts), x.ReportedAt)),

        InvoiceIssued x => ("invoice_issued", new InvoiceIssuedV1(x.InvoiceNumber, Amount(x.Amount), x.IssueDate, x.DueDate,
            x.Contract?.Reference, x.Contract?.LateFee is { } fee ? new LateFeeTermsV1(fee.Percent, fee.AfterDaysPastDue) : null)),
        LateFeeApplied x => ("late_fee_applied", new LateFeeAppliedV1(x.InvoiceNumber, Amount(x.Fee), x.Clause, x.AppliedAt)),
        PaymentReceived x => ("payment_received", new PaymentReceivedV1(x.PaymentId, Amount(x.Amount), x.ReceivedAt,
            x.AppliedTo.Select(a => new PaymentAllocationV1(a.InvoiceNumber, a.Amount)).ToList(), x.Unapplied, x.Reference)),

        PromiseMade x => ("promise_made", new PromiseMadeV1(x.PromiseId, Amount(x.Amount), x.PromisedDate, x.ContactId, x.RecordedBy, x.MadeAt)),
        PromiseKept x => ("promise_kept", new PromiseKeptV1(x.PromiseId, x.KeptAt)),
        PromiseBroken x => ("promise_broken", new PromiseBrokenV1(x.PromiseId, Amount(x.AmountShort), x.BrokenAt)),
        DisputeRaised x => ("dispute_raised", new DisputeRaisedV1(x.DisputeId, x.InvoiceNumbers, x.Reason, x.RaisedBy, x.RaisedAt)),
        DisputeResolved x => ("dispute_resolved", new DisputeResolvedV1(x.DisputeId, Name(x.Outcome), x.ResolvedBy, x.ResolvedAt)),
        ContactLogged x => ("contact_logged", new ContactLoggedV1(Name(x.Channel), Name(x.Direction), x.ContactId, x.LoggedBy,
            Name(x.Outcome), x.OccurredAt)),
        ReminderSent x => ("reminder_sent", new ReminderSentV1(x.StepId, Name(x.Channel), x.Template, x.RecipientContactId,
            Name(x.RecipientRole), x.SentAt)),
        DunningStarted x => ("dunning_started", new DunningStartedV1(Name(x.Segment), x.PolicyVersion, x.OldestDueDate, x.StartedAt)),
        DunningStepScheduled x => ("dunning_step_scheduled", new DunningStepScheduledV1(x.StepId, Name(x.Action), Name(x.Channel), x.DueAt)),
        DunningPaused x => ("dunning_paused", new DunningPausedV1(x.Reason, x.Until, x.PausedAt)),
        DunningResumed x => ("dunning_resumed", new DunningResumedV1(x.Reason, x.NextStepId, x.ResumedAt)),
        DunningCompleted x => ("dunning_completed", new DunningCompletedV1(x.Reason, x.CompletedAt)),
        CollectionTaskCreated x => ("collection_task_created", new CollectionTaskCreatedV1(x.TaskId, x.StepId, Name(x.Channel),
            Name(x.AssigneeRole), x.Assignee, x.ContactId, x.DueAt)),
        CollectionTaskCompleted x => ("collection_task_completed", new CollectionTaskCompletedV1(x.TaskId, x.CompletedBy, x.CompletedAt)),
        ObligationRecorded x => ("obligation_recorded", new ObligationRecordedV1(x.ObligationId, Name(x.Consequence), x.Deadline,
            x.AnnouncedInStep, x.RecordedAt)),
        ObligationFulfilled x => ("obligation_fulfilled", new ObligationFulfilledV1(x.ObligationId, x.FulfilledAt)),
        ObligationCancelled x => ("obligation_cancelled", new ObligationCancelledV1(x.ObligationId, x.Reason, x.CancelledAt)),

        _ => throw new InvalidOperationException(
            $"Event type {e.GetType().FullName} has no public contract; add it to {nameof(ContractMapping)} and docs/events.md.")
    };

    private static Amount Amount(Money money) => new(money.Amount, money.Currency);

    private static List<Amount> Amounts(IEnumerable<Money> amounts) => amounts.Select(Amount).ToList();

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
