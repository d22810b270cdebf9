using System.Text.Json;
using Collections.Api.Infrastructure;
using Collections.Api.Simulation;
using Collections.Api.Tenancy;
using Collections.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Tests.ReadSide;

public abstract class ReadSideContext(AppFixture fixture) : ApiContext(fixture)
{
    protected static readonly JsonSerializerOptions Json = Configured();

    private static JsonSerializerOptions Configured()
    {
        var options = new JsonSerializerOptions();
        CollectionsSetup.ConfigureJson(options);
        return options;
    }

    protected Task<int> Seed(int accounts, int seed = 7, string prefix = "SIM") =>
        SimulatedData.AppendAsync(Store, Tenants.Default, new AccountSimulator(seed, Host.Services.GetRequiredService<Tenants>()[Tenants.Default].Policy.Staff).Accounts(accounts, Clock.Now, prefix));

    protected static string Canonical<T>(T value) => JsonSerializer.Serialize(value, Json);
}
