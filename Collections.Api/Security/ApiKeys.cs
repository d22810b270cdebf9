using System.Security.Cryptography;
using System.Text;

namespace Collections.Api.Security;

/// <summary>
/// An API key for a service (billing, an order service, Prometheus). Only a hash of its secret is kept: the key
/// itself is shown once, when it is created. Revoked keys stay, so the history can still name who acted.
/// </summary>
public sealed class ApiKey
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public string? Tenant { get; set; }
    public string SecretHash { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}

/// <summary>
/// The key format, <c>ck_{id}_{secret}</c>: the id finds the record, the secret (32 random bytes) is checked
/// against its SHA-256 in constant time. A slow password hash is not needed for a secret this random.
/// </summary>
public static class ApiKeySecrets
{
    private const string Prefix = "ck_";

    public static (string Id, string Key, string Hash) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    public static bool TryParse(string key, out string id, out string secret)
    {
        id = secret = "";
        if (!key.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var separator = key.IndexOf('_', Prefix.Length);
        if (separator < 0) return false;
        id = key[Prefix.Length..separator];
        secret = key[(separator + 1)..];
        return id.Length is > 0 and <= 32 && secret.Length is > 0 and <= 128;
    }

    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
