using JasperFx.CommandLine;

namespace Collections.Api.Security;

public sealed class TokenInput
{
    [Description("Role(s), comma-separated: collector, credit-manager, auditor, integration, admin")]
    public string RoleFlag { get; set; } = Roles.Admin;

    [Description("The tenant (creditor company); omit in a single-tenant installation")]
    public string? TenantFlag { get; set; }

    [Description("Display name (default: the user name)")]
    public string? NameFlag { get; set; }

    [Description("User name: the id on events and assignments, e.g. an account's collector (default: derived from the name or role)")]
    public string? UserFlag { get; set; }

    [Description("Hours until the token expires (default 12)")]
    public int HoursFlag { get; set; } = 12;
}

[Description("Prints a development token signed with the local key (embedded issuer only)", Name = Verb)]
public sealed class TokenCommand : JasperFxCommand<TokenInput>
{
    public const string Verb = "token";

    public override bool Execute(TokenInput input)
    {
        // Only the auth settings are needed: no host, so no database or broker has to be up.
        var settings = AuthSettings.From(new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build());
        if (settings.UsesIssuer)
        {
            Console.Error.WriteLine($"Tokens come from {settings.Authority}; development tokens are only for the embedded issuer.");
            return false;
        }

        var roles = input.RoleFlag.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = roles.Except(Roles.All).ToList();
        if (roles.Length == 0 || unknown.Count > 0)
        {
            Console.Error.WriteLine($"Unknown role '{string.Join(",", unknown)}'; known: {string.Join(", ", Roles.All)}.");
            return false;
        }

        var user = input.UserFlag ?? (string.IsNullOrWhiteSpace(input.NameFlag) ? roles[0] : DevelopmentTokens.UserNameFor(input.NameFlag));
        var key = DevelopmentTokens.LoadOrCreateKey(settings.DevelopmentSigningKeyFile!);
        var now = DateTimeOffset.UtcNow;
        Console.WriteLine(DevelopmentTokens.Mint(key,
            new TokenRequest(user, input.NameFlag ?? user, roles, input.TenantFlag, now.AddHours(input.HoursFlag)), settings, now));
        return true;
    }
}
