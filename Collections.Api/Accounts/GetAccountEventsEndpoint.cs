using Collections.Api.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Collections.Api.Accounts;

/// <param name="Actor">Who caused the event: the authenticated user's id, an API key's id, or "credit policy".</param>
/// <param name="ActorName">The display name they had when they acted.</param>
public sealed record RecordedEvent(
    long Version,
    long Sequence,
    DateTimeOffset Timestamp,
    string Type,
    string? CorrelationId,
    string? CausationId,
    string? Actor,
    string? ActorName,
    object Data);

public static class GetAccountEventsEndpoint
{
    /// <summary>The account's raw event history, oldest first, with its metadata.</summary>
    [WolverineGet("/api/accounts/{accountNumber}/events"), Tags("Accounts"), ProducesResponseType<IReadOnlyList<RecordedEvent>>(200), Authorize(Policy = Capability.Read)]
    public static async Task<IResult> Get(string accountNumber, IQuerySession session, CancellationToken token)
    {
        var events = await session.Events.FetchStreamAsync(accountNumber, token: token);
        return events.Count == 0
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown account",
                detail: $"No account '{accountNumber}'.")
            : Results.Ok(events.Select(e => new RecordedEvent(e.Version, e.Sequence, e.Timestamp, e.EventType.Name,
                e.CorrelationId, e.CausationId, e.UserName, ActorName(e), e.Data)).ToList());
    }

    private static string? ActorName(JasperFx.Events.IEvent e) =>
        e.Headers?.TryGetValue(Infrastructure.RequestMetadata.ActorNameHeader, out var name) == true ? name?.ToString() : null;
}
