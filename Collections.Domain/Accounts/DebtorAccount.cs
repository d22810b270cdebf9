using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
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

namespace Collections.Domain.Accounts;

/// <summary>
/// One debtor account, folded from its event stream (keyed by the creditor's account number).
/// Only <see cref="Evolve"/> changes it; decisions read it and return events.
/// </summary>
public sealed partial class DebtorAccount
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string DebtorName { get; set; } = "";
    public string Segment { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";

    /// <summary>ISO 3166-1 alpha-2, whose working days and holidays the escalation keeps; null: the policy's default country.</summary>
    public string? Country { get; set; }
    public string? Collector { get; set; }
    public CreditTerms Terms { get; set; } = new(30, null, "EUR");
    public List<DebtorContact> Contacts { get; set; } = [];
    public DateTimeOffset OpenedAt { get; set; }
    public List<InvoiceState> Invoices { get; set; } = [];
    public List<PaymentRecord> Payments { get; set; } = [];
    public Dictionary<string, decimal> UnappliedCredit { get; set; } = [];

    /// <summary>The same credit by payment, oldest first: what <see cref="CreditApplied"/> draws on.</summary>
    public List<CreditOnAccount> Credits { get; set; } = [];
    public PromiseState? OpenPromise { get; set; }
    public int PromisesMade { get; set; }
    public int PromisesBroken { get; set; }
    public List<DisputeState> OpenDisputes { get; set; } = [];
    public int DisputesRaised { get; set; }

    /// <summary>Invoices left out of the escalation until a date; one at most per invoice (see <see cref="DunningBlockDecisions"/>).</summary>
    public List<DunningBlockState> DunningBlocks { get; set; } = [];
    public CreditHoldState? CreditHold { get; set; }
    public AgencyReferral? AgencyReferral { get; set; }
    public WriteOffState? WriteOff { get; set; }

    /// <summary>A write-off asked for and waiting for a second credit manager.</summary>
    public WriteOffRequested? PendingWriteOff { get; set; }
    public DunningState? Dunning { get; set; }
    public List<ObligationState> Obligations { get; set; } = [];
    public int TasksCreated { get; set; }
    public List<OpenTask> OpenTasks { get; set; } = [];

    /// <summary>Tasks of final notices a person has yet to send: no deadline runs for them until they are.</summary>
    public List<string> NoticesAwaitingDispatch { get; set; } = [];

    public bool IsWrittenOff => WriteOff is not null;

    public InvoiceState? FindInvoice(string number) => Invoices.Find(i => i.InvoiceNumber == number);

    /// <summary>The calendar date at the debtor's office: due dates are dates in the debtor's time zone.</summary>
    public DateOnly Today(DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);

    public IEnumerable<InvoiceState> PastDueInvoices(DateTimeOffset now)
    {
        var today = Today(now);
        return Invoices.Where(i => i.IsPastDue(today));
    }

    /// <summary>Past-due balance per currency; empty when nothing is past due.</summary>
    public IReadOnlyList<Money> PastDueBalance(DateTimeOffset now) => SumByCurrency(PastDueInvoices(now));

    public IReadOnlyList<Money> OpenBalance() => SumByCurrency(Invoices.Where(i => i.Open > 0));

    public decimal PastDueIn(string currency, DateTimeOffset now) =>
        PastDueInvoices(now).Where(i => i.Currency == currency).Sum(i => i.Open);

    internal static IReadOnlyList<Money> SumByCurrency(IEnumerable<InvoiceState> invoices) =>
        invoices.GroupBy(i => i.Currency).OrderBy(g => g.Key)
            .Select(g => new Money(g.Sum(i => i.Open), g.Key)).ToList();

    /// <summary>Folds one event. Events this state does not track (contacts, reminders) leave it as it is.</summary>
    /// <remarks>
    /// One explicit dispatcher instead of Marten's conventional <c>Apply</c> methods: Marten then folds through
    /// <c>DebtorAccountProjection.Evolve</c>, and this project needs neither Marten nor its source generator.
    /// </remarks>
    public void Evolve(object @event)
    {
        switch (@event)
        {
            case AccountOpened e: When(e); break;
            case InvoiceIssued e: When(e); break;
            case LateFeeApplied e: When(e); break;
            case PaymentReceived e: When(e); break;
            case CreditApplied e: When(e); break;
            case PromiseMade e: When(e); break;
            case PromiseKept e: When(e); break;
            case PromiseBroken e: When(e); break;
            case PromiseReferredForApproval e: When(e); break;
            case PromiseApproved e: When(e); break;
            case PromiseSuperseded: OpenPromise = null; break;
            case PaymentPlanAgreed e: When(e); break;
            case PaymentPlanInstalmentMet e: When(e); break;
            case PaymentPlanBroken e: When(e); break;
            case PaymentPlanCompleted e: When(e); break;
            case DisputeRaised e: When(e); break;
            case DisputeResolved e: When(e); break;
            case DunningBlockPlaced e: When(e); break;
            case DunningBlockLifted e: DunningBlocks.RemoveAll(b => b.InvoiceNumber == e.InvoiceNumber); break;
            case DunningBlockEnded e: DunningBlocks.RemoveAll(b => b.InvoiceNumber == e.InvoiceNumber); break;
            case InvoicePassedOrderLimit e: FindInvoice(e.InvoiceNumber)!.PassedOrderLimit = true; break;
            case CreditHoldPlaced e: When(e); break;
            case CreditHoldReleased e: When(e); break;
            case EscalatedToAgency e: When(e); break;
            case AccountWrittenOff e: When(e); break;
            case AccountReopened e: When(e); break;
            case WriteOffRequested e: PendingWriteOff = e; break;
            case WriteOffDeclined: PendingWriteOff = null; break;
            case DunningStarted e: When(e); break;
            case DunningStepScheduled e: When(e); break;
            case DunningPaused e: When(e); break;
            case DunningCompleted e: When(e); break;
            case ObligationRecorded e: When(e); break;
            case ObligationFulfilled e: When(e); break;
            case ObligationCancelled e: When(e); break;
            case CollectionTaskCreated e: When(e); break;
            case CollectionTaskCompleted e:
                OpenTasks.RemoveAll(t => t.TaskId == e.TaskId);
                NoticesAwaitingDispatch.Remove(e.TaskId);
                break;
            case FinalNoticeAwaitingDispatch e: NoticesAwaitingDispatch.Add(e.TaskId); break;
            case FinalNoticeWithdrawn e:
                OpenTasks.RemoveAll(t => t.TaskId == e.TaskId);
                NoticesAwaitingDispatch.Remove(e.TaskId);
                break;
            case ObligationSuspended e: When(e); break;
            case ContactDetailsRequested e: When(e); break;
            case ContactDetailsRecorded e: When(e); break;
        }
    }

    private void When(AccountOpened e)
    {
        Id = e.AccountNumber;
        DebtorName = e.DebtorName;
        Segment = e.Segment;
        TimeZone = e.TimeZone;
        Country = e.Country;
        Collector = e.Collector;
        Terms = e.Terms;
        Contacts = e.Contacts.ToList();
        OpenedAt = e.OpenedAt;
    }

    private void When(InvoiceIssued e) => Invoices.Add(new InvoiceState
    {
        InvoiceNumber = e.InvoiceNumber,
        Currency = e.Amount.Currency,
        Amount = e.Amount.Amount,
        IssueDate = e.IssueDate,
        DueDate = e.DueDate,
        Contract = e.Contract
    });

    private void When(LateFeeApplied e) => FindInvoice(e.InvoiceNumber)!.LateFees += e.Fee.Amount;

    private void When(PaymentReceived e)
    {
        Payments.Add(new PaymentRecord(e.PaymentId, e.Amount, e.ReceivedAt, e.Reference));
        foreach (var applied in e.AppliedTo)
        {
            var invoice = FindInvoice(applied.InvoiceNumber)!;
            invoice.Paid += applied.Amount;
            if (invoice.Open == 0) invoice.PaidOn = Today(e.ReceivedAt);
        }

        if (e.Unapplied > 0)
        {
            UnappliedCredit[e.Amount.Currency] = UnappliedCredit.GetValueOrDefault(e.Amount.Currency) + e.Unapplied;
            Credits.Add(new CreditOnAccount(e.PaymentId, new Money(e.Unapplied, e.Amount.Currency), e.ReceivedAt));
        }

        if (OpenPromise is { } promise && promise.Amount.Currency == e.Amount.Currency)
            promise.PaidSince += e.Amount.Amount;
        if (PaymentPlan is { IsOpen: true } plan && plan.Currency == e.Amount.Currency)
            plan.PaidSince += e.Amount.Amount;
    }

    private void When(CreditApplied e)
    {
        var index = Credits.FindIndex(c => c.PaymentId == e.PaymentId);
        var credit = Credits[index];
        foreach (var applied in e.AppliedTo)
        {
            var invoice = FindInvoice(applied.InvoiceNumber)!;
            invoice.Paid += applied.Amount;
            // The debtor had paid when the money arrived (not before the invoice existed), not when it was applied.
            if (invoice.Open == 0) invoice.PaidOn = Max(Today(credit.ReceivedAt), invoice.IssueDate);
        }

        var left = credit.Left.Amount - e.Amount.Amount;
        if (left > 0) Credits[index] = credit with { Left = credit.Left with { Amount = left } };
        else Credits.RemoveAt(index);
        var unapplied = UnappliedCredit.GetValueOrDefault(e.Amount.Currency) - e.Amount.Amount;
        if (unapplied > 0) UnappliedCredit[e.Amount.Currency] = unapplied;
        else UnappliedCredit.Remove(e.Amount.Currency);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private void When(PromiseMade e)
    {
        OpenPromise = new PromiseState
            { PromiseId = e.PromiseId, Amount = e.Amount, PromisedDate = e.PromisedDate, MadeAt = e.MadeAt };
        PromisesMade++;
    }

    private void When(PromiseKept _) => OpenPromise = null;

    private void When(PromiseBroken _)
    {
        OpenPromise = null;
        PromisesBroken++;
    }

    private void When(DisputeRaised e)
    {
        OpenDisputes.Add(new DisputeState(e.DisputeId, e.InvoiceNumbers, e.Reason, e.RaisedAt));
        DisputesRaised++;
    }

    private void When(DisputeResolved e) => OpenDisputes.RemoveAll(d => d.DisputeId == e.DisputeId);

    private void When(DunningBlockPlaced e)
    {
        DunningBlocks.RemoveAll(b => b.InvoiceNumber == e.InvoiceNumber); // a new date replaces the old one
        DunningBlocks.Add(new DunningBlockState(e.InvoiceNumber, e.Reason, e.Until, e.EndsAt, e.PlacedBy, e.PlacedAt));
    }

    private void When(CreditHoldPlaced e) => CreditHold = new CreditHoldState(e.Reason, e.PlacedBy, e.PlacedAt);

    private void When(CreditHoldReleased _) => CreditHold = null;

    private void When(EscalatedToAgency e) => AgencyReferral = new AgencyReferral(e.Agency, e.AmountsReferred, e.EscalatedAt);

    private void When(AccountWrittenOff e)
    {
        WriteOff = new WriteOffState(e.Amounts, e.Reason, e.ApprovedBy, e.WrittenOffAt);
        PendingWriteOff = null;
        foreach (var invoice in Invoices) invoice.WrittenOff = invoice.Open;
    }

    private void When(DunningStarted e) => Dunning = new DunningState
        { Segment = e.Segment, StartedAt = e.StartedAt, SegmentReason = e.SegmentReason, Conversions = e.Conversions ?? [] };

    private void When(DunningStepScheduled e)
    {
        if (Dunning is null) return;
        Dunning.NextStep = e;
        Dunning.PausedFor = null;
    }

    private void When(DunningPaused e)
    {
        if (Dunning is null) return;
        Dunning.PausedFor = e.Reason;
        Dunning.NextStep = null;
    }

    private void When(DunningCompleted _) => Dunning = null;

    private void When(CollectionTaskCreated e)
    {
        TasksCreated++;
        OpenTasks.Add(OpenTask.From(e));
    }

    private void When(ContactDetailsRequested e)
    {
        TasksCreated++;
        OpenTasks.Add(OpenTask.From(e));
    }

    private void When(ContactDetailsRecorded e)
    {
        var index = Contacts.FindIndex(c => c.ContactId == e.Contact.ContactId);
        if (index < 0) Contacts.Add(e.Contact);
        else Contacts[index] = e.Contact;
    }

    private void When(ObligationRecorded e) =>
        Obligations.Add(new ObligationState(e.ObligationId, e.Consequence, e.Deadline, ObligationStatus.Open, null, DeadlineMoved: e.DeadlineMoved));

    private void When(ObligationFulfilled e) => CloseObligation(e.ObligationId, ObligationStatus.Fulfilled, null);

    private void When(ObligationCancelled e) => CloseObligation(e.ObligationId, ObligationStatus.Cancelled, e.Reason);

    private void When(ObligationSuspended e)
    {
        var index = Obligations.FindIndex(o => o.ObligationId == e.ObligationId);
        Obligations[index] = Obligations[index] with { Deadline = e.FollowUpUntil, HeldBecause = e.Reason, DeadlineMoved = e.FollowUpMoved };
    }

    private void CloseObligation(string id, ObligationStatus status, string? reason)
    {
        var index = Obligations.FindIndex(o => o.ObligationId == id);
        Obligations[index] = Obligations[index] with { Status = status, Reason = reason };
    }

    private void When(AccountReopened _)
    {
        WriteOff = null;
        foreach (var invoice in Invoices) invoice.WrittenOff = 0;
    }
}
