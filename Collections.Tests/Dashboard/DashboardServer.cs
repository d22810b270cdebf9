using Collections.Api.Infrastructure;
using Collections.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Collections.Tests.Dashboard;

/// <summary>
/// The API on real Kestrel at a free loopback port, as `./collections run` starts it, so a browser can reach it
/// (Alba's in-memory TestServer cannot be). Its own database and clock; set up the way Program.cs does.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _mail = Directory.CreateTempSubdirectory("collections-dashboard-mail-").FullName;

    /// <summary>How `./collections run` signs in: development tokens and the dashboard's development form.</summary>
    public static readonly IReadOnlyDictionary<string, string?> DevelopmentSignIn = new Dictionary<string, string?>
    {
        ["Collections:Auth:DevelopmentSigningKeyFile"] = Tokens.KeyFile,
        ["Collections:Auth:DevelopmentSignIn"] = "true",
    };

    private DashboardServer(string connectionString, TestClock clock, IReadOnlyDictionary<string, string?> auth)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = ApiProjectDirectory() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{CollectionsSetup.ConnectionStringName}"] = connectionString,
            // Blank host: any email goes to a pickup folder, not to another test's SMTP sink.
            ["Collections:Email:SmtpHost"] = " ",
            ["Collections:Email:PickupDirectory"] = _mail,
        });
        builder.Configuration.AddInMemoryCollection(auth);
        builder.AddCollections();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.RunWolverineInSoloMode();
        builder.Services.UseGenerousRateLimits();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapCollections();
    }

    public WebApplication App => _app;
    public string BaseUrl => _app.Urls.Single();

    /// <param name="auth"><c>Collections:Auth</c> settings; <see cref="DevelopmentSignIn"/> unless given.</param>
    public static async Task<DashboardServer> Start(string connectionString, TestClock clock,
        IReadOnlyDictionary<string, string?>? auth = null)
    {
        var server = new DashboardServer(connectionString, clock, auth ?? DevelopmentSignIn);
        await server._app.StartAsync();
        return server;
    }

    /// <summary>wwwroot is served from the API's source folder, where its build puts the front-end files.</summary>
    private static string ApiProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var api = Path.Combine(dir.FullName, "Collections.Api");
            if (File.Exists(Path.Combine(api, "Collections.Api.csproj"))) return api;
        }

        throw new DirectoryNotFoundException($"No Collections.Api project above {AppContext.BaseDirectory}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_mail, recursive: true);
    }
}
