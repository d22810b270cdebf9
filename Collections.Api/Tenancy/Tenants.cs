using Collections.Domain.Dunning.PolicyFile;
using System.Collections.Frozen;

namespace Collections.Api.Tenancy;

/// <summary>One creditor company served by this deployment: its own accounts, credit policy and events.</summary>
/// <param name="ConnectionString">A database of its own, or null: conjoined with the others in the main database.</param>
public sealed record Tenant(string Id, CreditPolicy Policy, string? ConnectionString)
{
    public bool HasOwnDatabase => ConnectionString is not null;
}

/// <summary>
/// The tenants of this deployment (Collections:Tenants), read and checked once at start-up (<see cref="TenancySetup"/>).
/// </summary>
public sealed class Tenants
{
    public const string Section = "Collections:Tenants";

    /// <summary>
    /// The one tenant of an installation without Collections:Tenants. A real tenant id, stored as such in Marten's
    /// tenant_id columns, rather than Marten's own "*DEFAULT*" mapped to "default" at the edges: the id is then the
    /// same in the store, on Wolverine's envelopes, in CloudEvents, routing keys and answers, with no translation at
    /// each edge to forget; and since sessions without a tenant are refused (DefaultTenantUsageEnabled = false), a
    /// code path that forgot the tenant fails in every installation, not only in one with several tenants.
    /// </summary>
    public const string Default = "default";

    private readonly FrozenDictionary<string, Tenant> _byId;

    public Tenants(IReadOnlyList<Tenant> all, bool configured)
    {
        All = all;
        IsConfigured = configured;
        _byId = all.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Tenant> All { get; }

    /// <summary>False for a single-tenant installation: one tenant, <see cref="Default"/>, and callers need not name it.</summary>
    public bool IsConfigured { get; }

    /// <summary>True when some tenant has a database of its own: the store then spans several databases (<see cref="TenantStorage"/>).</summary>
    public bool HaveOwnDatabases => All.Any(t => t.HasOwnDatabase);

    public bool IsKnown(string? id) => id is not null && _byId.ContainsKey(id);

    public Tenant this[string? id] => id is not null && _byId.TryGetValue(id, out var tenant)
        ? tenant
        : throw new UnknownTenantException(id);

    /// <summary>The tenant a message or request names when it names none: <see cref="Default"/> in a single-tenant installation, else none.</summary>
    public string? Implicit => IsConfigured ? null : Default;
}

public sealed class UnknownTenantException(string? id)
    : Exception(id is null ? "No tenant named, and this installation serves several." : $"Tenant '{id}' is not configured here.");
