namespace Collections.Api.Integration.Contract;

// Version 1 of the events that move money on an account.

public sealed record InvoiceIssuedV1(string InvoiceNumber, Amount Amount, DateOnly IssueDate, DateOnly DueDate,
    string? ContractReference, LateFeeTermsV1? LateFee) : IEventData;

public sealed record LateFeeTermsV1(decimal Percent, int AfterDaysPastDue);

public sealed record LateFeeAppliedV1(string InvoiceNumber, Amount Fee, string Clause, DateTimeOffset AppliedAt) : IEventData;

public sealed record PaymentReceivedV1(string PaymentId, Amount Amount, DateTimeOffset ReceivedAt,
    IReadOnlyList<PaymentAllocationV1> AppliedTo, decimal Unapplied, string? Reference) : IEventData;

public sealed record PaymentAllocationV1(string InvoiceNumber, decimal Amount);
