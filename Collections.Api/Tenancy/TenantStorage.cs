using Collections.Api.Infrastructure;
using Marten;
using Wolverine.Marten;

namespace Collections.Api.Tenancy;

/// <summary>
/// Which database holds which tenant. The main database (<c>ConnectionStrings:Marten</c>) holds every tenant without a
/// <c>ConnectionString</c> of its own, conjoined (a <c>tenant_id</c> in every key), and everything that is no tenant's:
/// API keys, Wolverine's nodes and the messages of no tenant, the sweep's lock. Each tenant with a <c>ConnectionString</c>
/// has that database to itself: its events, documents, saga, timers, outbox and dead letters, with Marten's tables and
/// Wolverine's in the same schema as in the main one, so one transaction still covers a command's events and messages.
/// Without such a tenant nothing changes: one database, Marten's single-database tenancy, as before.
/// </summary>
public static class TenantStorage
{
    /// <summary>
    /// Marten's name for the main database. Wolverine's Marten subscriptions run in the name of their database, and
    /// Wolverine sends a tenant named 'main' (any case) to its main store: that is the main database here too.
    /// </summary>
    public const string MainDatabase = "main";

    public static MartenServiceCollectionExtensions.MartenConfigurationExpression StoreTenants(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten, Tenants tenants, string mainConnectionString)
    {
        if (!tenants.HaveOwnDatabases) return marten.UseNpgsqlDataSource();

        marten.Services.ConfigureMarten(opts => opts.MultiTenantedDatabases(databases =>
        {
            // The default tenant's database is the main one, for the one deliberate tenant-less session (GlobalDocuments).
            databases.AddMultipleTenantDatabase(DatabaseTimeouts.Bound(mainConnectionString), MainDatabase)
                .ForTenants(tenants.All.Where(t => !t.HasOwnDatabase).Select(t => t.Id).ToArray())
                .AsDefault();
            foreach (var tenant in tenants.All.Where(t => t.HasOwnDatabase))
                databases.AddSingleTenantDatabase(DatabaseTimeouts.Bound(tenant.ConnectionString!), tenant.Id);
        }));
        return marten;
    }

    /// <summary>
    /// Wolverine's main message store when the store spans several databases (nodes, agents, messages of no tenant):
    /// the main database, so the messages of the tenants conjoined there are in the same tables whichever store writes them.
    /// </summary>
    public static void UseMainDatabase(this MartenIntegration wolverine, Tenants tenants, string mainConnectionString)
    {
        if (tenants.HaveOwnDatabases) wolverine.MainDatabaseConnectionString = DatabaseTimeouts.Bound(mainConnectionString);
    }
}
