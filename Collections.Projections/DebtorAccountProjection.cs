using Collections.Domain.Accounts;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Collections.Projections;

/// <summary>Folds an account stream into <see cref="DebtorAccount"/> with the aggregate's own dispatcher.</summary>
public class DebtorAccountProjection : SingleStreamProjection<DebtorAccount, string>
{
    public override DebtorAccount Evolve(DebtorAccount? snapshot, string id, IEvent e)
    {
        var account = snapshot ?? new DebtorAccount { Id = id };
        account.Evolve(e.Data);
        account.Version = e.Version;
        return account;
    }
}
