using System.Diagnostics;
using System.Text.Json;
using Collections.Tests.Support;

namespace Collections.Tests.Reliability;

/// <summary>
/// PostgreSQL stopped under a steady load of writes, on a cluster of this test's own (the shared test cluster stays
/// up). While it is down every answer is a prompt 503 with Retry-After and nothing internal in it; once it is back,
/// writes succeed again without restarting the API, and every acknowledged command is stored exactly once.
/// The outage lasts <c>COLLECTIONS_OUTAGE_SECONDS</c> (default 10; the long run uses 30).
/// </summary>
public sealed class DatabaseOutage(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Prefix = "OUTAGE";
    private static readonly int PostgresPort = TestPorts.Postgres(0);
    private static readonly int ApiPort = TestPorts.Api(4);
    private static readonly TimeSpan LongestAnswer = TimeSpan.FromSeconds(5);
    private readonly string _work = Directory.CreateTempSubdirectory("collections-outage-").FullName;
    private ThrowawayPostgres? _postgres;
    private ApiProcess? _api;

    private static TimeSpan Outage => TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("COLLECTIONS_OUTAGE_SECONDS"), out var seconds) && seconds > 0 ? seconds : 10);

    public async ValueTask InitializeAsync()
    {
        _postgres = await ThrowawayPostgres.StartAsync(PostgresPort);
        await _postgres.CreateDatabaseAsync("outage");
        _api = await ApiProcess.StartAsync("outage-api", ApiPort, new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = _postgres.ConnectionString("outage"),
            ["ConnectionStrings__RabbitMq"] = Integration.Broker.Uri.ToString(),
            ["Collections__CreditPolicy"] = Path.Combine(AppContext.BaseDirectory, "policies", "default.json"),
            ["Collections__Email__SmtpHost"] = " ",
            ["Collections__Email__PickupDirectory"] = Path.Combine(_work, "mail")
        });
    }

    [Fact]
    public async Task while_postgresql_is_down_writes_get_a_prompt_503_and_afterwards_everything_acknowledged_is_stored_once()
    {
        var api = _api!;
        var postgres = _postgres!;
        var load = new WriteLoad(Prefix, () => [api.Client]) { RetryDelayMs = 250 };
        var clock = Stopwatch.StartNew();
        load.Start(writers: 4);
        await load.UntilAcknowledged(200, TimeSpan.FromSeconds(40));

        var ackedBefore = load.Commands.Values.Count(c => c.Acknowledged);
        await postgres.StopServerAsync();
        var downAt = clock.Elapsed;
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} PostgreSQL stopped for {Outage.TotalSeconds:F0} s after {ackedBefore} acknowledged commands");

        // Reads too: the account view, while the database is away; and what /health says meanwhile.
        var reads = new List<(int Status, TimeSpan Took, string? RetryAfter, string Body)>();
        var health = new List<(int Status, string Body)>();
        var until = clock.Elapsed + Outage;
        while (clock.Elapsed < until)
        {
            var read = Stopwatch.StartNew();
            using var response = await api.Client.GetAsync($"/api/accounts/{Prefix}-1-1");
            reads.Add(((int)response.StatusCode, read.Elapsed, response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync()));
            using var probe = await api.Client.GetAsync("/health");
            health.Add(((int)probe.StatusCode, await probe.Content.ReadAsStringAsync()));
            await Task.Delay(500);
        }

        // Down for sure until the start begins; it accepts connections a moment before pg_ctl returns.
        var startingAt = clock.Elapsed;
        await postgres.StartServerAsync();
        var upAt = clock.Elapsed;
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} PostgreSQL started again");
        await Task.Delay(TimeSpan.FromSeconds(5));
        await load.StopAsync(drain: TimeSpan.FromSeconds(30));

        var answers = load.Answers.ToList();
        var commands = load.Commands.Values.ToList();
        var start = DateTimeOffset.UtcNow - clock.Elapsed;
        var outage = answers.Where(a => a.SentAt >= start + downAt && a.SentAt + a.Took <= start + startingAt).ToList();
        var firstAckAfter = answers.Where(a => a.Status is >= 200 and < 300 && a.SentAt >= start + startingAt).Select(a => a.SentAt + a.Took).DefaultIfEmpty().Min();
        var recovery = firstAckAfter == default ? (TimeSpan?)null : firstAckAfter - (start + startingAt);
        output.WriteLine($"pg_ctl start took {(upAt - startingAt).TotalSeconds:F1} s");
        var slowest = answers.MaxBy(a => a.Took)!;
        output.WriteLine($"slowest answer: {slowest.Took.TotalMilliseconds:F0} ms, {slowest.Status}, sent {(slowest.SentAt - start).TotalSeconds:F1} s " +
                         $"into the run (outage from {downAt.TotalSeconds:F1} s to {upAt.TotalSeconds:F1} s)");
        var stored = await EventLedger.StoredCommands(postgres.ConnectionString("outage"), Prefix);

        // The read models resume by themselves too: the async projections reach the last event.
        var connection = postgres.ConnectionString("outage");
        var last = await EventLedger.Scalar(connection, "select max(seq_id) from collections.mt_events");
        var caughtUp = Stopwatch.StartNew();
        while (await EventLedger.Scalar(connection, "select count(*) from collections.mt_event_progression " +
                   $"where name in ('AccountSummary:All', 'ContactHistory:All') and last_seq_id >= {last}") < 2)
        {
            if (caughtUp.Elapsed > TimeSpan.FromSeconds(60)) break;
            await Task.Delay(200);
        }


        output.WriteLine($"{commands.Count} commands, {commands.Count(c => c.Acknowledged)} acknowledged " +
                         $"({ackedBefore} before the outage); answers: " + Describe(answers));
        output.WriteLine($"during the outage: writes {Describe(outage)}, slowest {Slowest(outage)}; " +
                         $"reads {string.Join(", ", reads.GroupBy(r => r.Status).Select(g => $"{g.Key} x{g.Count()}"))}, slowest {reads.Max(r => r.Took).TotalMilliseconds:F0} ms");
        output.WriteLine($"first write acknowledged {recovery?.TotalSeconds:F1} s after PostgreSQL was started again; " +
                         $"AccountSummary and ContactHistory reached the last event {caughtUp.Elapsed.TotalSeconds:F1} s after the load stopped");
        Figures.Write("database-outage", $"[database outage] {Outage.TotalSeconds:F0} s down: writes {Describe(outage)}, slowest answer {Slowest(answers)}; " +
                          $"first write acknowledged {recovery?.TotalSeconds:F1} s after PostgreSQL was started again");

        answers.Where(a => a.Status == 500).Select(a => a.Body).ShouldBeEmpty("never a 500");
        answers.Where(a => a.Status == 0).Select(a => a.Body).ShouldBeEmpty("the API itself stays up and answers");
        answers.Max(a => a.Took).ShouldBeLessThan(LongestAnswer, "no answer hangs");
        outage.ShouldNotBeEmpty();
        outage.ShouldAllBe(a => a.Status == 503, "while PostgreSQL is down, writes are refused with 503");
        reads.Select(r => r.Status).ShouldAllBe(s => s == 503, "and so are reads");
        reads.Max(r => r.Took).ShouldBeLessThan(LongestAnswer);
        foreach (var (retryAfter, body) in answers.Where(a => a.Status == 503).Select(a => (a.RetryAfter?.ToString(), a.Body))
                     .Concat(reads.Select(r => (r.RetryAfter, r.Body))).Distinct())
        {
            retryAfter.ShouldNotBeNullOrWhiteSpace("a 503 says when to come back");
            ShouldBeCleanProblem(body);
        }

        health.ShouldAllBe(h => h.Status == 503, "/health says Unhealthy while PostgreSQL is down");
        foreach (var (_, body) in health.Distinct())
        {
            body.ShouldNameNothingInternal(context: "/health while PostgreSQL is down");
            body.ShouldNotContain(PostgresPort.ToString());
        }

        recovery.ShouldNotBeNull("writes succeed again once PostgreSQL is back, without restarting the API");
        api.HasExited.ShouldBeFalse();
        caughtUp.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "the async projections resume by themselves");
        commands.ShouldAllBe(c => c.Acknowledged, "every command was acknowledged in the end (sent again until it was)");
        commands.Where(c => stored.GetValueOrDefault(c.Id) != 1)
            .Select(c => $"{c.Kind} {c.Id} stored {stored.GetValueOrDefault(c.Id)} times").ShouldBeEmpty();
    }

    private static void ShouldBeCleanProblem(string body)
    {
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(503);
        problem.RootElement.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        foreach (var leak in new[] { "Npgsql", "Exception", "127.0.0.1", PostgresPort.ToString(), "select ", "insert ", "mt_", "wolverine_", "Host=", "   at " })
            body.ShouldNotContain(leak, Case.Insensitive, $"a 503 names nothing internal ({leak})");
    }

    private static string Describe(IEnumerable<WriteLoad.Answer> answers) =>
        string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key)} x{g.Count()}"));

    private static string Slowest(IReadOnlyCollection<WriteLoad.Answer> answers) =>
        answers.Count == 0 ? "-" : $"{answers.Max(a => a.Took).TotalMilliseconds:F0} ms";

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            output.WriteLine("--- API: last warnings and errors ---\n" + string.Join('\n',
                _api.LogLines(l => l.Contains("warn:") || l.Contains("fail:")).Select(l => l.Length > 240 ? l[..240] + "..." : l).TakeLast(15)));
            await _api.DisposeAsync();
        }

        if (_postgres is not null) await _postgres.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { }
    }
}
