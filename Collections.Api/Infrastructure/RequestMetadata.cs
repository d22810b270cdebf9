using Marten;
using Wolverine;

namespace Collections.Api.Infrastructure;

/// <summary>
/// Wolverine HTTP middleware: records the actor (X-Actor header) and the correlation id (X-Correlation-Id
/// header, else the one Wolverine assigned) on the events a request appends and the messages it sends, and
/// echoes the correlation id.
/// </summary>
public static class RequestMetadata
{
    public const string ActorHeader = "X-Actor";
    public const string CorrelationHeader = "X-Correlation-Id";

    public static void Before(HttpContext context, IDocumentSession session, IMessageContext messages)
    {
        var actor = context.Request.Headers[ActorHeader].ToString();
        session.LastModifiedBy = string.IsNullOrWhiteSpace(actor) ? "anonymous" : actor.Trim();

        var correlation = context.Request.Headers[CorrelationHeader].ToString();
        if (!string.IsNullOrWhiteSpace(correlation)) session.CorrelationId = correlation.Trim();
        session.CorrelationId ??= context.TraceIdentifier;
        // Messages the request cascades (to the escalation saga, say) carry it on to the events they append.
        messages.CorrelationId = session.CorrelationId;
        context.Response.Headers[CorrelationHeader] = session.CorrelationId;
    }
}
