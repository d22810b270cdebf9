using Collections.Api.Infrastructure;
using Collections.Domain.Accounts;
using Collections.Domain.Invoicing;
using Collections.Domain.Payments;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine;

namespace Collections.Api.Integration.Inbound;

/// <summary>
/// Billing's invoices and payments take the very path of the HTTP endpoints: the same domain decision and
/// <see cref="DecisionResults.Carry"/>, so an invoice number or payment id already recorded with the same details
/// appends nothing (money is never counted twice), and one recorded with other details is refused.
/// </summary>
public static class BillingFeedHandler
{
    public static async Task<OutgoingMessages> Handle(BillingInvoice message, IDocumentSession session)
    {
        var account = await FetchAccount(session, message.AccountNumber, message.MessageId, message.Source);
        return Applied(account.Carry(message.Invoice.ExpectedVersion, account.Aggregate!.Decide(message.Invoice)));
    }

    public static async Task<OutgoingMessages> Handle(BillingPayment message, IDocumentSession session, TimeProvider clock)
    {
        var account = await FetchAccount(session, message.AccountNumber, message.MessageId, message.Source);
        return Applied(account.Carry(message.Payment.ExpectedVersion, account.Aggregate!.Decide(message.Payment, clock.GetUtcNow())));
    }

    private static async Task<IEventStream<DebtorAccount>> FetchAccount(IDocumentSession session, string accountNumber,
        string messageId, string source)
    {
        session.CorrelationId = messageId;
        session.LastModifiedBy = source;
        var account = await session.Events.FetchForExclusiveWriting<DebtorAccount>(accountNumber);
        return account.Aggregate is null
            ? throw new BillingMessageRefused($"subject: no account '{accountNumber}'; open it before billing it.")
            : account;
    }

    /// <summary>A refusal throws, so the transaction rolls back and nothing of the message is written.</summary>
    private static OutgoingMessages Applied((IResult Response, OutgoingMessages Messages) carried) =>
        carried.Response is IStatusCodeHttpResult { StatusCode: >= 400 } refused
            ? throw new BillingMessageRefused(Describe(refused))
            : carried.Messages;

    private static string Describe(IStatusCodeHttpResult refused) => refused switch
    {
        ValidationProblem { ProblemDetails: var p } => $"{p.Status} {p.Title}: {p.Detail}",
        ProblemHttpResult { ProblemDetails: var p } => $"{p.Status} {p.Title}: {p.Detail}",
        _ => $"{refused.StatusCode}"
    };
}
