using Collections.Domain.Dunning.PolicyFile;

namespace Collections.Api.Dunning;

public static class CreditPolicySetup
{
    /// <summary>The policy file of a single-tenant installation; with Collections:Tenants each tenant names its own.</summary>
    public const string PathSetting = "Collections:CreditPolicy";

    /// <summary>Reads the policy file named by configuration (default: the shipped policies/default.json) and refuses to start on any error.</summary>
    public static CreditPolicy Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        var policy = configuration[PathSetting] is { Length: > 0 } configured
            ? TryLoadFile(configured, PathSetting, "the credit policy", errors)
            : TryLoadFile(Path.Combine(AppContext.BaseDirectory, "policies", "default.json"), PathSetting, "the credit policy", errors);
        return policy ?? throw new InvalidOperationException(string.Join("\n", errors));
    }

    /// <summary>The policy in <paramref name="file"/>, or null with what is wrong added to <paramref name="errors"/>, naming the setting.</summary>
    public static CreditPolicy? TryLoadFile(string file, string setting, string whose, List<string> errors)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            errors.Add($"Credit policy file not found: {path} (setting {setting}).");
            return null;
        }

        var result = CreditPolicyParser.Parse(File.ReadAllText(path), path);
        if (result.Policy is null)
            errors.Add($"{char.ToUpperInvariant(whose[0])}{whose[1..]} ({setting}) has {result.Errors.Count} error(s):\n    " +
                       string.Join("\n    ", result.Errors));
        return result.Policy;
    }
}
