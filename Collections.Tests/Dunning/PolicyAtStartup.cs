using Collections.Api.Dunning;
using Microsoft.Extensions.Configuration;

namespace Collections.Tests.Dunning;

public class PolicyAtStartup
{
    private static IConfiguration Pointing(string path) =>
        new ConfigurationBuilder().AddInMemoryCollection([new(CreditPolicySetup.PathSetting, path)]).Build();

    [Fact]
    public void the_shipped_policy_loads_by_default() =>
        CreditPolicySetup.Load(new ConfigurationBuilder().Build()).Version.ShouldBe("2026.1");

    [Fact]
    public void a_broken_policy_file_stops_start_up_with_every_error_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "default.json"))
            .Replace("\"responseWindow\": \"48h\"", "\"responseWindow\": \"two days\"")
            .Replace("\"recipient\": \"cfo\"", "\"recipient\": \"ceo\"");
        File.WriteAllText(path, json);
        try
        {
            var error = Should.Throw<InvalidOperationException>(() => CreditPolicySetup.Load(Pointing(path)));
            error.Message.ShouldContain(path);
            error.Message.ShouldContain("recipient");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void a_missing_policy_file_is_named() =>
        Should.Throw<InvalidOperationException>(() => CreditPolicySetup.Load(Pointing("/nowhere/policy.json")))
            .Message.ShouldContain("/nowhere/policy.json");
}
