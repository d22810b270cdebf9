using Collections.Tests.Support;

namespace Collections.Tests.Api;

public class ConcurrencyApi(AppFixture fixture) : ApiContext(fixture)
{
    [Fact]
    public async Task concurrent_writers_never_lose_an_event()
    {
        await OpenAccount();
        // Twenty invoices at once on one stream: each either lands or is answered 409; none vanishes.
        var attempts = Enumerable.Range(1, 20).Select(i => Host.Scenario(x =>
        {
            x.Post.Json(NewInvoice($"INV-{i}", 10m * i)).ToUrl($"{AccountUrl}/invoices");
            x.IgnoreStatusCode();
        }));
        var statuses = (await Task.WhenAll(attempts)).Select(r => r.Context.Response.StatusCode).ToList();

        statuses.ShouldAllBe(s => s == 200 || s == 409);
        var landed = statuses.Count(s => s == 200);
        (await StreamVersion()).ShouldBe(1 + landed);
        (await Account()).Invoices.Count.ShouldBe(landed);
    }
}
