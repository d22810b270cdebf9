using Collections.Domain.Accounts;
using Collections.Domain.Common;

namespace Collections.Domain.Disputes;

public enum DisputeOutcome
{
    /// <summary>The invoices stand as billed.</summary>
    InFavourOfCreditor = 1,

    /// <summary>The debtor was right; billing must issue a credit note.</summary>
    InFavourOfDebtor = 2,

    Compromise = 3
}

public sealed record RaiseDispute(IReadOnlyList<string> InvoiceNumbers, string Reason, long? ExpectedVersion = null);

public sealed record DisputeRaised(string DisputeId, IReadOnlyList<string> InvoiceNumbers, string Reason,
    string RaisedBy, DateTimeOffset RaisedAt);

public sealed record ResolveDispute(DisputeOutcome Outcome, string Note, long? ExpectedVersion = null);

public sealed record DisputeResolved(string DisputeId, DisputeOutcome Outcome, string Note, string ResolvedBy,
    DateTimeOffset ResolvedAt);

public sealed record DisputeState(string DisputeId, IReadOnlyList<string> InvoiceNumbers, string Reason,
    DateTimeOffset RaisedAt);

public static class DisputeDecisions
{
    public static Decision Decide(this DebtorAccount account, RaiseDispute command, Actor by, DateTimeOffset now)
    {
        var invoices = command.InvoiceNumbers ?? [];
        var check = new Validation()
            .When(invoices.Count == 0, "invoiceNumbers", "must name at least one invoice.")
            .Items(invoices.Count, InputLimits.DisputedInvoices, "invoiceNumbers")
            .Required(command.Reason, "reason")
            .Text(command.Reason, InputLimits.Reason, "reason");
        for (var i = 0; i < invoices.Count && invoices.Count <= InputLimits.DisputedInvoices; i++)
        {
            check.When(account.FindInvoice(invoices[i] ?? "") is null, $"invoiceNumbers[{i}]",
                $"No invoice '{invoices[i]}' on this account.");
        }

        if (!check.IsValid) return check.Reject();
        if (account.RefuseIfWrittenOff() is { } refused) return refused;

        if (account.OpenDisputes.FirstOrDefault(d => d.InvoiceNumbers.Intersect(invoices).Any()) is { } open)
            return Decision.Conflict("invoiceNumbers", $"Dispute {open.DisputeId} is already open on these invoices.");

        return Decision.Append(new DisputeRaised($"D-{account.DisputesRaised + 1}", invoices.Distinct().ToList(),
            command.Reason, by.Id, now));
    }

    public static Decision Decide(this DebtorAccount account, string disputeId, ResolveDispute command, Actor by, DateTimeOffset now)
    {
        var check = new Validation()
            .Defined(command.Outcome, "outcome")
            .Required(command.Note, "note")
            .Text(command.Note, InputLimits.Reason, "note");
        if (!check.IsValid) return check.Reject();
        if (account.RefuseIfWrittenOff() is { } refused) return refused;

        return account.OpenDisputes.Any(d => d.DisputeId == disputeId)
            ? Decision.Append(new DisputeResolved(disputeId, command.Outcome, command.Note, by.Id, now))
            : Decision.NotAllowed("disputeId", $"No open dispute '{disputeId}' on this account.");
    }
}
