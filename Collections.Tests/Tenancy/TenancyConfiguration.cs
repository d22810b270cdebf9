using Collections.Api.Dunning;
using Collections.Api.Tenancy;
using Microsoft.Extensions.Configuration;

namespace Collections.Tests.Tenancy;

/// <summary>Collections:Tenants as read at start-up: a single-tenant installation needs none of it, a wrong one does not start.</summary>
public sealed class TenancyConfiguration
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "policies", "default.json");

    private static Tenants Load(params (string Key, string Value)[] settings) =>
        TenancySetup.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void without_configuration_there_is_one_tenant_named_default_on_the_shipped_policy()
    {
        var tenants = Load();
        tenants.All.ShouldHaveSingleItem().Id.ShouldBe("default");
        tenants["default"].Policy.Version.ShouldBe("2026.1");
        tenants.IsConfigured.ShouldBeFalse();
        tenants.Implicit.ShouldBe("default");
        tenants.HaveOwnDatabases.ShouldBeFalse();
    }

    [Fact]
    public void each_configured_tenant_has_its_own_policy_and_none_is_implicit()
    {
        var tenants = Load(("Collections:Tenants:acme:PolicyFile", Shipped), ("Collections:Tenants:globex:PolicyFile", Shipped),
            ("Collections:Tenants:globex:ConnectionString", "Host=elsewhere;Database=globex"));
        tenants.All.Select(t => t.Id).ShouldBe(["acme", "globex"], ignoreOrder: true);
        tenants["globex"].ConnectionString.ShouldBe("Host=elsewhere;Database=globex");
        tenants["acme"].ConnectionString.ShouldBeNull();
        tenants.HaveOwnDatabases.ShouldBeTrue();
        tenants.Implicit.ShouldBeNull();
        tenants.IsKnown("default").ShouldBeFalse();
        Should.Throw<UnknownTenantException>(() => tenants["default"]);
    }

    [Fact]
    public void every_wrong_tenant_setting_stops_start_up_naming_the_tenant_and_the_field()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(broken, File.ReadAllText(Shipped).Replace("\"recipient\": \"cfo\"", "\"recipient\": \"ceo\""));
        try
        {
            var error = Should.Throw<InvalidOperationException>(() => Load(
                ("Collections:Tenants:acme:PolicyFile", broken),
                ("Collections:Tenants:globex:ConnectionStrin", "typo"),
                ("Collections:Tenants:initech:PolicyFile", "/nowhere/initech.json"),
                ("Collections:Tenants:Big.Corp:PolicyFile", Shipped),
                ("Collections:CreditPolicy", Shipped))).Message;

            error.ShouldContain($"tenant 'acme' (Collections:Tenants:acme:PolicyFile)", Case.Insensitive);
            error.ShouldContain("recipient");
            error.ShouldContain(broken);
            error.ShouldContain("Collections:Tenants:globex:ConnectionStrin: unknown setting");
            error.ShouldContain("Collections:Tenants:globex:PolicyFile: is required");
            error.ShouldContain("/nowhere/initech.json (setting Collections:Tenants:initech:PolicyFile)");
            error.ShouldContain("Collections:Tenants:Big.Corp: 'Big.Corp' is not a tenant id");
            error.ShouldContain($"{CreditPolicySetup.PathSetting}: not used with Collections:Tenants");
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void a_tenants_own_database_is_a_database_of_its_own_or_start_up_stops()
    {
        var error = Should.Throw<InvalidOperationException>(() => Load(
            ("ConnectionStrings:Marten", "Host=db1;Database=collections;Username=collections"),
            ("Collections:Tenants:acme:PolicyFile", Shipped), ("Collections:Tenants:acme:ConnectionString", "Host=DB1;Port=5432;Database=collections"),
            ("Collections:Tenants:globex:PolicyFile", Shipped), ("Collections:Tenants:globex:ConnectionString", "Host=db2;Database=shared"),
            ("Collections:Tenants:initech:PolicyFile", Shipped), ("Collections:Tenants:initech:ConnectionString", "Host=db2;Database=shared;Username=other"),
            ("Collections:Tenants:hooli:PolicyFile", Shipped), ("Collections:Tenants:hooli:ConnectionString", "no connection string"),
            ("Collections:Tenants:pied:PolicyFile", Shipped), ("Collections:Tenants:pied:ConnectionString", "Host=db3"),
            ("Collections:Tenants:default:PolicyFile", Shipped), ("Collections:Tenants:default:ConnectionString", "Host=db4;Database=d"),
            ("Collections:Tenants:umbrella:PolicyFile", Shipped), ("Collections:Tenants:umbrella:ConnectionString", "Host=db2;Database=umbrella"))).Message;

        error.ShouldContain("Collections:Tenants:acme:ConnectionString: names the database of the main database (ConnectionStrings:Marten)");
        error.ShouldContain("Collections:Tenants:initech:ConnectionString: names the database of tenant 'globex'");
        error.ShouldContain("Collections:Tenants:hooli:ConnectionString: is not a PostgreSQL connection string naming a database");
        error.ShouldContain("Collections:Tenants:pied:ConnectionString: is not a PostgreSQL connection string naming a database");
        error.ShouldContain("Collections:Tenants:default:ConnectionString: tenant 'default' cannot have a database of its own");
        error.ShouldContain("have 5 error(s)", Case.Sensitive, "globex and umbrella are fine");
    }
}
