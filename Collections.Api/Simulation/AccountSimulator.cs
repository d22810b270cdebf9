using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.CreditHolds;
using Collections.Domain.Disputes;
using Collections.Domain.Dunning.Calendar;
using Collections.Domain.Dunning.PolicyFile;
using Collections.Domain.Invoicing;
using Collections.Domain.Payments;
using Collections.Domain.Promises;

namespace Collections.Api.Simulation;

/// <summary>
/// Plausible debtor accounts for demos, tests and benchmarks: a few months of invoices, on-time and late
/// payments, partial payments, promises, disputes and holds. Every event comes out of the domain's own
/// decisions, so the invariants hold. The same seed gives the same accounts.
/// </summary>
/// <param name="staff">The tenant's collections staff: the simulated <see cref="Collectors"/> must be among them.</param>
public sealed class AccountSimulator(int seed, StaffRegister staff)
{
    public static readonly string[] Collectors = ["amy.chen", "ben.okafor", "carla.ruiz", "dev.patel", "eva.novak"];
    private static readonly string[] Segments = ["enterprise", "mid-market", "small-business"];
    private static readonly string[] Zones = ["Europe/Berlin", "Europe/London", "America/New_York", "America/Chicago", "Asia/Singapore"];
    private readonly Random _random = new(seed);

    public IEnumerable<(string AccountNumber, IReadOnlyList<object> Events)> Accounts(int count, DateTimeOffset now, string prefix = "SIM")
    {
        for (var i = 1; i <= count; i++) yield return Account($"{prefix}-{i:D5}", now);
    }

    private (string, IReadOnlyList<object>) Account(string number, DateTimeOffset now)
    {
        var events = new List<object>();
        var account = new DebtorAccount();
        void Apply(Decision decision)
        {
            if (decision.IsRejected) return; // the simulator proposes; the domain disposes
            foreach (var e in decision.Events) account.Evolve(e);
            events.AddRange(decision.Events);
        }

        var currency = _random.NextDouble() < 0.8 ? "EUR" : "USD";
        var (segment, zone, collector) = (Pick(Segments), Pick(Zones), Pick(Collectors));
        if (staff.Find(collector) is null)
            throw new InvalidOperationException($"The simulated collector '{collector}' is not in the credit policy's staff register.");
        Apply(OpenAccountDecision.Decide(number, new OpenAccount($"Debtor {number} Ltd", segment, zone,
            new CreditTerms(30, 50_000m, currency),
            [
                new DebtorContact("ap", "Alex Payable", ContactRole.ApClerk, $"ap@{number.ToLowerInvariant()}.example", null, null),
                new DebtorContact("ctl", "Casey Control", ContactRole.Controller, $"controller@{number.ToLowerInvariant()}.example", null, null),
                new DebtorContact("cfo", "Frances Officer", ContactRole.Cfo, $"cfo@{number.ToLowerInvariant()}.example", "+1 555 0100", null)
            ], collector), null, staff, now));

        var today = account.Today(now);
        var invoices = _random.Next(1, 7);
        for (var n = 1; n <= invoices; n++)
        {
            var issued = today.AddDays(-_random.Next(0, 200));
            var amount = Math.Round((decimal)(_random.NextDouble() * _random.NextDouble()) * 60_000m + 150m, 2);
            Apply(account.Decide(new IssueInvoice($"{number}-INV-{n}", amount, currency, issued, issued.AddDays(30),
                _random.NextDouble() < 0.3 ? new ContractTerms("MSA", new LateFeeClause(5, 30)) : null)));
            var due = issued.AddDays(30);
            var fate = _random.NextDouble();
            var paidOn = fate switch
            {
                < 0.45 => due.AddDays(-_random.Next(0, 10)),
                < 0.65 => due.AddDays(_random.Next(1, 60)),
                _ => (DateOnly?)null
            };
            if (paidOn is { } day && day <= today)
                Apply(account.Decide(new RecordPayment($"{number}-PAY-{n}", amount, currency, account.StartOf(day).AddHours(11),
                    [new PaymentAllocation($"{number}-INV-{n}", amount)], null), now));
            else if (fate is >= 0.65 and < 0.75)
                Apply(account.Decide(new RecordPayment($"{number}-PAY-{n}", Math.Round(amount / 3, 2), currency, null,
                    [new PaymentAllocation($"{number}-INV-{n}", Math.Round(amount / 3, 2))], null), now));
        }

        var pastDue = account.PastDueInvoices(now).ToList();
        if (pastDue.Count > 0)
        {
            var worker = new Actor(collector, collector);
            var worst = pastDue.Max(i => i.DaysPastDue(today));
            if (worst > 60 && _random.NextDouble() < 0.5)
                Apply(account.Decide(new PlaceCreditHold($"{worst} days past due"), CreditManager, now));
            if (_random.NextDouble() < 0.15)
                Apply(account.Decide(new RecordPromise(pastDue[0].Open, currency, today.AddDays(_random.Next(0, 5)), "ap",
                    "Promised on the phone"), worker, now));
            if (_random.NextDouble() < 0.05)
                Apply(account.Decide(new RaiseDispute([pastDue[0].InvoiceNumber], "Quantities differ from the delivery note"),
                    worker, now));
        }

        return (number, events);
    }

    private static readonly Actor CreditManager = new("morgan.hale", "Morgan Hale");

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
