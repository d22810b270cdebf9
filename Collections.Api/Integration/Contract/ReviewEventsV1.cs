namespace Collections.Api.Integration.Contract;

// Version 1 of the events that take invoices out of the escalation for a while, and of the order limit passing.

/// <param name="Until">The last day (debtor's calendar) the invoice is left out; it ends by itself at <paramref name="EndsAt"/>.</param>
public sealed record DunningBlockPlacedV1(string InvoiceNumber, string Reason, DateOnly Until, DateTimeOffset EndsAt, string PlacedBy,
    DateTimeOffset PlacedAt) : IEventData;

public sealed record DunningBlockLiftedV1(string InvoiceNumber, string Reason, string LiftedBy, DateTimeOffset LiftedAt) : IEventData;

public sealed record DunningBlockEndedV1(string InvoiceNumber, DateOnly Until, DateTimeOffset EndedAt) : IEventData;

/// <summary>The invoice is now more than the credit policy's order limit (<paramref name="LimitDays"/>) past due.</summary>
public sealed record InvoicePassedOrderLimitV1(string InvoiceNumber, int LimitDays, DateTimeOffset PassedAt) : IEventData;
