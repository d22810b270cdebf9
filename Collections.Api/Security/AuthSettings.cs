namespace Collections.Api.Security;

/// <summary>
/// <c>Collections:Auth</c>. Either an OpenID Connect issuer (<see cref="Authority"/> and <see cref="Audience"/>:
/// Keycloak, Entra ID, Auth0…), or the embedded development issuer: tokens signed with a local key
/// (<see cref="DevelopmentSigningKeyFile"/>), minted by <c>./collections token</c>.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Collections:Auth";
    public const string DevelopmentIssuer = "collections-dev";
    public const string DevelopmentAudience = "collections";

    public string? Authority { get; set; }
    public string? Audience { get; set; }

    /// <summary>Only for an issuer served over plain HTTP on a private network (a local Keycloak).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Where the development signing key lives; created on first start when missing.</summary>
    public string? DevelopmentSigningKeyFile { get; set; }

    /// <summary>
    /// Development only: the dashboard's sign-in form mints a token for any role at <c>POST /auth/dev/token</c>.
    /// Never on a shared installation.
    /// </summary>
    public bool DevelopmentSignIn { get; set; }

    /// <summary>The claims read from a token; the defaults are what Entra ID and Keycloak (with a roles mapper) send.</summary>
    public string RoleClaim { get; set; } = "roles";
    public string TenantClaim { get; set; } = "tenant";
    public string UserNameClaim { get; set; } = "preferred_username";
    public string NameClaim { get; set; } = "name";

    /// <summary>For the dashboard's authorization-code sign-in (with PKCE) at <see cref="Authority"/>.</summary>
    public string? DashboardClientId { get; set; }
    public string DashboardScope { get; set; } = "openid profile";

    public bool UsesIssuer => !string.IsNullOrWhiteSpace(Authority);

    public static AuthSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<AuthSettings>() ?? new AuthSettings();
        if (settings.UsesIssuer && string.IsNullOrWhiteSpace(settings.Audience))
            throw new InvalidOperationException($"{Section}:Audience is required with {Section}:Authority: the API the tokens are for.");
        if (!settings.UsesIssuer && string.IsNullOrWhiteSpace(settings.DevelopmentSigningKeyFile))
            throw new InvalidOperationException(
                $"Configure {Section}:Authority and {Section}:Audience (an OpenID Connect issuer), or " +
                $"{Section}:DevelopmentSigningKeyFile for development tokens (./collections run does).");
        if (settings.UsesIssuer && settings.DevelopmentSignIn)
            throw new InvalidOperationException($"{Section}:DevelopmentSignIn works only with development tokens, not with {Section}:Authority.");
        return settings;
    }
}
