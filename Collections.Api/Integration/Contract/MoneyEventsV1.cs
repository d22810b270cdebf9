namespace Collections.Api.Integration.Contract;

// Version 1 of the events that move money on an account.

public sealed record InvoiceIssuedV1(string InvoiceNumber, Amount Amount, DateOnly IssueDate, DateOnly DueDate,
    string? ContractReference, LateFeeTermsV1? LateFee) : IEventData;

public sealed record LateFeeTermsV1(decimal Percent, int AfterDaysPastDue);

public sealed record LateFeeAppliedV1(string InvoiceNumber, Amount Fee, string Clause, DateTimeOffset AppliedAt) : IEventData;

public sealed record PaymentReceivedV1(string PaymentId, Amount Amount, DateTimeOffset ReceivedAt,
    IReadOnlyList<PaymentAllocationV1> AppliedTo, decimal Unapplied, string? Reference) : IEventData;

public sealed record PaymentAllocationV1(string InvoiceNumber, decimal Amount);

/// <summary>Credit a payment left on the account, applied to past-due invoices before anyone is chased for them.</summary>
public sealed record CreditAppliedV1(string PaymentId, Amount Amount, IReadOnlyList<PaymentAllocationV1> AppliedTo,
    DateTimeOffset AppliedAt) : IEventData;

/// <summary>An amount measured in a threshold's currency; <c>to</c>, <c>rate</c> and <c>rateDate</c> are null when it could not be converted (<c>unavailable</c> says why).</summary>
public sealed record ConversionV1(Amount From, string Into, Amount? To, decimal? Rate, DateOnly? RateDate, string? Unavailable);
