namespace Collections.Api.Infrastructure;

/// <summary>The ops dashboard: static files in wwwroot/dashboard that read the JSON read side.</summary>
public static class DashboardSetup
{
    public const string Path = "/dashboard/";

    public static WebApplication MapDashboard(this WebApplication app)
    {
        // "/dashboard/" serves index.html; "/dashboard" is redirected there first.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/", () => Results.Redirect(Path)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
