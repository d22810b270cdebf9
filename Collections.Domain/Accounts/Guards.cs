using Collections.Domain.Common;

namespace Collections.Domain.Accounts;

internal static class Guards
{
    /// <summary>A written-off account takes nothing but a repeated write-off or a reopening.</summary>
    public static Decision? RefuseIfWrittenOff(this DebtorAccount account) =>
        account.IsWrittenOff
            ? Decision.NotAllowed("accountNumber",
                $"Account {account.Id} was written off on {account.WriteOff!.WrittenOffAt:yyyy-MM-dd}; reopen it first.")
            : null;
}
