using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collections.Api.Security;

/// <summary>
/// The embedded development issuer: a local HMAC key (created on first use, readable by its owner only) and
/// tokens shaped like an OpenID Connect issuer's, so everything downstream is the same as in production.
/// </summary>
public static class DevelopmentTokens
{
    public static SymmetricSecurityKey LoadOrCreateKey(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var writer = new StreamWriter(path, options);
                writer.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another node created it first: use theirs.
            }
        }

        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim())) { KeyId = "collections-dev" };
    }

    /// <summary>
    /// The user id a development token names for a display name: "Amy Chen" is <c>amy.chen</c>, the form the
    /// simulated collectors and the examples use, so a collector signed in by name works their own accounts.
    /// </summary>
    public static string UserNameFor(string name) =>
        string.Join('.', name.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static string Mint(SymmetricSecurityKey key, TokenRequest request, AuthSettings settings, DateTimeOffset now)
    {
        // A token minted already expired (to test refusals) must still have been valid once.
        var issuedAt = request.ExpiresAt <= now ? request.ExpiresAt.AddHours(-1) : now;
        var claims = new List<Claim>
        {
            new("sub", request.UserName),
            new(settings.UserNameClaim, request.UserName),
            new(settings.NameClaim, request.Name)
        };
        claims.AddRange(request.Roles.Select(role => new Claim(settings.RoleClaim, role)));
        if (request.Tenant is { } tenant) claims.Add(new Claim(settings.TenantClaim, tenant));

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthSettings.DevelopmentIssuer,
            Audience = request.Audience ?? AuthSettings.DevelopmentAudience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = request.ExpiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256)
        });
    }
}

/// <param name="UserName">The stable id events record and assignments name (an account's collector).</param>
/// <param name="Audience">Another audience than this API's, to test refusals.</param>
public sealed record TokenRequest(string UserName, string Name, IReadOnlyList<string> Roles, string? Tenant,
    DateTimeOffset ExpiresAt, string? Audience = null);
