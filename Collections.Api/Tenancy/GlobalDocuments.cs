using SessionOptions = Marten.Services.SessionOptions;

namespace Collections.Api.Tenancy;

/// <summary>
/// Documents that belong to no tenant (API keys: found by their id before anyone knows whose they are). Sessions
/// without a tenant are refused everywhere else (DefaultTenantUsageEnabled = false); these say so on purpose. Such a
/// session is the main database's (<see cref="TenantStorage"/>), so global documents are there whoever writes them.
/// </summary>
public static class GlobalDocuments
{
    public static SessionOptions Session => new() { AllowAnyTenant = true };
}
