using Collections.Api.Security;
using Marten;
using Wolverine;

namespace Collections.Api.Infrastructure;

/// <summary>
/// Wolverine HTTP middleware: records the authenticated actor (user name as the event's user, display name and
/// kind as headers) and the correlation id (X-Correlation-Id header, else the one Wolverine assigned) on the
/// events a request appends and the messages it sends, and echoes the correlation id.
/// </summary>
public static class RequestMetadata
{
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string ActorNameHeader = "actor-name";
    public const string ActorKindHeader = "actor-kind";

    public static void Before(HttpContext context, IDocumentSession session, IMessageContext messages, AuthSettings settings)
    {
        if (Callers.TryActor(context.User, settings) is { } actor)
        {
            session.LastModifiedBy = actor.Id;
            session.SetHeader(ActorNameHeader, actor.Name);
            session.SetHeader(ActorKindHeader, context.User.HasClaim(c => c.Type == ApiKeyAuthentication.KeyIdClaim) ? "api-key" : "person");
        }

        var correlation = context.Request.Headers[CorrelationHeader].ToString();
        if (!string.IsNullOrWhiteSpace(correlation)) session.CorrelationId = correlation.Trim();
        session.CorrelationId ??= context.TraceIdentifier;
        // Messages the request cascades (to the escalation saga, say) carry it on to the events they append.
        messages.CorrelationId = session.CorrelationId;
        context.Response.Headers[CorrelationHeader] = session.CorrelationId;
    }
}
