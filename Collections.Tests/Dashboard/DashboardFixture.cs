using Collections.Api.Simulation;
using Collections.Api.Tenancy;
using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Invoicing;
using Collections.Domain.PaymentPlans;
using Collections.Domain.Payments;
using Collections.Domain.Promises;
using Collections.Projections.Summaries;
using Collections.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Marten;

namespace Collections.Tests.Dashboard;

/// <summary>
/// A few thousand simulated accounts behind a running API, the read side caught up, a browser, and an
/// independent replay of every event to hold the dashboard's figures against.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const int Accounts = 3000;
    private int _testAccounts;

    public TestClock Clock { get; } = new();
    public DashboardServer Server { get; private set; } = null!;
    public HeadlessChromium Browser { get; private set; } = null!;
    public IDocumentStore Store => Server.App.Services.GetRequiredService<IDocumentStore>();
    private StaffRegister Staff => Server.App.Services.GetRequiredService<Tenants>()[Tenants.Default].Policy.Staff;

    /// <summary>Every account folded from its raw events by the domain, as the aging report needs it.</summary>
    public IReadOnlyDictionary<string, DebtorAccount> Replayed { get; private set; } = null!;

    /// <summary>Every account summary folded from its raw events, as the work queue needs it.</summary>
    public IReadOnlyDictionary<string, AccountSummary> ReplayedSummaries { get; private set; } = null!;

    /// <summary>The catch-up includes the relay of the simulated book (some 20,000 events) to RabbitMQ: more than a minute on a busy machine.</summary>
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromMinutes(4);

    public async ValueTask InitializeAsync()
    {
        Server = await DashboardServer.Start(await TestDatabase.Recreate("dashboard"), Clock);
        await SimulatedData.AppendAsync(Store, Tenants.Default, new AccountSimulator(seed: 11, Staff).Accounts(Accounts, Clock.Now));
        Browser = new HeadlessChromium();
    }

    /// <summary>
    /// The read side caught up and every event replayed again: tests that act from the page add events, so the
    /// figures are held to what the store holds now, whatever ran before.
    /// </summary>
    public async Task CatchUpAndReplay()
    {
        await Server.App.PauseThenCatchUpOnMartenDaemonActivityAsync(timeout: CatchUpTimeout);
        var accounts = new Dictionary<string, DebtorAccount>();
        var summaries = new Dictionary<string, AccountSummary>();
        var projection = new AccountSummaryProjection();
        await using var session = Store.QuerySession(Tenants.Default);
        foreach (var e in await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync())
        {
            var id = e.StreamKey!;
            if (!accounts.TryGetValue(id, out var account)) accounts[id] = account = new DebtorAccount();
            account.Evolve(e.Data);
            summaries[id] = projection.Evolve(summaries.GetValueOrDefault(id), id, e);
        }

        Replayed = accounts;
        ReplayedSummaries = summaries;
    }

    /// <summary>
    /// An account of its own for a test that acts on it, worked by one of the simulated collectors (so the
    /// collectors table stays theirs), on the read side before this returns.
    /// </summary>
    /// <param name="pastDue">Its one invoice is 30 days past due, else due in 25 days.</param>
    /// <param name="paymentPlan">With <paramref name="pastDue"/>: a plan of two instalments of 600.00 EUR (in 5 and 20 days), the first paid.</param>
    /// <param name="tokenPromise">With <paramref name="pastDue"/>: a promise of 1.00 EUR in 300 days, outside the default policy's rules.</param>
    public async Task<string> Account(string collector, bool pastDue = false, bool onHold = false, bool openTask = false,
        bool paymentPlan = false, bool tokenPromise = false)
    {
        var number = $"UI-{Interlocked.Increment(ref _testAccounts):D3}";
        var now = Clock.Now;
        var account = new DebtorAccount();
        var events = new List<object>();
        void Apply(Decision decision)
        {
            decision.IsRejected.ShouldBeFalse();
            foreach (var e in decision.Events) account.Evolve(e);
            events.AddRange(decision.Events);
        }

        Apply(OpenAccountDecision.Decide(number, new OpenAccount($"Test Debtor {number} Ltd", "enterprise", "Europe/Berlin",
            new CreditTerms(30, 50_000m, "EUR"),
            [new DebtorContact("ap", "Alex Payable", ContactRole.ApClerk, "ap@ui.example", "+49 30 1234", null)], collector), null, Staff, now));
        var issued = account.Today(now).AddDays(pastDue ? -60 : -5);
        Apply(account.Decide(new IssueInvoice($"{number}-INV-1", 1200m, "EUR", issued, issued.AddDays(30), null)));
        if (onHold) Apply(account.Decide(new PlaceCreditHold("Held for the test"), new Actor("morgan.hale", "Morgan Hale"), now));
        var today = account.Today(now);
        if (paymentPlan)
        {
            Apply(account.Decide(new AgreePaymentPlan("EUR", [new PlanInstalment(today.AddDays(5), 600m), new PlanInstalment(today.AddDays(20), 600m)],
                "Agreed on the phone"), new Actor("morgan.hale", "Morgan Hale"), PaymentPlanRules.Default, now));
            Apply(account.Decide(new RecordPayment($"{number}-PAY-1", 600m, "EUR", now, null, null), now));
        }

        if (tokenPromise)
            Apply(account.Decide(new RecordPromise(1m, "EUR", today.AddDays(300), "ap", "Will pay when they can"), new Actor(collector, collector),
                now, new PromiseRules(50m, TimeSpan.FromDays(14))));
        if (openTask)
            events.Add(new CollectionTaskCreated($"{number}:T-1", "reminder-call", Channel.Phone, SenderRole.Collector, collector,
                "ap", ContactRole.ApClerk, "Call about the invoice", now.AddHours(-1)));

        await SimulatedData.AppendAsync(Store, Tenants.Default, [(number, events)]);
        await Server.App.PauseThenCatchUpOnMartenDaemonActivityAsync(timeout: CatchUpTimeout);
        return number;
    }

    public async ValueTask DisposeAsync()
    {
        Browser?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}

/// <summary>One server, one database and one browser for every dashboard test, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
