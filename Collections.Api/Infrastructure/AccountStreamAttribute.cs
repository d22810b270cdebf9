using Wolverine.Marten;

namespace Collections.Api.Infrastructure;

/// <summary>
/// The event stream of the route's <c>{accountNumber}</c>, locked in PostgreSQL for the request
/// (<c>select … for update</c>): writers on one account queue up instead of racing to a commit conflict, which
/// would cost a retry and leave tombstones behind. <c>expectedVersion</c> is still checked by the decision.
/// </summary>
public sealed class AccountStreamAttribute : WriteAggregateAttribute
{
    public AccountStreamAttribute() : base("accountNumber")
    {
        LoadStyle = ConcurrencyStyle.Exclusive;
        // Wolverine's own text names the aggregate's .NET type ("Unknown DebtorAccount with identity …").
        MissingMessage = "No account '{Id}'.";
    }
}
