using System.Text.Json;
using System.Text.Json.Serialization;
using Collections.Api.Contracts;
using Collections.Api.Dunning;
using Collections.Api.Edge;
using Collections.Api.Email;
using Collections.Api.Health;
using Collections.Api.Operations;
using Collections.Api.Security;
using Collections.Api.Telemetry;
using Collections.Api.Tenancy;
using Collections.Domain.Accounts;
using Collections.Api.Integration;
using Collections.Projections;
using JasperFx;
using JasperFx.Core;
using JasperFx.Events;
using Marten;
using JasperFx.MultiTenancy;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.ErrorHandling;
using Wolverine.Persistence;

namespace Collections.Api.Infrastructure;

public static class CollectionsSetup
{
    public const string ConnectionStringName = "Marten";

    /// <summary>The PostgreSQL schema of the event store, the documents and Wolverine's tables.</summary>
    public const string Schema = "collections";

    public static WebApplicationBuilder AddCollections(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Set the PostgreSQL connection string ConnectionStrings:{ConnectionStringName} " +
                $"(environment: ConnectionStrings__{ConnectionStringName}).");

        builder.Services.AddSingleton(TimeProvider.System);
        var tenants = TenancySetup.Load(builder.Configuration);
        builder.Services.AddSingleton(tenants);
        builder.Services.AddSingleton<IConfigureMarten, EventClock>();
        builder.AddCollectionsAuthentication();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Caller>();
        builder.AddEmail();
        builder.AddEscalationSweep();
        builder.AddIntegration();
        // The pool Marten uses when everything is in one database (TenantStorage); with several, Marten makes one per database.
        if (!tenants.HaveOwnDatabases) builder.Services.AddSingleton(NpgsqlDataSource.Create(DatabaseTimeouts.Bound(connectionString)));
        builder.Services.AddSingleton<TenantDatabases>();
        builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestBodyGate.MaxBodyBytes);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsHygiene.Apply);
        builder.AddHttpsForDeployment();
        builder.AddSecurityHeaders();
        builder.AddCollectionsRateLimiting();
        builder.Services.AddExceptionHandler<ConflictExceptionHandler>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer<ContractSchemas>().AddOperationTransformer<ContractOperations>()
            .AddDocumentTransformer<ContractSecurity>());
        builder.AddOperationalHealth();
        builder.AddCollectionsTelemetry();

        builder.Services.AddMarten(opts =>
            {
                opts.DatabaseSchemaName = Schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                opts.Events.StreamIdentity = StreamIdentity.AsString;
                // Rich appends give inline projections the real stream version and sequence.
                opts.Events.AppendMode = EventAppendMode.Rich;
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                opts.Events.MetadataConfig.CausationIdEnabled = true;
                opts.Events.MetadataConfig.UserNameEnabled = true;
                // The actor's display name and kind ride along with the user name (their id).
                opts.Events.MetadataConfig.HeadersEnabled = true;
                // Global by nature: a key is looked up before anyone knows whose it is; it names its tenant itself.
                opts.Schema.For<ApiKey>().SingleTenanted();
                opts.Events.AddEventTypes(AccountEvents.All);
                // Every tenant's events, accounts, read models and sagas of a database in the same tables, told apart by
                // tenant_id (part of every primary key: two tenants may use the same account number). Tenants with a
                // database of their own are alone in theirs (TenantStorage).
                opts.Events.TenancyStyle = TenancyStyle.Conjoined;
                opts.Policies.AllDocumentsAreMultiTenanted();
                // A session without a tenant is a bug (it would read and write nobody's data): refuse it.
                opts.Advanced.DefaultTenantUsageEnabled = false;
                opts.AddCollectionsProjections();
            })
            .StoreTenants(tenants, connectionString)
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(m =>
            {
                // Each database's projections and relay run as agents of their own, spread over the nodes.
                m.UseWolverineManagedEventSubscriptionDistribution = true;
                m.UseMainDatabase(tenants, connectionString);
            });

        builder.Host.UseWolverine(opts =>
        {
            // Named explicitly: under a test host the entry assembly is the test runner, not this API.
            opts.ApplicationAssembly = typeof(CollectionsSetup).Assembly;
            opts.Policies.AutoApplyTransactions();
            // Timers and emails live in PostgreSQL: they survive restarts and fire on any node.
            opts.Policies.UseDurableLocalQueues();
            opts.Durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(1);
            opts.UseFastTakeover();
            AccountMessageQueues.Configure(opts);
            opts.EntityDefaults.OnMissing = OnMissing.ProblemDetailsWith404;
        });
        builder.Services.AddWolverineHttp();
        return builder;
    }

    public static WebApplication MapCollections(this WebApplication app)
    {
        // First, so that every answer carries them: redirects, refusals, 429s and 500s too.
        app.UseSecurityHeaders();
        app.UseHttpsForDeployment();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The dashboard's static files are open (it signs in itself); everything after this needs a caller.
        app.MapDashboard();
        app.UseAuthentication();
        // After authentication (it counts per caller), before authorization (a flood of refused requests is
        // throttled too) and before anything reads a body or writes.
        app.UseRateLimiter();
        app.UseAuthorization();
        // Authorization first: an anonymous or unauthorized body is refused unread; so is a caller of no tenant here.
        app.UseMiddleware<TenantGate>();
        app.UseMiddleware<QueryStringGate>();
        app.UseMiddleware<RequestBodyGate>();
        app.UseMiddleware<ConcurrencyRetry>();
        app.MapApiContracts();
        app.MapDashboardSignIn();
        app.MapDeadLetters();
        app.MapCollectionsTelemetry();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = DatabaseHealthCheck.WriteJson }).AllowAnonymous();
        app.MapWolverineEndpoints(opts =>
        {
            // "?asOf=yesterday" is a 400, not silently the current state.
            opts.RejectUnparseableQueryValues = true;
            opts.RejectUnparseableHeaderValues = true;
            opts.DetectTenants(app.Services.GetRequiredService<Tenants>(), app.Services.GetRequiredService<AuthSettings>());
            opts.AddPolicy<ContractResponses>();
            // Stamp who and which request caused every appended event (auditors replay by them).
            opts.AddMiddleware(typeof(RequestMetadata), chain => !chain.HttpMethods.Contains("GET"));
        });
        return app;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        // A misspelt field is an error the caller hears about, not a value silently dropped.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        JsonInput.Harden(options);
    }
}
