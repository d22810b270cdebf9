using System.Text.Json;

namespace Collections.Domain.Accounts;

public static class AccountPreview
{
    /// <summary>
    /// The account as it will be once <paramref name="events"/> are appended, for a decision that goes on deciding on
    /// top of what it has just decided (credit applied, then the step that follows). A copy: the account itself is
    /// left untouched, as the event store's identity map needs (it folds the appended events into that instance).
    /// </summary>
    /// <remarks>
    /// Copied by a JSON round trip, the way the event store keeps the account, rather than by a hand-written copy:
    /// every field added to the account later is copied too, and one that would not survive the trip would not
    /// survive the store either.
    /// </remarks>
    public static DebtorAccount Preview(this DebtorAccount account, IEnumerable<object> events)
    {
        var copy = JsonSerializer.Deserialize<DebtorAccount>(JsonSerializer.SerializeToUtf8Bytes(account))!;
        foreach (var e in events) copy.Evolve(e);
        return copy;
    }
}
