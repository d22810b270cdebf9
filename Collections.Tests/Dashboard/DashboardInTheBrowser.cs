using System.Net.Http.Json;
using System.Text.Json;
using Collections.Api.ReadSide;
using Collections.Api.Security;
using Collections.Api.Simulation;
using Collections.Projections.Aging;
using Collections.Projections.WorkQueues;
using Collections.Tests.Support;
using OpenQA.Selenium;

namespace Collections.Tests.Dashboard;

/// <summary>The ops dashboard in headless Chromium over a few thousand simulated accounts, signed in as a credit manager.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardInTheBrowser(DashboardFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly (string Key, Func<AgingRow, Bucket> Of)[] Buckets =
    [
        ("current", r => r.Current), ("days1To30", r => r.Days1To30), ("days31To60", r => r.Days31To60),
        ("days61To90", r => r.Days61To90), ("over90", r => r.Over90)
    ];

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private HeadlessChromium Browser => fixture.Browser;
    private string BaseUrl => fixture.Server.BaseUrl;
    private DateTimeOffset Now => fixture.Clock.Now;

    public async ValueTask InitializeAsync() => await fixture.CatchUpAndReplay();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void SignIn(string address = "/dashboard/", string view = "overview") =>
        Browser.SignIn(BaseUrl, Roles.CreditManager, "Morgan Hale", address, view);

    [Fact]
    public void the_dashboard_and_the_reference_page_run_under_their_content_security_policies_without_a_violation()
    {
        Browser.ConsoleMessages();
        // Signing in, the overview's figures and chart, and its swatches coloured through the CSSOM.
        SignIn();
        Browser.Script<string>("return getComputedStyle(document.querySelector('.swatch')).backgroundColor")
            .ShouldNotBe("rgba(0, 0, 0, 0)", "the swatches have their colours");
        var dashboard = Browser.ConsoleMessages();
        // A style attribute, which the policy refuses: it is live, and the console says so where this test looks.
        Browser.Script<string>("""
            const refused = document.createElement('span');
            refused.setAttribute('style', 'background: rgb(4, 5, 6)');
            document.body.append(refused);
            return getComputedStyle(refused).backgroundColor;
            """).ShouldNotBe("rgb(4, 5, 6)", "the dashboard's policy refuses inline styles");
        Browser.ConsoleMessages().ShouldContain(m => m.Contains("Content Security Policy"));

        Browser.Open($"{BaseUrl}/reference/");
        Browser.WaitUntil("document.querySelector('#app') && document.querySelector('#app').childElementCount > 0 && document.body.innerText.includes('Collections')");
        var reference = Browser.ConsoleMessages();

        output.WriteLine(string.Join("\n", dashboard.Concat(reference)));
        dashboard.Concat(reference).Where(m => m.Contains("Content Security Policy") || m.Contains("Permissions-Policy"))
            .ShouldBeEmpty("nothing the pages need is refused");
    }

    [Fact]
    public void the_aging_figures_and_chart_are_those_of_a_replay_of_every_event()
    {
        var expected = AgingCalculator.Report(fixture.Replayed.Values, Now);
        expected.Total.Select(r => r.Currency).ShouldBe(["EUR", "USD"]);

        SignIn("/");
        Browser.Url.ShouldBe($"{BaseUrl}/dashboard/");
        Browser.Find("freshness").GetAttribute("data-events-behind").ShouldBe("0");

        Browser.Find("aging-totals").FindElements(By.CssSelector("tbody tr")).Count.ShouldBe(expected.Total.Count);
        var figures = Figures();
        foreach (var row in expected.Total)
        foreach (var (key, of) in Buckets)
            figures[$"aging-total-{row.Currency}-{key}"].ShouldBe(new Figure(of(row).Amount, of(row).Count), $"{row.Currency} {key}");

        foreach (var currency in expected.Total.Select(r => r.Currency))
        {
            var rows = expected.ByCollector.Where(r => r.Currency == currency).ToList();
            var chart = ChartData(currency);
            chart.Labels.ShouldBe(rows.Select(r => r.Group));
            chart.Datasets.Select(d => d.Data).ShouldBe(Buckets.Select(b => rows.Select(r => b.Of(r).Amount).ToArray()));
        }

        output.WriteLine($"Screenshot: {Browser.Screenshot(ScreenshotPath("dashboard.png"))}");
    }

    [Fact]
    public void the_collectors_table_has_each_simulated_collector_their_aging_and_their_work_today()
    {
        SignIn();

        var rows = Browser.FindAll("collector-row");
        rows.Select(r => r.GetAttribute("data-collector")).ShouldBe(AccountSimulator.Collectors);
        foreach (var row in rows)
        {
            var collector = row.GetAttribute("data-collector")!;
            int.Parse(row.FindElement(By.CssSelector(".work-total")).Text).ShouldBe(WorkToday(collector).Count, collector);
        }

        var figures = Figures();
        foreach (var row in AgingCalculator.Report(fixture.Replayed.Values, Now).ByCollector)
        foreach (var (key, of) in Buckets)
            figures[$"collector-{row.Group}-{row.Currency}-{key}"].ShouldBe(new Figure(of(row).Amount, of(row).Count), $"{row.Group} {row.Currency} {key}");
    }

    [Fact]
    public async Task a_collectors_queue_lists_exactly_the_accounts_that_need_action_today()
    {
        var collector = AccountSimulator.Collectors.MaxBy(c => WorkToday(c).Count)!;
        SignIn();
        Browser.FindAll("collector-row").Single(r => r.GetAttribute("data-collector") == collector)
            .FindElement(By.CssSelector("[data-testid='collector-link']")).Click();
        Browser.WaitForView("queue");
        output.WriteLine($"Screenshot: {Browser.Screenshot(ScreenshotPath("work-queue.png"))}");

        var listed = new List<string>();
        for (var page = 1; ; page++)
        {
            Browser.Find("page-info").Text.ShouldStartWith($"Page {page} of");
            listed.AddRange(Browser.FindAll("queue-item").Select(Item));
            var next = Browser.Find("next-page");
            if (next.GetAttribute("aria-disabled") == "true") break;
            next.Click();
            Browser.WaitForView("queue");
        }

        var expected = WorkToday(collector);
        expected.Count.ShouldBeGreaterThan(Paging.DefaultSize, "enough work to need a second page");
        listed.Order().ShouldBe(expected.Select(i => $"{i.AccountNumber} {Json(i.Kind)}").Order());
        listed.Order().ShouldBe((await ApiQueue(collector)).Order());
        listed.Distinct().Count().ShouldBe(listed.Count);

        Browser.Find("kind-dispute").Click();
        Browser.WaitForView("queue");
        Browser.FindAll("queue-item").Select(r => r.GetAttribute("data-kind")).ShouldAllBe(kind => kind == "dispute");
        Browser.FindAll("queue-item").Count.ShouldBe(Math.Min(Paging.DefaultSize, expected.Count(i => i.Kind == WorkKind.Dispute)));
    }

    [Fact]
    public void an_account_in_a_queue_opens_on_its_timeline()
    {
        var collector = AccountSimulator.Collectors[0];
        SignIn($"/dashboard/#/queue/{collector}", "queue");
        var link = Browser.FindAll("account-link")[0];
        var accountNumber = link.Text;
        link.Click();
        Browser.WaitForView("account");

        var account = fixture.Replayed[accountNumber];
        Browser.Find("account-name").Text.ShouldBe(account.DebtorName);
        Browser.Find("open-balance").Text.ShouldNotBe("—");
        Browser.FindAll("timeline-entry").Select(e => long.Parse(e.GetAttribute("data-version")!))
            .ShouldBe(Enumerable.Range(1, (int)fixture.ReplayedSummaries[accountNumber].Version).Select(v => (long)v).Reverse());
        output.WriteLine($"Screenshot: {Browser.Screenshot(ScreenshotPath("account.png"))}");
    }

    private List<WorkItem> WorkToday(string collector) =>
        fixture.ReplayedSummaries.Values.Where(s => s.NeedsAttention && s.Collector == collector)
            .SelectMany(s => WorkQueue.For(s, Now)).ToList();

    private async Task<List<string>> ApiQueue(string collector)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        http.DefaultRequestHeaders.Add("Authorization", Tokens.For(Roles.Auditor, "avery.audit"));
        var body = await http.GetFromJsonAsync<JsonElement>($"/api/work-queue?collector={collector}&pageSize=500");
        return body.GetProperty("data").GetProperty("items").EnumerateArray()
            .Select(i => $"{i.GetProperty("accountNumber").GetString()} {i.GetProperty("kind").GetString()}").ToList();
    }

    private static string Item(IWebElement row) => $"{row.GetAttribute("data-account")} {row.GetAttribute("data-kind")}";

    private static string Json(WorkKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private sealed record Figure(decimal Amount, int? Count);

    /// <summary>Every figure the page shows (elements with data-amount, by data-testid), read in one round trip.</summary>
    private Dictionary<string, Figure> Figures() =>
        JsonSerializer.Deserialize<Dictionary<string, Figure>>(Browser.Script<string>(
            "return JSON.stringify(Object.fromEntries([...document.querySelectorAll('[data-testid][data-amount]')].map(e => " +
            "[e.dataset.testid, { amount: Number(e.dataset.amount), count: e.dataset.count ? Number(e.dataset.count) : null }])));"),
            WebJson)!;

    private sealed record ChartDataset(string Label, decimal[] Data);

    private sealed record Chart(string[] Labels, ChartDataset[] Datasets);

    /// <summary>What Chart.js itself holds for the currency's chart, not what the page prints beside it.</summary>
    private Chart ChartData(string currency) =>
        JsonSerializer.Deserialize<Chart>(Browser.Script<string>(
            $"const chart = Chart.getChart(document.querySelector(\"[data-testid='aging-chart-{currency}']\"));" +
            "return JSON.stringify({ labels: chart.data.labels, datasets: chart.data.datasets.map(d => ({ label: d.label, data: d.data })) });"),
            WebJson)!;

    private static string ScreenshotPath(string file) => Path.Combine(AppContext.BaseDirectory, "screenshots", file);
}
