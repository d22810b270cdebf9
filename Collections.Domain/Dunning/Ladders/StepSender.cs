using Collections.Domain.Accounts;
using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Domain.Dunning.Ladders;

/// <summary>Who signs a step's message and gets its task.</summary>
public static class StepSender
{
    /// <summary>
    /// A collector's step is the account's own collector's (the work queue files it under them); an account with no
    /// collector of the staff has the policy's <c>senders.collector</c>. Senior steps are the policy's senders'.
    /// </summary>
    public static Sender For(DebtorAccount account, CreditPolicy policy, SenderRole role) =>
        role == SenderRole.Collector && policy.Staff.Find(account.Collector) is { } own ? own.AsSender() : policy.Senders[role];
}
