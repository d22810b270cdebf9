using Alba;
using Collections.Api.Security;
using Collections.Domain.Contacts;
using Collections.Domain.Dunning.Ladders;
using Collections.Tests.Integration;
using Collections.Tests.Support;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Collections.Tests.Tenancy;

/// <summary>
/// No virtual time here: acme has a database of its own and a policy with days read as seconds, and Wolverine's durable
/// scheduler polls acme's database by the real clock. A wake-up stored there by one host is fired by the next one.
/// </summary>
public sealed class TimersInATenantsDatabase(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Acme = TenantsFixture.Acme;
    private const string Account = "ACME-DURABLE-1";
    private const string WakeupType = "Collections.Api.Dunning.DunningWakeup";
    private readonly ProcessEnvironment _environment = new();
    private readonly string _work = Directory.CreateTempSubdirectory("collections-tenant-timers-").FullName;
    private DatabaseProbe _main = null!;
    private DatabaseProbe _acmesOwn = null!;

    public async ValueTask InitializeAsync()
    {
        var main = await TestDatabase.Recreate("timers");
        var acmes = await TestDatabase.Recreate("timers_acme");
        (_main, _acmesOwn) = (new DatabaseProbe(main), new DatabaseProbe(acmes));
        // Every "3d" becomes "9s" and every "48h" "144s": the real ladder, fast enough to watch.
        var policyPath = await FastPolicy.WriteAsync(_work, (n, _) => n * 3);

        _environment.Set("ConnectionStrings__Marten", main)
            .Set("ConnectionStrings__RabbitMq", Broker.Uri.ToString())
            .Set($"Collections__Tenants__{Acme}__PolicyFile", policyPath)
            .Set($"Collections__Tenants__{Acme}__ConnectionString", acmes)
            .Set($"Collections__Tenants__{TenantsFixture.Globex}__PolicyFile", policyPath)
            .Set("Collections__Email__SmtpHost", " ") // blank: the pickup directory (an empty value would unset it)
            .Set("Collections__Email__PickupDirectory", Path.Combine(_work, "mail"));
    }

    [Fact]
    public async Task a_step_stored_in_a_tenants_database_fires_after_the_host_that_scheduled_it_has_stopped()
    {
        var first = await StartHost();
        var dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
        await first.Scenario(x =>
        {
            x.Put.Json(new
            {
                debtorName = "Durable Ltd", timeZone = "UTC", terms = new { netDays = 30, currency = "EUR" },
                contacts = new[] { new { contactId = "ap", name = "Ada Clerk", role = "apClerk", email = "ap@durable.test" } }
            }).ToUrl($"/api/accounts/{Account}");
            x.StatusCodeShouldBe(201);
        });
        await first.Scenario(x =>
        {
            x.Post.Json(new { invoiceNumber = "INV-1", amount = 500m, currency = "EUR", issueDate = dueDate.AddDays(-30), dueDate })
                .ToUrl($"/api/accounts/{Account}/invoices");
            x.StatusCodeShouldBe(200);
        });

        // The due-date timer (already past) fires by itself from acme's database, the saga starts and sends the first letter.
        var letter = await WaitFor<ReminderSent>(first, r => r.StepId == "reminder-letter", TimeSpan.FromSeconds(30));
        var next = (await Stream(first)).OfType<DunningStepScheduled>().Last();
        next.StepId.ShouldBe("friendly-email");
        await first.StopAsync();
        await first.DisposeAsync();
        DateTimeOffset.UtcNow.ShouldBeLessThan(next.DueAt, "the host stopped before the next step was due");

        // What the stopped host left: acme's timer, in acme's database only.
        (await _acmesOwn.Inbox()).ShouldContain(e => e.MessageType == WakeupType && e.Status == "Scheduled" && e.Tenant == Acme);
        (await _main.Inbox()).ShouldNotContain(e => e.MessageType == WakeupType);

        await using var second = await StartHost();
        var email = await WaitFor<ReminderSent>(second, r => r.StepId == "friendly-email", TimeSpan.FromSeconds(60));
        email.SentAt.ShouldBeGreaterThanOrEqualTo(next.DueAt);
        output.WriteLine($"letter at {letter.SentAt:O}; next step due {next.DueAt:O}; fired after restart at {email.SentAt:O} " +
                         $"({(email.SentAt - next.DueAt).TotalMilliseconds:F0} ms late)");
        (await _main.Scalar("select count(*) from collections.mt_events")).ShouldBe(0);
    }

    private static async Task<IAlbaHost> StartHost()
    {
        JasperFxEnvironment.AutoStartHost = true;
        var host = await AlbaHost.For<Program>(b => b.ConfigureServices(s => s.RunWolverineInSoloMode()));
        host.BeforeEach(context => context.Request.Headers.Authorization = Tokens.For(Roles.Admin, "acme.admin", tenant: Acme));
        return host;
    }

    private static async Task<IReadOnlyList<object>> Stream(IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession(Acme);
        return (await session.Events.FetchStreamAsync(Account)).Select(e => e.Data).ToList();
    }

    private static async Task<T> WaitFor<T>(IAlbaHost host, Func<T, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if ((await Stream(host)).OfType<T>().FirstOrDefault(match) is { } found) return found;
            if (DateTime.UtcNow > until) throw new TimeoutException($"No {typeof(T).Name} within {timeout}.");
            await Task.Delay(200);
        }
    }

    public ValueTask DisposeAsync()
    {
        _environment.Dispose();
        Directory.Delete(_work, recursive: true);
        return ValueTask.CompletedTask;
    }
}
