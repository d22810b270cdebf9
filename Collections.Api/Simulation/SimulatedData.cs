using Collections.Domain.Accounts;
using Marten;

namespace Collections.Api.Simulation;

public static class SimulatedData
{
    /// <summary>Starts one stream per account of <paramref name="tenant"/>, in batches; returns how many events were appended.</summary>
    public static async Task<int> AppendAsync(IDocumentStore store, string tenant,
        IEnumerable<(string AccountNumber, IReadOnlyList<object> Events)> accounts, int batchSize = 250)
    {
        var total = 0;
        foreach (var batch in accounts.Chunk(batchSize))
        {
            await using var session = store.LightweightSession(tenant);
            session.LastModifiedBy = "simulator";
            foreach (var (number, events) in batch)
            {
                session.Events.StartStream<DebtorAccount>(number, events);
                total += events.Count;
            }

            await session.SaveChangesAsync();
        }

        return total;
    }
}
