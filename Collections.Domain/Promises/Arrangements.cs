using Collections.Domain.Accounts;

namespace Collections.Domain.Promises;

public static class Arrangements
{
    /// <summary>
    /// Has the debtor an arrangement to pay that we accepted, standing at <paramref name="now"/>? Today: an open promise
    /// to pay, until it is kept or recorded as broken. Whatever waits on an arrangement (the order check) asks here, so
    /// a payment plan joins in this one place; <paramref name="now"/> is for arrangements that lapse by date.
    /// </summary>
    public static bool HasAcceptedArrangement(this DebtorAccount account, DateTimeOffset now) => account.OpenPromise is not null;
}
