using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Invoicing;

namespace Collections.Tests.Domain;

/// <summary>Builds accounts by applying events, the way Marten folds a stream.</summary>
public static class AccountBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static DebtorAccount Opened(string timeZone = "Europe/Berlin") => Fold(
        new AccountOpened("ACME-00042", "Acme Widgets GmbH", "standard", timeZone, new CreditTerms(30, 50_000m, "EUR"),
            [
                new DebtorContact("ap", "Ada Clerk", ContactRole.ApClerk, "ap@acme.test", null, "1 Hauptstrasse, Berlin"),
                new DebtorContact("cfo", "Carl Finance", ContactRole.Cfo, "cfo@acme.test", "+49 30 1234", "1 Hauptstrasse, Berlin")
            ], "collector-1", Now.AddDays(-90)));

    public static InvoiceIssued Invoice(string number, decimal amount, DateOnly due, string currency = "EUR") =>
        new(number, new Money(amount, currency), due.AddDays(-30), due, null);

    public static DebtorAccount Fold(params object[] events) => new DebtorAccount().With(events);

    public static DebtorAccount With(this DebtorAccount account, params object[] events)
    {
        foreach (var e in events) account.Evolve(e);
        account.Version += events.Length;
        return account;
    }

    public static DebtorAccount With(this DebtorAccount account, Decision decision)
    {
        decision.IsRejected.ShouldBeFalse(decision.Rejection?.Errors.Keys.FirstOrDefault());
        return account.With(decision.Events.ToArray());
    }

    public static DateOnly Today => new(2026, 11, 23);

    public static void ShouldBeRejected(this Decision decision, RejectionKind kind, string field)
    {
        decision.Rejection.ShouldNotBeNull();
        decision.Rejection.Kind.ShouldBe(kind);
        decision.Rejection.Errors.Keys.ShouldContain(field);
        decision.Events.ShouldBeEmpty();
    }
}
