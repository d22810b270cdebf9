using System.Text.Json;
using System.Text.Json.Serialization;
using Alba;
using Collections.Api.Tenancy;
using Collections.Domain.Accounts;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Runtime;
using Wolverine.Tracking;

namespace Collections.Tests.Support;

[Collection(IntegrationCollection.Name)]
public abstract class ApiContext(AppFixture fixture) : IAsyncLifetime
{
    public const string AccountNumber = "ACME-00042";
    protected static string AccountUrl => $"/api/accounts/{AccountNumber}";

    protected AppFixture Fixture => fixture;
    protected IAlbaHost Host => fixture.Host;
    protected TestClock Clock => fixture.Clock;
    protected IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async ValueTask InitializeAsync()
    {
        Clock.Now = TestClock.Start;
        await Host.ResetAllMartenDataAsync();
        await Host.ClearAllWolverineStorageAsync();
        fixture.Smtp.Messages.Clear();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected static object NewAccount(string debtorName = "Acme Widgets GmbH") => new
    {
        debtorName,
        segment = "standard",
        timeZone = "Europe/Berlin",
        terms = new { netDays = 30, creditLimit = 50_000m, currency = "EUR" },
        contacts = new object[]
        {
            new { contactId = "ap", name = "Ada Clerk", role = "apClerk", email = "ap@acme.test", postalAddress = "1 Hauptstrasse, Berlin" },
            new { contactId = "cfo", name = "Carl Finance", role = "cfo", email = "cfo@acme.test", phone = "+49 30 1234", postalAddress = "1 Hauptstrasse, Berlin" }
        },
        collector = "collector-1"
    };

    protected static object NewInvoice(string number = "INV-1", decimal amount = 1200m, int dueInDays = -10) => new
    {
        invoiceNumber = number,
        amount,
        currency = "EUR",
        issueDate = DateOnly.FromDateTime(TestClock.Start.UtcDateTime).AddDays(dueInDays - 30),
        dueDate = DateOnly.FromDateTime(TestClock.Start.UtcDateTime).AddDays(dueInDays),
        contract = new { reference = "MSA-2024", lateFee = new { percent = 5m, afterDaysPastDue = 30 } }
    };

    protected Task OpenAccount() => Host.Scenario(x =>
    {
        x.Put.Json(NewAccount()).ToUrl(AccountUrl);
        x.StatusCodeShouldBe(201);
    });

    protected async Task OpenAccountWithPastDueInvoice(decimal amount = 1200m)
    {
        await OpenAccount();
        await Post("invoices", NewInvoice(amount: amount), 200);
    }

    /// <summary>
    /// Posts a command and waits for the messages it cascades (the escalation saga reacting to it) to finish,
    /// so the next request never races the saga's own write to the same account.
    /// </summary>
    /// <param name="authorization">Who calls (<see cref="Tokens.For"/>); an admin unless given.</param>
    protected async Task<IScenarioResult> Post(string path, object body, int status, string? authorization = null)
    {
        IScenarioResult result = null!;
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync(
            (Func<IMessageContext, Task>)(async _ => result = await Host.Scenario(x =>
            {
                x.Post.Json(body).ToUrl($"{AccountUrl}/{path}");
                if (authorization is not null) x.WithRequestHeader("Authorization", authorization);
                x.StatusCodeShouldBe(status);
            })));
        return result;
    }

    /// <summary>Posts raw text as JSON, for bodies a serializer would never produce.</summary>
    protected Task<IScenarioResult> PostRaw(string path, string json, int status) =>
        Host.Scenario(x =>
        {
            x.Post.Text(json).ToUrl($"{AccountUrl}/{path}");
            x.WithRequestHeader("Content-Type", "application/json");
            x.StatusCodeShouldBe(status);
        });

    protected Task<JsonElement> Get(string url) => Host.GetAsJson<JsonElement>(url);

    /// <summary>Waits until the async projections have processed every event appended so far.</summary>
    protected Task CatchUp() => Host.PauseThenCatchUpOnMartenDaemonActivityAsync();

    protected async Task<long> StreamVersion(string accountNumber = AccountNumber)
    {
        await using var session = Store.QuerySession(Tenants.Default);
        var state = await session.Events.FetchStreamStateAsync(accountNumber);
        return state?.Version ?? 0;
    }

    protected async Task<IReadOnlyList<object>> Events(string accountNumber = AccountNumber)
    {
        await using var session = Store.QuerySession(Tenants.Default);
        return (await session.Events.FetchStreamAsync(accountNumber)).Select(e => e.Data).ToList();
    }

    protected async Task<DebtorAccount> Account()
    {
        await using var session = Store.QuerySession(Tenants.Default);
        return (await session.LoadAsync<DebtorAccount>(AccountNumber)).ShouldNotBeNull();
    }

    /// <summary>Asserts a problem details body naming the field, and that the stream did not move.</summary>
    protected async Task ShouldRefuse(IScenarioResult result, string field, long versionBefore)
    {
        var problem = await result.ReadAsJsonAsync<ProblemBody>();
        problem.ShouldNotBeNull();
        problem.Errors.ShouldNotBeNull();
        problem.Errors.Keys.ShouldContain(field);
        result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
        (await StreamVersion()).ShouldBe(versionBefore);
    }

    protected sealed record ProblemBody(string? Title, int Status, string? Detail, Dictionary<string, string[]>? Errors)
    {
        /// <summary>type, instance, traceId and other extensions the assertions do not look at.</summary>
        [JsonExtensionData] public Dictionary<string, JsonElement>? Other { get; init; }
    }
}
