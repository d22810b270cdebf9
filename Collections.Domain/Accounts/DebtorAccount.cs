using Collections.Domain.Common;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
using Collections.Domain.Escalation;
using Collections.Domain.Invoicing;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using Collections.Domain.WriteOffs;

namespace Collections.Domain.Accounts;

/// <summary>
/// One debtor account, folded from its event stream (keyed by the creditor's account number).
/// Only the <c>Apply</c> methods change it; decisions read it and return events.
/// </summary>
public sealed class DebtorAccount
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string DebtorName { get; set; } = "";
    public string Segment { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";
    public string? Collector { get; set; }
    public CreditTerms Terms { get; set; } = new(30, null, "EUR");
    public List<DebtorContact> Contacts { get; set; } = [];
    public DateTimeOffset OpenedAt { get; set; }
    public List<InvoiceState> Invoices { get; set; } = [];
    public List<PaymentRecord> Payments { get; set; } = [];
    public Dictionary<string, decimal> UnappliedCredit { get; set; } = [];
    public PromiseState? OpenPromise { get; set; }
    public int PromisesMade { get; set; }
    public int PromisesBroken { get; set; }
    public List<DisputeState> OpenDisputes { get; set; } = [];
    public int DisputesRaised { get; set; }
    public CreditHoldState? CreditHold { get; set; }
    public AgencyReferral? AgencyReferral { get; set; }
    public WriteOffState? WriteOff { get; set; }

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

    private static IReadOnlyList<Money> SumByCurrency(IEnumerable<InvoiceState> invoices) =>
        invoices.GroupBy(i => i.Currency).OrderBy(g => g.Key)
            .Select(g => new Money(g.Sum(i => i.Open), g.Key)).ToList();

    public void Apply(AccountOpened e)
    {
        Id = e.AccountNumber;
        DebtorName = e.DebtorName;
        Segment = e.Segment;
        TimeZone = e.TimeZone;
        Collector = e.Collector;
        Terms = e.Terms;
        Contacts = e.Contacts.ToList();
        OpenedAt = e.OpenedAt;
    }

    public void Apply(InvoiceIssued e) => Invoices.Add(new InvoiceState
    {
        InvoiceNumber = e.InvoiceNumber,
        Currency = e.Amount.Currency,
        Amount = e.Amount.Amount,
        IssueDate = e.IssueDate,
        DueDate = e.DueDate,
        Contract = e.Contract
    });

    public void Apply(LateFeeApplied e) => FindInvoice(e.InvoiceNumber)!.LateFees += e.Fee.Amount;

    public void Apply(PaymentReceived e)
    {
        Payments.Add(new PaymentRecord(e.PaymentId, e.Amount, e.ReceivedAt, e.Reference));
        foreach (var applied in e.AppliedTo) FindInvoice(applied.InvoiceNumber)!.Paid += applied.Amount;
        if (e.Unapplied > 0)
            UnappliedCredit[e.Amount.Currency] = UnappliedCredit.GetValueOrDefault(e.Amount.Currency) + e.Unapplied;
        if (OpenPromise is { } promise && promise.Amount.Currency == e.Amount.Currency)
            promise.PaidSince += e.Amount.Amount;
    }

    public void Apply(PromiseMade e)
    {
        OpenPromise = new PromiseState
            { PromiseId = e.PromiseId, Amount = e.Amount, PromisedDate = e.PromisedDate, MadeAt = e.MadeAt };
        PromisesMade++;
    }

    public void Apply(PromiseKept _) => OpenPromise = null;

    public void Apply(PromiseBroken _)
    {
        OpenPromise = null;
        PromisesBroken++;
    }

    public void Apply(DisputeRaised e)
    {
        OpenDisputes.Add(new DisputeState(e.DisputeId, e.InvoiceNumbers, e.Reason, e.RaisedAt));
        DisputesRaised++;
    }

    public void Apply(DisputeResolved e) => OpenDisputes.RemoveAll(d => d.DisputeId == e.DisputeId);

    public void Apply(CreditHoldPlaced e) => CreditHold = new CreditHoldState(e.Reason, e.PlacedBy, e.PlacedAt);

    public void Apply(CreditHoldReleased _) => CreditHold = null;

    public void Apply(EscalatedToAgency e) => AgencyReferral = new AgencyReferral(e.Agency, e.AmountsReferred, e.EscalatedAt);

    public void Apply(AccountWrittenOff e)
    {
        WriteOff = new WriteOffState(e.Amounts, e.Reason, e.ApprovedBy, e.WrittenOffAt);
        foreach (var invoice in Invoices) invoice.WrittenOff = invoice.Open;
    }

    public void Apply(AccountReopened _)
    {
        WriteOff = null;
        foreach (var invoice in Invoices) invoice.WrittenOff = 0;
    }
}
