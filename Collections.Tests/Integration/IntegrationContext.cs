using Alba;
using Collections.Tests.Support;

namespace Collections.Tests.Integration;

/// <summary>
/// Each test works on an account of its own, so events another test left on their way to the broker are told
/// apart by subject.
/// </summary>
public abstract class IntegrationContext(AppFixture fixture) : ApiContext(fixture)
{
    protected string AccountId { get; } = $"INT-{Guid.NewGuid():N}"[..20];

    protected Task Open() => Host.Scenario(x =>
    {
        x.Put.Json(NewAccount()).ToUrl($"/api/accounts/{AccountId}");
        x.StatusCodeShouldBe(201);
    });

    protected Task<IScenarioResult> PostTo(string path, object body, int status = 200) => Host.Scenario(x =>
    {
        x.Post.Json(body).ToUrl($"/api/accounts/{AccountId}/{path}");
        x.StatusCodeShouldBe(status);
    });

    protected static object Payment(string id, decimal amount) => new { paymentId = id, amount, currency = "EUR", reference = "remittance" };

    protected static Func<List<Received>, bool> Count(string account, int n) => r => r.Count(x => x.Subject == account) >= n;
}
