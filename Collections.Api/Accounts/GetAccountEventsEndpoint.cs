using Microsoft.AspNetCore.Mvc;
using Marten;
using Wolverine.Http;

namespace Collections.Api.Accounts;

/// <param name="Actor">Who caused the event (the X-Actor of the request that appended it).</param>
public sealed record RecordedEvent(
    long Version,
    long Sequence,
    DateTimeOffset Timestamp,
    string Type,
    string? CorrelationId,
    string? CausationId,
    string? Actor,
    object Data);

public static class GetAccountEventsEndpoint
{
    /// <summary>The account's raw event history, oldest first, with its metadata.</summary>
    [WolverineGet("/api/accounts/{accountNumber}/events"), Tags("Accounts"), ProducesResponseType<IReadOnlyList<RecordedEvent>>(200)]
    public static async Task<IResult> Get(string accountNumber, IQuerySession session, CancellationToken token)
    {
        var events = await session.Events.FetchStreamAsync(accountNumber, token: token);
        return events.Count == 0
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown account",
                detail: $"No account '{accountNumber}'.")
            : Results.Ok(events.Select(e => new RecordedEvent(e.Version, e.Sequence, e.Timestamp, e.EventType.Name,
                e.CorrelationId, e.CausationId, e.UserName, e.Data)).ToList());
    }
}
