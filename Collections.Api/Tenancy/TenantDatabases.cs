using Marten;
using Marten.Storage;
using Npgsql;
using Weasel.Postgresql;

namespace Collections.Api.Tenancy;

/// <summary>
/// The PostgreSQL databases behind the store (<see cref="TenantStorage"/>), for the code that reads them with SQL: the
/// sweep's inbox query, health, tests. Marten's own connection pools, so the bounds and the database are the store's.
/// </summary>
public sealed class TenantDatabases(IDocumentStore store)
{
    /// <summary>The main database: the sweep's lock, what is no tenant's, and the tenants conjoined there.</summary>
    public NpgsqlDataSource Main => DataSourceOf(store.Storage.Database);

    /// <summary>The database that holds the tenant's events, documents and messages.</summary>
    public async ValueTask<NpgsqlDataSource> Of(string tenant) => DataSourceOf(await store.Storage.FindOrCreateDatabase(tenant));

    /// <summary>Every database, each once: one in an installation without tenants of their own database.</summary>
    public async ValueTask<IReadOnlyList<NpgsqlDataSource>> All() => (await store.Storage.AllDatabases()).Select(DataSourceOf).ToList();

    private static NpgsqlDataSource DataSourceOf(IMartenDatabase database) => ((PostgresqlDatabase)database).DataSource;
}
