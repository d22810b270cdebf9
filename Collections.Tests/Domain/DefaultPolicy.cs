using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Tests.Domain;

public static class DefaultPolicy
{
    public static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "policies", "default.json");

    public static readonly CreditPolicy Policy = Load();

    private static CreditPolicy Load()
    {
        var result = CreditPolicyParser.Parse(File.ReadAllText(Path), Path);
        result.Errors.ShouldBeEmpty();
        return result.Policy!;
    }
}
