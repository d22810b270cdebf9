using Alba;
using Collections.Api.Edge;
using Collections.Api.Security;
using Collections.Api.Simulation;
using Collections.Api.Tenancy;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Wolverine;
using Wolverine.Marten;

namespace Collections.Benchmarks;

public static class Benchmark
{
    public static async Task Main(string[] args)
    {
        // Figures for the read and write paths on a database of simulated accounts. Run with `./collections bench`,
        // which gives it a fresh database; `--accounts N` and `--samples N` change the load.
        var accounts = Argument(args, "--accounts", 3000);
        var samples = Argument(args, "--samples", 30);

        JasperFxEnvironment.AutoStartHost = true;
        // The limiter is not what is measured: no sample may be a 429.
        var unlimited = new RateLimit(int.MaxValue, TimeSpan.FromMinutes(1), 0);
        await using var host = await AlbaHost.For<Program>(b => b.ConfigureServices(s => s.RunWolverineInSoloMode()
            .AddSingleton(new RateLimitSettings(unlimited, unlimited, unlimited))));
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        ActAsAdmin(host, now);

        Console.WriteLine($"Collections benchmark: {accounts} simulated accounts, {samples} samples per query, {Environment.ProcessorCount} cores");
        await using var subscriber = await RelaySubscriber.StartAsync(host);
        var watch = Stopwatch.StartNew();
        var events = await SimulatedData.AppendAsync(store, Tenants.Default, new AccountSimulator(2026).Accounts(accounts, now));
        var appendSeconds = watch.Elapsed.TotalSeconds;
        Report("append events (batches of 250 streams)", $"{events} events in {appendSeconds:F1} s = {events / appendSeconds:F0} events/s");
        var relayed = await subscriber.WaitForAsync(events, TimeSpan.FromMinutes(10)) + TimeSpan.FromSeconds(appendSeconds);
        Report("relay to a RabbitMQ subscriber (backlog)", $"{subscriber.Received} events in {relayed.TotalSeconds:F1} s = {subscriber.Received / relayed.TotalSeconds:F0} events/s");

        watch.Restart();
        await host.PauseThenCatchUpOnMartenDaemonActivityAsync(timeout: TimeSpan.FromMinutes(10));
        var catchUp = watch.Elapsed.TotalSeconds;
        Report("async projections catch up (2 projections)", $"{events} events in {catchUp:F1} s = {events / catchUp:F0} events/s");

        var probe = $"SIM-{accounts / 2:D5}";
        var monthAgo = Uri.EscapeDataString(now.AddDays(-30).ToString("O"));
        foreach (var (name, url) in new[]
                 {
                     ("GET aging report (live)", "/api/reports/aging"),
                     ("GET aging report as of 30 days ago (replay)", $"/api/reports/aging?asOf={monthAgo}"),
                     ("GET per-collector table", "/api/collectors"),
                     ("GET one collector's work queue", $"/api/work-queue?collector={AccountSimulator.Collectors[0]}"),
                     ("GET account summary", $"/api/accounts/{probe}/summary"),
                     ("GET order check (inline snapshot)", $"/api/accounts/{probe}/order-check")
                 })
        {
            await host.GetAsText(url); // warm up: first-use code generation is not what we measure
            var timings = new List<double>();
            for (var i = 0; i < (url.Contains("asOf") ? Math.Min(samples, 5) : samples); i++)
            {
                watch.Restart();
                await host.GetAsText(url);
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }

            Report(name, Percentiles(timings));
        }

        var writes = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            watch.Restart();
            await host.Scenario(x =>
            {
                x.Post.Json(new { invoiceNumber = $"BENCH-{i}", amount = 100m, currency = "EUR", issueDate = "2026-11-01", dueDate = "2026-12-01" })
                    .ToUrl($"/api/accounts/{probe}/invoices");
                x.IgnoreStatusCode();
            });
            writes.Add(watch.Elapsed.TotalMilliseconds);
        }

        Report("POST invoice (command, one stream)", Percentiles(writes.Skip(1).ToList()));
        await RelayLatency(host, subscriber, samples * 5);
    }

    /// <summary>Payments at a steady 20 per second over many accounts; each one's time from the answer to the subscriber.</summary>
    private static async Task RelayLatency(IAlbaHost host, RelaySubscriber subscriber, int payments)
    {
        var committed = new Dictionary<string, DateTimeOffset>();
        for (var i = 0; i < payments; i++)
        {
            var id = $"LAT-{i}";
            await host.Scenario(x =>
            {
                x.Post.Json(new { paymentId = id, amount = 1m, currency = "EUR", reference = "latency probe" })
                    .ToUrl($"/api/accounts/SIM-{i % 100:D5}/payments");
                x.IgnoreStatusCode();
            });
            committed[id] = DateTimeOffset.UtcNow;
            await Task.Delay(50);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (committed.Keys.Any(id => subscriber.ArrivalOf(id) is null) && DateTime.UtcNow < deadline) await Task.Delay(50);
        var latencies = committed.Where(c => subscriber.ArrivalOf(c.Key) is not null)
            .Select(c => (subscriber.ArrivalOf(c.Key)!.Value - c.Value).TotalMilliseconds).ToList();
        Report("relay latency, commit to subscriber (20/s)", latencies.Count == 0 ? "nothing arrived" : Percentiles(latencies));
    }

    private static void Report(string what, string figures) => Console.WriteLine($"  {what,-46} {figures}");

    private static string Percentiles(List<double> ms)
    {
        ms.Sort();
        double At(double p) => ms[(int)Math.Min(ms.Count - 1, Math.Round(p * (ms.Count - 1)))];
        return $"p50 {At(0.5),7:F1} ms   p95 {At(0.95),7:F1} ms   p99 {At(0.99),7:F1} ms   max {ms[^1],7:F1} ms   (n={ms.Count})";
    }

    /// <summary>The benchmark posts invoices and payments as billing does: with a token for the integration role.</summary>
    private static void ActAsAdmin(IAlbaHost host, DateTimeOffset now)
    {
        var auth = host.Services.GetRequiredService<AuthSettings>();
        var token = DevelopmentTokens.Mint(DevelopmentTokens.LoadOrCreateKey(auth.DevelopmentSigningKeyFile!),
            new TokenRequest("benchmark", "Benchmark", [Roles.Admin], null, now.AddHours(12)), auth, now);
        host.BeforeEach(context => context.Request.Headers.Authorization = $"Bearer {token}");
    }

    private static int Argument(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
