using Collections.Api.Dunning;
using Collections.Api.Security;
using Collections.Domain.Accounts;
using Collections.Domain.Common;
using JasperFx.Events;
using Wolverine;

namespace Collections.Api.Infrastructure;

/// <summary>What a write answers: the account, its version after the command, and the events it appended.</summary>
public sealed record CommandResult(string AccountNumber, long Version, IReadOnlyList<string> EventsAppended);

public static class DecisionResults
{
    /// <summary>
    /// Carries a decision out on the account stream. Order matters: a malformed command is refused first;
    /// a repeat of something already done answers OK whatever version the caller saw (so retries are safe);
    /// only then is a stale expected version a conflict.
    /// </summary>
    /// <returns>The response, and the messages the appended events trigger (sent through the outbox on commit).</returns>
    /// <summary>As <see cref="Carry"/>, for a collector's work: refused with 403 unless the account is theirs.</summary>
    /// <param name="taskId">The task the command is about: its assignee may carry it out on someone else's account.</param>
    public static (IResult, OutgoingMessages) CarryAssigned(this IEventStream<DebtorAccount> stream, Caller caller,
        long? expectedVersion, Func<Actor, Decision> decide, string? taskId = null) =>
        caller.RefuseUnlessAssigned(stream.Aggregate!, taskId) is { } refused ? (refused, []) : stream.Carry(expectedVersion, decide(caller.Actor));

    public static (IResult, OutgoingMessages) Carry(this IEventStream<DebtorAccount> stream, long? expectedVersion,
        Decision decision, int createdStatus = StatusCodes.Status200OK)
    {
        var response = Respond(stream, expectedVersion, decision, createdStatus, out var appended);
        return (response, appended ? DunningTriggers.For(stream.Aggregate!, decision.Events) : []);
    }

    private static IResult Respond(IEventStream<DebtorAccount> stream, long? expectedVersion, Decision decision,
        int createdStatus, out bool appended)
    {
        appended = false;
        var version = stream.CurrentVersion ?? 0;
        if (decision.Rejection is { Kind: RejectionKind.Invalid } invalid) return invalid.ToProblem();
        if (decision.IsUnchanged) return Results.Ok(new CommandResult(stream.Key!, version, []));
        if (expectedVersion is { } expected && expected != version)
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The account has changed since you read it",
                detail: $"Expected version {expected}, but the account is at version {version}. Nothing was written.",
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = new Dictionary<string, string[]> { ["expectedVersion"] = [$"is {expected}; the account is at {version}."] },
                    ["currentVersion"] = version
                });
        if (decision.Rejection is { } rejection) return rejection.ToProblem();

        stream.AppendMany(decision.Events);
        appended = true;
        var result = new CommandResult(stream.Key!, version + decision.Events.Count,
            decision.Events.Select(e => e.GetType().Name).ToList());
        return createdStatus == StatusCodes.Status201Created
            ? Results.Created($"/api/accounts/{Uri.EscapeDataString(stream.Key!)}", result)
            : Results.Ok(result);
    }

    public static IResult ToProblem(this Rejection rejection)
    {
        var (status, title) = rejection.Kind switch
        {
            RejectionKind.Invalid => (StatusCodes.Status400BadRequest, "The request is invalid"),
            RejectionKind.Conflict => (StatusCodes.Status409Conflict, "The request conflicts with what is recorded"),
            RejectionKind.Forbidden => (StatusCodes.Status403Forbidden, "You may not do this here"),
            _ => (StatusCodes.Status422UnprocessableEntity, "The account's state does not allow this")
        };
        return Results.ValidationProblem(rejection.Errors.ToDictionary(), statusCode: status, title: title,
            detail: string.Join(" ", rejection.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    }
}
