using Alba;
using Collections.Api.Tenancy;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Escalation;
using Collections.Tests.Integration;
using Collections.Tests.Support;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Wolverine;

namespace Collections.Tests.Reliability;

/// <summary>
/// The real clock and Wolverine's durable timers, a ladder whose days are seconds, and many people writing to
/// the account the whole time: every step and both consequences fall due while writers hold the stream.
/// Writers: COLLECTIONS_CONTENTION_WRITERS (default 50).
/// </summary>
public sealed class EscalationUnderContention(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Account = "CONTENDED-1";
    private static readonly int Writers = int.TryParse(Environment.GetEnvironmentVariable("COLLECTIONS_CONTENTION_WRITERS"), out var n) ? n : 50;
    private readonly ProcessEnvironment _environment = new();
    private readonly string _work = Directory.CreateTempSubdirectory("collections-contention-").FullName;
    private string _connection = "";
    private IAlbaHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _connection = await TestDatabase.Recreate("contention");
        // A step a second, and 3 s to answer a final notice: the whole first-time ladder in about 15 s.
        var policy = await FastPolicy.WriteAsync(_work, (_, unit) => unit == 'd' ? 1 : 3);
        _environment.Set("ConnectionStrings__Marten", _connection)
            .Set("Collections__CreditPolicy", policy)
            .Set("Collections__Email__SmtpHost", " ")
            .Set("Collections__Email__PickupDirectory", Path.Combine(_work, "mail"))
            .Set("Collections__Sweep__Enabled", "true")
            .Set("Collections__Sweep__Interval", "00:00:01")
            .Set("Collections__Sweep__Grace", "00:00:05");
        JasperFxEnvironment.AutoStartHost = true;
        _host = (await AlbaHost.For<Program>(b => b.ConfigureServices(s => s.RunWolverineInSoloMode().UseGenerousRateLimits()))).ActingAsAdmin();
    }

    [Fact]
    public async Task every_step_and_consequence_runs_once_while_many_writers_hold_the_account()
    {
        await using var broker = await Broker.ConnectAsync();
        var queue = await broker.SubscribeAsync("test.contention", $"#");
        await OpenAccountWithPastDueInvoice();

        var acknowledged = new ConcurrentBag<int>();
        var refused = new ConcurrentBag<int>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var writers = Enumerable.Range(1, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                var result = await _host.Scenario(x =>
                {
                    x.Post.Json(new { channel = "phone", direction = "outbound", summary = $"call {w}.{i}", outcome = "noAnswer" })
                        .ToUrl($"/api/accounts/{Account}/contacts");
                    x.IgnoreStatusCode();
                });
                (result.Context.Response.StatusCode == 200 ? acknowledged : refused).Add(result.Context.Response.StatusCode);
            }
        })).ToList();

        // A person posts each final notice that goes by letter as soon as it is ready, racing the writers too.
        var postman = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession(Tenants.Default);
                var account = await session.LoadAsync<Collections.Domain.Accounts.DebtorAccount>(Account);
                foreach (var task in account?.NoticesAwaitingDispatch.ToList() ?? [])
                    await _host.Scenario(x =>
                    {
                        x.Post.Json(new { note = "posted" }).ToUrl($"/api/accounts/{Account}/tasks/{task}/completion");
                        x.IgnoreStatusCode();
                    });
                await Task.Delay(500);
            }
        });
        await WaitUntil(async () => (await Events()).OfType<DunningCompleted>().Any(), TimeSpan.FromSeconds(80),
            async () => string.Join(", ", (await Events()).Where(e => e is not ContactLogged).TakeLast(8).Select(e => e.GetType().Name)));
        await stop.CancelAsync();
        await Task.WhenAll(writers.Append(postman));
        var ladderTime = clock.Elapsed;

        var events = await Events();
        refused.ShouldBeEmpty("writers queue on the account's lock; none should lose");
        events.OfType<ContactLogged>().Count().ShouldBe(acknowledged.Count, "every acknowledged write is stored once");

        events.OfType<DunningStepScheduled>().Select(s => s.StepId).ShouldBe(["reminder-letter", "friendly-email", "first-call",
            "controller-email", "cfo-call", "final-notice", "credit-hold", "last-chance", "agency-referral"]);
        events.OfType<ReminderSent>().GroupBy(r => r.StepId).ShouldAllBe(g => g.Count() == 1);
        events.OfType<CollectionTaskCreated>().GroupBy(t => t.StepId).ShouldAllBe(g => g.Count() == 1);
        events.OfType<ObligationRecorded>().Count().ShouldBe(2);
        events.OfType<ObligationFulfilled>().Count().ShouldBe(2);
        events.OfType<CreditHoldPlaced>().ShouldHaveSingleItem();
        events.OfType<EscalatedToAgency>().ShouldHaveSingleItem();
        events.OfType<DunningCompleted>().ShouldHaveSingleItem();

        (await StoreProbe.Scalar("select count(*) from collections.wolverine_dead_letters", _connection)).ShouldBe(0);
        (await _host.GetAsJson<JsonElement>("/api/obligations?overdue=true")).GetProperty("total").GetInt64().ShouldBe(0);
        var tombstones = await StoreProbe.Tombstones(_connection);

        // Every event of the account reaches a subscriber once, in account order.
        var version = events.Count;
        var received = (await broker.ReceiveAsync(queue, r => r.Count(x => x.Subject == Account) >= version, TimeSpan.FromSeconds(120)))
            .Where(r => r.Subject == Account).ToList();
        received.Select(r => r.AccountVersion).ShouldBe(Enumerable.Range(1, version).Select(v => (long)v));
        var relayTime = clock.Elapsed;

        // The feed pages from 0 to the end without an error, and holds the same events.
        var fed = 0;
        long cursor = 0;
        while (true)
        {
            var page = await _host.GetAsJson<JsonElement>($"/api/events?after={cursor}&limit=500");
            fed += page.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("subject").GetString() == Account);
            if (page.GetProperty("next").GetInt64() == cursor) break;
            cursor = page.GetProperty("next").GetInt64();
        }

        fed.ShouldBe(version);

        output.WriteLine($"{Writers} writers: {acknowledged.Count} contacts acknowledged in {ladderTime.TotalSeconds:F1} s " +
                         $"({acknowledged.Count / ladderTime.TotalSeconds:F0}/s), 0 refused, {tombstones} tombstones; " +
                         $"ladder of 9 steps done; {version} events relayed in order by {relayTime.TotalSeconds:F1} s; feed paged {fed}.");
        output.WriteLine(StepLateness(events));
        await broker.DeleteQueueAsync(queue);
    }

    /// <summary>How long after its due time each step ran (the first event the step appended).</summary>
    private static string StepLateness(IReadOnlyList<object> events)
    {
        var lags = new List<string>();
        var scheduled = events.OfType<DunningStepScheduled>().ToList();
        foreach (var step in scheduled)
        {
            var ran = events.OfType<ReminderSent>().Where(r => r.StepId == step.StepId).Select(r => (DateTimeOffset?)r.SentAt)
                .Concat(events.OfType<CollectionTaskCreated>().Where(t => t.StepId == step.StepId).Select(t => (DateTimeOffset?)t.DueAt))
                .Min();
            if (ran is { } at) lags.Add($"{step.StepId} +{(at - step.DueAt).TotalMilliseconds:F0} ms");
        }

        return "step lateness: " + string.Join(", ", lags);
    }

    private async Task OpenAccountWithPastDueInvoice()
    {
        await _host.Scenario(x =>
        {
            x.Put.Json(new
            {
                debtorName = "Contended Ltd", timeZone = "UTC", terms = new { netDays = 30, currency = "EUR" },
                contacts = new object[]
                {
                    new { contactId = "ap", name = "Ada Clerk", role = "apClerk", email = "ap@contended.test" },
                    new { contactId = "ctl", name = "Cleo Control", role = "controller", email = "ctl@contended.test" },
                    new { contactId = "cfo", name = "Carl Finance", role = "cfo", email = "cfo@contended.test", phone = "+49 30 1234" },
                    new { contactId = "own", name = "Otto Owner", role = "owner", postalAddress = "1 Hauptstrasse, Berlin" }
                }
            }).ToUrl($"/api/accounts/{Account}");
            x.StatusCodeShouldBe(201);
        });
        var dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
        await _host.Scenario(x =>
        {
            x.Post.Json(new { invoiceNumber = "INV-1", amount = 5000m, currency = "EUR", issueDate = dueDate.AddDays(-30), dueDate })
                .ToUrl($"/api/accounts/{Account}/invoices");
            x.StatusCodeShouldBe(200);
        });
    }

    private async Task<IReadOnlyList<object>> Events()
    {
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession(Tenants.Default);
        return (await session.Events.FetchStreamAsync(Account)).Select(e => e.Data).ToList();
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>>? lastSeen = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Nothing happened within {timeout}." + (lastSeen is null ? "" : $" Last events: {await lastSeen()}"));
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        _environment.Dispose();
        Directory.Delete(_work, recursive: true);
    }
}
