using Collections.Domain.Common;

namespace Collections.Domain.Invoicing;

/// <param name="Clause">The contract clause quoted to the debtor, e.g. "5% after 30 days past due".</param>
public sealed record LateFeeApplied(string InvoiceNumber, Money Fee, string Clause, DateTimeOffset AppliedAt);
