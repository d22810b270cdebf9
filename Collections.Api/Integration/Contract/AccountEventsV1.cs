namespace Collections.Api.Integration.Contract;

// Version 1 of the account lifecycle events. Enumerations travel as camelCase strings.

public sealed record AccountOpenedV1(string AccountNumber, string DebtorName, string Segment, string TimeZone,
    int NetDays, decimal? CreditLimit, string Currency, string? Collector, DateTimeOffset OpenedAt) : IEventData;

public sealed record AccountWrittenOffV1(IReadOnlyList<Amount> Amounts, string Reason, string ApprovedBy, DateTimeOffset WrittenOffAt) : IEventData;

public sealed record AccountReopenedV1(string Reason, string ReopenedBy, DateTimeOffset ReopenedAt) : IEventData;

public sealed record CreditHoldPlacedV1(string Reason, string PlacedBy, DateTimeOffset PlacedAt) : IEventData;

public sealed record CreditHoldReleasedV1(string Reason, string ReleasedBy, DateTimeOffset ReleasedAt) : IEventData;

public sealed record EscalatedToAgencyV1(string Agency, IReadOnlyList<Amount> AmountsReferred, string ReferredBy, string? Reason,
    DateTimeOffset EscalatedAt) : IEventData;

public sealed record ReportedToCreditBureauV1(string Bureau, IReadOnlyList<Amount> Amounts, DateTimeOffset ReportedAt) : IEventData;
