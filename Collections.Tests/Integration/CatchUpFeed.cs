using System.Diagnostics;
using System.Text.Json;
using Collections.Tests.Support;

namespace Collections.Tests.Integration;

public sealed class CatchUpFeed(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_new_subscriber_starts_from_zero_and_pages_through_every_event_with_the_cursor()
    {
        await Open();
        await PostTo("invoices", NewInvoice("INV-1", 500m));
        await PostTo("payments", Payment("PAY-1", 200m));

        var seen = new List<JsonElement>();
        long cursor = 0;
        var clock = Stopwatch.StartNew();
        while (seen.Count(e => e.GetProperty("subject").GetString() == AccountId) < 3 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var page = await Page($"/api/events?after={cursor}&limit=2&waitSeconds=1");
            seen.AddRange(page.GetProperty("events").EnumerateArray());
            cursor = page.GetProperty("next").GetInt64();
        }

        var mine = seen.Where(e => e.GetProperty("subject").GetString() == AccountId).ToList();
        mine.Select(e => e.GetProperty("type").GetString())
            .ShouldBe(["collections.account_opened.v1", "collections.invoice_issued.v1", "collections.payment_received.v1"]);
        seen.Select(e => e.GetProperty("sequence").GetInt64()).ShouldBeInOrder();
        cursor.ShouldBe(mine[^1].GetProperty("sequence").GetInt64());

        // Nothing new: an empty page that keeps the cursor.
        var empty = await Page($"/api/events?after={cursor}");
        empty.GetProperty("events").GetArrayLength().ShouldBe(0);
        empty.GetProperty("next").GetInt64().ShouldBe(cursor);
    }

    [Fact]
    public async Task a_long_poll_answers_as_soon_as_an_event_is_committed()
    {
        await Open();
        var cursor = (await Page("/api/events?after=0&limit=500&waitSeconds=5")).GetProperty("next").GetInt64();

        var poll = Page($"/api/events?after={cursor}&waitSeconds=20");
        await Task.Delay(300);
        poll.IsCompleted.ShouldBeFalse();
        await PostTo("payments", Payment("PAY-9", 50m));

        var page = await poll.WaitAsync(TimeSpan.FromSeconds(10));
        page.GetProperty("events")[0].GetProperty("data").GetProperty("paymentId").GetString().ShouldBe("PAY-9");
    }

    [Theory]
    [InlineData("after=-1", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("waitSeconds=61", "waitSeconds")]
    public async Task out_of_range_parameters_are_refused_naming_the_field(string query, string field)
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url($"/api/events?{query}");
            x.StatusCodeShouldBe(400);
        });
        var problem = await result.ReadAsJsonAsync<ProblemBody>();
        problem!.Errors!.Keys.ShouldContain(field);
    }

    private async Task<JsonElement> Page(string url)
    {
        var result = await Host.Scenario(x => x.Get.Url(url));
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.Clone();
    }
}
