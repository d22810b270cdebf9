namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>One of the collections staff: the people accounts are assigned to, who sign messages and get tasks.</summary>
/// <param name="Id">The user name they sign in with (the token's user name, e.g. <c>jane.doe</c>): an account's
/// <c>collector</c>, a task's assignee and the actor on what they record all name this id.</param>
/// <param name="Role">Collector, accounts manager or credit manager: which senders of the policy they may be.</param>
/// <param name="Title">How they sign: "name, title".</param>
public sealed record StaffMember(string Id, string Name, SenderRole Role, string Title, string? Email)
{
    public Sender AsSender() => new(Id, Name, Title, Email);

    /// <summary>A credit manager may stand in for an accounts manager, and both for a collector; never the other way.</summary>
    public bool MayActAs(SenderRole role) => Role >= role;
}

/// <summary>
/// Who the collections staff are (the credit policy's <c>staff</c>). Accounts are assigned only to them, and the
/// policy's senders are drawn from them: a sales representative is not in it, so cannot work an account.
/// </summary>
public sealed record StaffRegister(IReadOnlyDictionary<string, StaffMember> Members)
{
    public static readonly StaffRegister Empty = new(new Dictionary<string, StaffMember>());

    public StaffMember? Find(string? id) => id is not null && Members.TryGetValue(id, out var member) ? member : null;

    /// <summary>How a role is written where no title is given, and in messages about the role.</summary>
    public static string Describe(SenderRole role) => role switch
    {
        SenderRole.AccountsManager => "Accounts Manager",
        SenderRole.CreditManager => "Credit Manager",
        _ => "Collector"
    };
}
