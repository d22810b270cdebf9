using Collections.Domain.Dunning;

namespace Collections.Api.Dunning;

public static class CreditPolicySetup
{
    public const string PathSetting = "Collections:CreditPolicy";

    /// <summary>Reads the policy file named by configuration (default: the shipped policies/default.json) and refuses to start on any error.</summary>
    public static CreditPolicy Load(IConfiguration configuration)
    {
        var path = configuration[PathSetting] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "policies", "default.json");
        if (!File.Exists(path))
            throw new InvalidOperationException($"Credit policy file not found: {path} (setting {PathSetting}).");

        var result = CreditPolicyParser.Parse(File.ReadAllText(path), path);
        return result.Policy ?? throw new InvalidOperationException(
            $"The credit policy has {result.Errors.Count} error(s):\n  " + string.Join("\n  ", result.Errors));
    }
}
