using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Tests.Domain;

public static class DefaultPolicy
{
    public static readonly CreditPolicy Policy = Load();

    private static CreditPolicy Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "policies", "default.json");
        var result = CreditPolicyParser.Parse(File.ReadAllText(path), path);
        result.Errors.ShouldBeEmpty();
        return result.Policy!;
    }
}
