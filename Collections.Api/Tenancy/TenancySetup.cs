using System.Text.RegularExpressions;
using Collections.Api.Currencies;
using Collections.Api.Dunning;
using Collections.Api.Infrastructure;
using Npgsql;

namespace Collections.Api.Tenancy;

/// <summary>
/// Reads Collections:Tenants. Without it, one tenant, <see cref="Tenants.Default"/>, with the policy of
/// Collections:CreditPolicy. With it, each child names a tenant: <c>PolicyFile</c> (required, its own credit policy)
/// and an optional <c>ConnectionString</c> (a database of its own, see <see cref="TenantStorage"/>). Every error of every
/// tenant stops start-up, named. The exchange rates are the deployment's (<see cref="ExchangeRateSetup"/>): every
/// tenant's thresholds are measured with them.
/// </summary>
public static partial class TenancySetup
{
    public const string PolicyFileKey = "PolicyFile";
    public const string ConnectionStringKey = "ConnectionString";

    public static Tenants Load(IConfiguration configuration)
    {
        var rates = ExchangeRateSetup.Load(configuration);
        var section = configuration.GetSection(Tenants.Section);
        if (!section.GetChildren().Any())
            return new Tenants([new Tenant(Tenants.Default, CreditPolicySetup.Load(configuration) with { ExchangeRates = rates }, null)],
                configured: false);

        var errors = new List<string>();
        if (configuration[CreditPolicySetup.PathSetting] is { Length: > 0 })
            errors.Add($"{CreditPolicySetup.PathSetting}: not used with {Tenants.Section}; each tenant names its own {PolicyFileKey}.");

        var tenants = new List<Tenant>();
        foreach (var child in section.GetChildren())
        {
            var setting = $"{Tenants.Section}:{child.Key}";
            if (!ValidId().IsMatch(child.Key))
            {
                errors.Add($"{setting}: '{child.Key}' is not a tenant id: lowercase letters, digits, '-' and '_', at most 63, " +
                           "starting with a letter or digit (it is the first word of the events' routing keys).");
                continue;
            }

            var unknown = child.GetChildren().Select(c => c.Key).Except([PolicyFileKey, ConnectionStringKey], StringComparer.OrdinalIgnoreCase);
            errors.AddRange(unknown.Select(key => $"{setting}:{key}: unknown setting; a tenant has {PolicyFileKey} and {ConnectionStringKey}."));

            var policyFile = child[PolicyFileKey];
            if (string.IsNullOrWhiteSpace(policyFile))
            {
                errors.Add($"{setting}:{PolicyFileKey}: is required (tenant '{child.Key}' needs its own credit policy file).");
                continue;
            }

            var policy = CreditPolicySetup.TryLoadFile(policyFile, $"{setting}:{PolicyFileKey}", $"tenant '{child.Key}'", errors);
            var connectionString = child[ConnectionStringKey] is { Length: > 0 } own ? own : null;
            if (policy is not null) tenants.Add(new Tenant(child.Key, policy with { ExchangeRates = rates }, connectionString));
        }

        CheckOwnDatabases(tenants, configuration.GetConnectionString(CollectionsSetup.ConnectionStringName), errors);

        return errors.Count == 0
            ? new Tenants(tenants, configured: true)
            : throw new InvalidOperationException($"The tenants ({Tenants.Section}) have {errors.Count} error(s):\n  " + string.Join("\n  ", errors));
    }

    /// <summary>
    /// A tenant's own database must be one: a connection string naming a database that neither the main database
    /// (<c>ConnectionStrings:Marten</c>) nor another tenant uses. And Wolverine keeps the messages of a tenant named
    /// <c>default</c> or <c>main</c> in its main store whatever the tenancy says, so those two stay in the main database.
    /// </summary>
    private static void CheckOwnDatabases(List<Tenant> tenants, string? main, List<string> errors)
    {
        var taken = new Dictionary<string, string>();
        if (main is not null && DatabaseOf(main) is { } mainDatabase) taken[mainDatabase] = $"the main database ({ConnectionStringsSetting})";
        foreach (var tenant in tenants.Where(t => t.HasOwnDatabase))
        {
            var setting = $"{Tenants.Section}:{tenant.Id}:{ConnectionStringKey}";
            if (tenant.Id is Tenants.Default or TenantStorage.MainDatabase)
                errors.Add($"{setting}: tenant '{tenant.Id}' cannot have a database of its own (Wolverine keeps the messages of a " +
                           $"tenant named '{Tenants.Default}' or '{TenantStorage.MainDatabase}' in the main database); leave it out.");
            else if (DatabaseOf(tenant.ConnectionString!) is not { } database)
                errors.Add($"{setting}: is not a PostgreSQL connection string naming a database (Host=...;Database=...).");
            else if (taken.TryGetValue(database, out var user))
                errors.Add($"{setting}: names the database of {user}; a tenant's own database is its alone " +
                           "(leave the setting out to share the main database).");
            else taken[database] = $"tenant '{tenant.Id}'";
        }
    }

    private const string ConnectionStringsSetting = $"ConnectionStrings:{CollectionsSetup.ConnectionStringName}";

    /// <summary>Host, port and database, the identity of a database whatever else the connection string says; null if none.</summary>
    private static string? DatabaseOf(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Database) || string.IsNullOrWhiteSpace(builder.Host)
                ? null
                : $"{builder.Host.ToLowerInvariant()}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex ValidId();
}
