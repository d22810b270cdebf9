using Collections.Domain.Invoicing;
using Collections.Domain.Payments;

namespace Collections.Api.Integration.Inbound;

/// <summary>An invoice from upstream billing: the same command the HTTP endpoint takes.</summary>
/// <param name="MessageId">The CloudEvent id, recorded as the correlation id of what it appends.</param>
/// <param name="Source">The CloudEvent source, recorded as the actor.</param>
public sealed record BillingInvoice(string MessageId, string Source, string AccountNumber, IssueInvoice Invoice);

/// <summary>A payment from upstream billing: the same command the HTTP endpoint takes.</summary>
public sealed record BillingPayment(string MessageId, string Source, string AccountNumber, RecordPayment Payment);

/// <summary>A billing message that can never be processed as sent; it goes to the dead-letter queue with this reason.</summary>
public sealed class BillingMessageRefused(string reason) : Exception(reason);
