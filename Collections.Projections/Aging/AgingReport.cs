using Collections.Domain.Accounts;

namespace Collections.Projections.Aging;

public sealed record Bucket(int Count, decimal Amount)
{
    public static readonly Bucket Empty = new(0, 0m);
    public Bucket Add(decimal amount) => new(Count + 1, Amount + amount);
}

/// <summary>One line of an aging report: a group (a collector, a segment, or everything) in one currency.</summary>
/// <param name="Dso">Days sales outstanding: what is open, over what was invoiced in the last 90 days, times 90.</param>
public sealed record AgingRow(
    string Group,
    string Currency,
    int Accounts,
    Bucket Current,
    Bucket Days1To30,
    Bucket Days31To60,
    Bucket Days61To90,
    Bucket Over90,
    decimal TotalOpen,
    decimal? Dso);

public sealed record AgingReport(
    DateTimeOffset AsOf,
    IReadOnlyList<AgingRow> Total,
    IReadOnlyList<AgingRow> ByCollector,
    IReadOnlyList<AgingRow> BySegment,
    IReadOnlyList<AgingRow> ByCurrency);

/// <summary>
/// Buckets every open invoice by its days past due on the debtor's own calendar at <c>asOf</c>. The live
/// report and the month-end report of a past date both come through here, from accounts folded by the
/// domain's rules, so they agree with a replay of the events by construction of the same code.
/// </summary>
public static class AgingCalculator
{
    public const int DsoWindowDays = 90;

    public static AgingReport Report(IEnumerable<DebtorAccount> accounts, DateTimeOffset asOf)
    {
        var lines = accounts.Where(a => !string.IsNullOrEmpty(a.Id)).SelectMany(a => Lines(a, asOf)).ToList();
        return new AgingReport(asOf,
            Rows(lines, _ => "all"),
            Rows(lines, l => l.Collector),
            Rows(lines, l => l.Segment),
            Rows(lines, l => l.Currency));
    }

    private sealed record Line(string Account, string Collector, string Segment, string Currency, decimal Open,
        int? DaysPastDue, decimal RecentSales);

    private static IEnumerable<Line> Lines(DebtorAccount account, DateTimeOffset asOf)
    {
        var today = account.Today(asOf);
        var windowStart = today.AddDays(-DsoWindowDays);
        foreach (var invoice in account.Invoices)
        {
            var recentSales = invoice.IssueDate > windowStart && invoice.IssueDate <= today ? invoice.Amount : 0m;
            var open = account.IsWrittenOff ? 0m : invoice.Open;
            if (open <= 0 && recentSales == 0) continue;
            yield return new Line(account.Id, account.Collector ?? "(unassigned)", account.Segment, invoice.Currency,
                Math.Max(open, 0m), open > 0 ? invoice.DaysPastDue(today) : null, recentSales);
        }
    }

    private static List<AgingRow> Rows(List<Line> lines, Func<Line, string> group) =>
        lines.GroupBy(l => (Group: group(l), l.Currency)).OrderBy(g => g.Key.Group).ThenBy(g => g.Key.Currency)
            .Select(g => Row(g.Key.Group, g.Key.Currency, g.ToList())).ToList();

    private static AgingRow Row(string group, string currency, List<Line> lines)
    {
        Bucket current = Bucket.Empty, d30 = Bucket.Empty, d60 = Bucket.Empty, d90 = Bucket.Empty, over = Bucket.Empty;
        foreach (var line in lines.Where(l => l.DaysPastDue is not null))
        {
            switch (line.DaysPastDue)
            {
                case 0: current = current.Add(line.Open); break;
                case <= 30: d30 = d30.Add(line.Open); break;
                case <= 60: d60 = d60.Add(line.Open); break;
                case <= 90: d90 = d90.Add(line.Open); break;
                default: over = over.Add(line.Open); break;
            }
        }

        var open = lines.Sum(l => l.Open);
        var sales = lines.Sum(l => l.RecentSales);
        return new AgingRow(group, currency, lines.Where(l => l.Open > 0).Select(l => l.Account).Distinct().Count(),
            current, d30, d60, d90, over, open, sales == 0 ? null : decimal.Round(open / sales * DsoWindowDays, 1));
    }
}
