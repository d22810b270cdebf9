using System.Runtime.CompilerServices;
using Alba;
using Collections.Api.Security;
using Microsoft.IdentityModel.Tokens;

namespace Collections.Tests.Support;

/// <summary>
/// Bearer tokens from the development issuer the API under test trusts: the same key file, the same minting code
/// as <c>./collections token</c>. Tests act as a named person in a role, the way a real caller does.
/// </summary>
public static class Tokens
{
    private const string KeyFileSetting = "Collections__Auth__DevelopmentSigningKeyFile";

    /// <summary>Shared by every in-process host and every API process the tests start.</summary>
    public static readonly string KeyFile = Environment.GetEnvironmentVariable(KeyFileSetting) is { Length: > 0 } configured
        ? configured
        : Path.Combine(Path.GetTempPath(), "collections-tests", "dev-signing-key");

    public const string AdminUser = "test.admin";
    private static readonly AuthSettings Settings = new() { DevelopmentSigningKeyFile = KeyFile };
    private static readonly Lazy<SymmetricSecurityKey> Key = new(() => DevelopmentTokens.LoadOrCreateKey(KeyFile));

    public static string Admin => For(Roles.Admin, AdminUser);

    /// <summary>Well formed and in date, but signed with a key the service has never seen.</summary>
    public static string ForgedAdmin() =>
        "Bearer " + DevelopmentTokens.Mint(new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            new TokenRequest(AdminUser, AdminUser, [Roles.Admin], null, DateTimeOffset.UtcNow.AddHours(1)), Settings, DateTimeOffset.UtcNow);

    /// <summary>Before any test builds a host, so every host trusts the tokens minted here.</summary>
    [ModuleInitializer]
    internal static void TrustTheTestKey() => Environment.SetEnvironmentVariable(KeyFileSetting, KeyFile);

    /// <summary>Requests act as an admin unless a test says who is calling (an empty Authorization header: nobody).</summary>
    public static IAlbaHost ActingAsAdmin(this IAlbaHost host)
    {
        host.BeforeEach(context =>
        {
            if (!context.Request.Headers.ContainsKey("Authorization") && !context.Request.Headers.ContainsKey(ApiKeyAuthentication.Header))
                context.Request.Headers.Authorization = Admin;
        });
        return host;
    }

    /// <returns>The Authorization header's value.</returns>
    public static string For(string role, string? user = null, string? tenant = null, DateTimeOffset? expiresAt = null,
        string? audience = null, string? name = null) =>
        "Bearer " + DevelopmentTokens.Mint(Key.Value,
            new TokenRequest(user ?? role, name ?? user ?? role, [role], tenant, expiresAt ?? DateTimeOffset.UtcNow.AddHours(1), audience),
            Settings, DateTimeOffset.UtcNow);
}
