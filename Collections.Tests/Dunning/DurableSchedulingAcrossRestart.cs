using Alba;
using Collections.Api.Tenancy;
using Collections.Domain.Contacts;
using Collections.Domain.Dunning.Ladders;
using Collections.Tests.Support;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Collections.Tests.Dunning;

/// <summary>
/// No virtual time here: the default policy with days read as seconds, the real clock, and Wolverine's durable
/// scheduler on PostgreSQL. A wake-up scheduled by one host is fired by the next one after a restart.
/// </summary>
public sealed class DurableSchedulingAcrossRestart(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Account = "DURABLE-1";
    private readonly ProcessEnvironment _environment = new();
    private readonly string _work = Directory.CreateTempSubdirectory("collections-durable-").FullName;

    public async ValueTask InitializeAsync()
    {
        // Its own database, so the hosts here never pick up timers the other tests leave behind.
        var connection = await TestDatabase.Recreate("durable");
        // Every "3d" becomes "9s" and every "48h" "144s": the real ladder, fast enough to watch.
        var policyPath = await FastPolicy.WriteAsync(_work, (n, _) => n * 3);

        _environment.Set("ConnectionStrings__Marten", connection)
            .Set("Collections__CreditPolicy", policyPath)
            .Set("Collections__Email__SmtpHost", " ") // blank: the pickup directory (an empty value would unset it)
            .Set("Collections__Email__PickupDirectory", Path.Combine(_work, "mail"));
    }

    [Fact]
    public async Task a_scheduled_step_fires_after_the_host_that_scheduled_it_has_stopped()
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

        // The due-date timer (already past) fires by itself, the saga starts and sends the first letter.
        var letter = await WaitFor<ReminderSent>(first, r => r.StepId == "reminder-letter", TimeSpan.FromSeconds(30));
        var next = (await Stream(first)).OfType<DunningStepScheduled>().Last();
        next.StepId.ShouldBe("friendly-email");
        await first.StopAsync();
        await first.DisposeAsync();
        DateTimeOffset.UtcNow.ShouldBeLessThan(next.DueAt, "the host stopped before the next step was due");

        await using var second = await StartHost();
        var email = await WaitFor<ReminderSent>(second, r => r.StepId == "friendly-email", TimeSpan.FromSeconds(60));
        email.SentAt.ShouldBeGreaterThanOrEqualTo(next.DueAt);
        output.WriteLine($"letter at {letter.SentAt:O}; next step due {next.DueAt:O}; fired after restart at {email.SentAt:O} " +
                         $"({(email.SentAt - next.DueAt).TotalMilliseconds:F0} ms late)");
        await WaitUntil(() => Directory.Exists(Path.Combine(_work, "mail")) &&
                              Directory.GetFiles(Path.Combine(_work, "mail"), "*.eml").Length > 0, TimeSpan.FromSeconds(30));
    }

    private static async Task<IAlbaHost> StartHost()
    {
        JasperFxEnvironment.AutoStartHost = true;
        return (await AlbaHost.For<Program>(b => b.ConfigureServices(s => s.RunWolverineInSoloMode().UseGenerousRateLimits()))).ActingAsAdmin();
    }

    private static async Task<IReadOnlyList<object>> Stream(IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession(Tenants.Default);
        return (await session.Events.FetchStreamAsync(Account)).Select(e => e.Data).ToList();
    }

    private static async Task<T> WaitFor<T>(IAlbaHost host, Func<T, bool> match, TimeSpan timeout)
    {
        T? found = default;
        await WaitUntil(async () => (found = (await Stream(host)).OfType<T>().FirstOrDefault(match)) is not null, timeout);
        return found!;
    }

    private static Task WaitUntil(Func<bool> condition, TimeSpan timeout) => WaitUntil(() => Task.FromResult(condition()), timeout);

    private static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Nothing happened within {timeout}.");
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
