namespace Collections.Api.Integration.Contract;

// Version 1 of the account lifecycle events. Enumerations travel as camelCase strings.

/// <param name="Country">The debtor's ISO 3166-1 alpha-2 country, when given; else the credit policy's default country applies.</param>
public sealed record AccountOpenedV1(string AccountNumber, string DebtorName, string Segment, string TimeZone,
    int NetDays, decimal? CreditLimit, string Currency, string? Collector, DateTimeOffset OpenedAt, string? Country = null) : IEventData;

/// <param name="RequestedBy">Under four eyes, who asked for it; <c>approvedBy</c> is then the second credit manager.</param>
public sealed record AccountWrittenOffV1(IReadOnlyList<Amount> Amounts, string Reason, string ApprovedBy, DateTimeOffset WrittenOffAt,
    string? RequestedBy) : IEventData;

/// <summary>A write-off above the policy's threshold, waiting for a second credit manager.</summary>
public sealed record WriteOffRequestedV1(IReadOnlyList<Amount> Amounts, string Reason, string RequestedBy, DateTimeOffset RequestedAt) : IEventData;

public sealed record WriteOffDeclinedV1(string RequestedBy, string DeclinedBy, DateTimeOffset DeclinedAt) : IEventData;

public sealed record AccountReopenedV1(string Reason, string ReopenedBy, DateTimeOffset ReopenedAt) : IEventData;

public sealed record CreditHoldPlacedV1(string Reason, string PlacedBy, DateTimeOffset PlacedAt) : IEventData;

public sealed record CreditHoldReleasedV1(string Reason, string ReleasedBy, DateTimeOffset ReleasedAt) : IEventData;

public sealed record EscalatedToAgencyV1(string Agency, IReadOnlyList<Amount> AmountsReferred, string ReferredBy, string? Reason,
    DateTimeOffset EscalatedAt) : IEventData;

public sealed record ReportedToCreditBureauV1(string Bureau, IReadOnlyList<Amount> Amounts, DateTimeOffset ReportedAt) : IEventData;
