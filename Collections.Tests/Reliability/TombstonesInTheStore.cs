using System.Text.Json;
using Alba;
using Collections.Api.Tenancy;
using Collections.Domain.Common;
using Collections.Domain.Contacts;
using Collections.Tests.Integration;
using Collections.Tests.Support;

namespace Collections.Tests.Reliability;

/// <summary>
/// Marten writes tombstone rows whenever an append fails after it reserved sequence numbers. They are not
/// collection events: the relay and the feed step over them and carry on.
/// </summary>
public sealed class TombstonesInTheStore(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task back_to_back_writers_on_one_account_all_land_and_leave_no_tombstone()
    {
        await Open();
        await PostTo("invoices", NewInvoice("INV-1", 900m, dueInDays: -30));
        var before = await StoreProbe.Tombstones();

        var writes = Enumerable.Range(1, 10).Select(i => Host.Scenario(x =>
        {
            x.Post.Json(Contact($"call {i}")).ToUrl($"/api/accounts/{AccountId}/contacts");
            x.StatusCodeShouldBe(200);
        }));
        await Task.WhenAll(writes);

        (await StoreProbe.Tombstones()).ShouldBe(before, "writers on one account queue on the stream's lock instead of racing");
        (await Events()).OfType<ContactLogged>().Count().ShouldBe(10);
    }

    [Fact]
    public async Task the_feed_and_the_relay_step_over_tombstones()
    {
        await using var broker = await Broker.ConnectAsync();
        var queue = await broker.SubscribeAsync("test.tombstones");
        await Open();
        await MakeTombstone();
        await PostTo("payments", Payment("PAY-1", 50m));

        var received = (await broker.ReceiveAsync(queue, Count(AccountId, 2), TimeSpan.FromSeconds(15))).Where(r => r.Subject == AccountId);
        received.Select(r => r.Type).ShouldBe(["collections.account_opened.v1", "collections.payment_received.v1"]);

        var types = new List<string>();
        long cursor = 0;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await Host.GetAsJson<JsonElement>($"/api/events?after={cursor}&limit=1");
            var events = page.GetProperty("events");
            if (page.GetProperty("next").GetInt64() == cursor) break;
            cursor = page.GetProperty("next").GetInt64();
            types.AddRange(events.EnumerateArray().Select(e => e.GetProperty("type").GetString()!));
        }

        types.ShouldContain("collections.payment_received.v1");
        types.ShouldNotContain(t => t.Contains("tombstone", StringComparison.OrdinalIgnoreCase));
        await broker.DeleteQueueAsync(queue);
    }

    /// <summary>An append PostgreSQL refuses (a NUL character in jsonb) after Marten reserved its sequence numbers.</summary>
    private async Task MakeTombstone()
    {
        var before = await StoreProbe.Tombstones();
        await using (var session = Store.LightweightSession(Tenants.Default))
        {
            session.Events.Append(AccountId, new ContactLogged(Channel.Phone, ContactDirection.Inbound, null, "probe", "\u0000",
                ContactOutcome.Other, DateTimeOffset.UtcNow));
            await Should.ThrowAsync<Exception>(() => session.SaveChangesAsync());
        }

        for (var i = 0; i < 50 && await StoreProbe.Tombstones() == before; i++) await Task.Delay(100);
        (await StoreProbe.Tombstones()).ShouldBeGreaterThan(before);
    }

    private async Task<IReadOnlyList<object>> Events()
    {
        await using var session = Store.QuerySession(Tenants.Default);
        return (await session.Events.FetchStreamAsync(AccountId)).Select(e => e.Data).ToList();
    }

    private static object Contact(string summary) => new
    {
        channel = "phone", direction = "outbound", summary, outcome = "noAnswer"
    };
}
