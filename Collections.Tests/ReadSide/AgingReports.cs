using System.Text.Json;
using Collections.Api.Tenancy;
using Collections.Domain.Accounts;
using Collections.Projections.Aging;
using Collections.Tests.Support;
using Marten;

namespace Collections.Tests.ReadSide;

public class AgingReports(AppFixture fixture) : ReadSideContext(fixture)
{
    [Fact]
    public async Task the_buckets_equal_a_replay_of_every_account_stream()
    {
        await Seed(300);
        await CatchUp();

        var live = await Get("/api/reports/aging");
        live.GetProperty("freshness").GetProperty("eventsBehind").GetInt64().ShouldBe(0);

        // An independent replay: every stream folded from its raw events, then bucketed.
        await using var session = Store.QuerySession(Tenants.Default);
        var accounts = new List<DebtorAccount>();
        foreach (var id in await session.Events.QueryAllRawEvents().Select(e => e.StreamKey!).Distinct().ToListAsync())
        {
            var account = new DebtorAccount();
            foreach (var e in await session.Events.FetchStreamAsync(id)) account.Evolve(e.Data);
            accounts.Add(account);
        }

        var replayed = AgingCalculator.Report(accounts, Clock.Now);
        live.GetProperty("data").GetRawText().ShouldBe(Canonical(replayed));
        replayed.Total.Sum(r => r.Over90.Count + r.Days1To30.Count).ShouldBeGreaterThan(0);
        replayed.ByCollector.Select(r => r.Group).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public async Task month_end_aging_is_what_the_report_showed_that_day()
    {
        await Seed(120);
        await CatchUp();
        var monthEnd = Clock.Now;
        var thatDay = (await Get("/api/reports/aging")).GetProperty("data").GetRawText();

        // Three weeks on, with more accounts: today's report differs, that day's must not.
        Clock.Advance(TimeSpan.FromDays(21));
        await Seed(40, seed: 99, prefix: "LATER");
        var report = JsonSerializer.Deserialize<AgingReport>(thatDay, Json)!;
        await CatchUp();
        (await Get("/api/reports/aging")).GetProperty("data").GetRawText().ShouldNotBe(thatDay);

        var replayed = await Get($"/api/reports/aging?asOf={Uri.EscapeDataString(monthEnd.ToString("O"))}");
        replayed.GetProperty("data").GetRawText().ShouldBe(thatDay);
        replayed.GetProperty("freshness").GetProperty("eventsBehind").GetInt64().ShouldBe(0);
        report.AsOf.ShouldBe(monthEnd);
    }

    [Fact]
    public async Task a_report_of_the_future_is_refused() =>
        await Host.Scenario(x =>
        {
            x.Get.Url($"/api/reports/aging?asOf={Uri.EscapeDataString(Clock.Now.AddDays(1).ToString("O"))}");
            x.StatusCodeShouldBe(400);
        });
}
