namespace Collections.Domain.Common;

/// <summary>
/// What a command decided: the events to append, nothing (an idempotent repeat), or a rejection.
/// Decisions are pure; the caller appends the events.
/// </summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<object> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    public IReadOnlyList<object> Events { get; }
    public Rejection? Rejection { get; }

    public bool IsRejected => Rejection is not null;
    public bool IsUnchanged => Rejection is null && Events.Count == 0;

    public static Decision Append(params object[] events) => new(events, null);

    /// <summary>The command was already carried out; nothing to append.</summary>
    public static readonly Decision Unchanged = new([], null);

    public static Decision Reject(Rejection rejection) => new([], rejection);

    public static Decision Conflict(string field, string message) =>
        Reject(new Rejection(RejectionKind.Conflict, new Dictionary<string, string[]> { [field] = [message] }));

    public static Decision NotAllowed(string field, string message) =>
        Reject(new Rejection(RejectionKind.NotAllowed, new Dictionary<string, string[]> { [field] = [message] }));

    public static Decision Forbidden(string field, string message) =>
        Reject(new Rejection(RejectionKind.Forbidden, new Dictionary<string, string[]> { [field] = [message] }));
}

public enum RejectionKind
{
    /// <summary>The command itself is malformed (a missing field, a negative amount).</summary>
    Invalid,

    /// <summary>The command clashes with something already recorded (a reused invoice number).</summary>
    Conflict,

    /// <summary>The command is well formed, but the account's state forbids it.</summary>
    NotAllowed,

    /// <summary>The caller may not do this here (four eyes: approving their own request).</summary>
    Forbidden
}

/// <summary>Why a command was refused, keyed by the request field at fault.</summary>
public sealed record Rejection(RejectionKind Kind, IReadOnlyDictionary<string, string[]> Errors);
