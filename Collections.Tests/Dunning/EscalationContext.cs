using Alba;
using Collections.Api.Tenancy;
using Collections.Domain.Dunning.Notices;
using Collections.Tests.Support;
using Marten;
using System.Text.Json;

namespace Collections.Tests.Dunning;

/// <summary>An account with one invoice falling due, run through the real saga on PostgreSQL in virtual time.</summary>
public abstract class EscalationContext(AppFixture fixture) : ApiContext(fixture)
{
    protected Timeline Timeline = null!;
    protected static readonly DateOnly DueDate = DateOnly.FromDateTime(TestClock.Start.UtcDateTime).AddDays(14);

    /// <summary>Every contact can be written to, emailed and posted to: steps that cannot go out are tested on their own.</summary>
    protected const string PostalAddress = "Acme Widgets GmbH, 1 Hauptstrasse, 10115 Berlin";

    protected static readonly object Clerk = new { contactId = "ap", name = "Ada Clerk", role = "apClerk", email = "ap@acme.test", postalAddress = PostalAddress };
    protected static readonly object Controller = new { contactId = "ctl", name = "Cleo Control", role = "controller", email = "ctl@acme.test", postalAddress = PostalAddress };
    protected static readonly object Cfo = new { contactId = "cfo", name = "Carl Finance", role = "cfo", email = "cfo@acme.test", phone = "+49 30 1234", postalAddress = PostalAddress };
    protected static readonly object Owner = new { contactId = "own", name = "Otto Owner", role = "owner", email = "own@acme.test", postalAddress = PostalAddress };
    protected static readonly object[] Contacts = [Clerk, Controller, Cfo, Owner];

    /// <param name="contacts">The debtor's contacts, when a test needs others than the four of <see cref="Contacts"/>.</param>
    protected async Task OpenAccountWithInvoiceFallingDue(decimal amount = 1200m, object[]? contacts = null)
    {
        Timeline = new Timeline(Host, Clock);
        await Timeline.Http(x =>
        {
            x.Put.Json(new
            {
                debtorName = "Acme Widgets GmbH", timeZone = "Europe/Berlin",
                terms = new { netDays = 30, currency = "EUR" },
                contacts = contacts ?? Contacts,
                collector = "collector-1"
            }).ToUrl(AccountUrl);
            x.StatusCodeShouldBe(201);
        });
        await Command("invoices", new
        {
            invoiceNumber = "INV-7", amount, currency = "EUR", issueDate = DueDate.AddDays(-30), dueDate = DueDate,
            contract = new { reference = "MSA-2024", lateFee = new { percent = 5m, afterDaysPastDue = 30 } }
        });
    }

    protected Task<IScenarioResult> Command(string path, object body, int status = 200) =>
        Timeline.Http(x =>
        {
            x.Post.Json(body).ToUrl($"{AccountUrl}/{path}");
            x.StatusCodeShouldBe(status);
        });

    protected Task RunUntilDay(int daysAfterDue, int hour = 23) =>
        Timeline.RunUntil(new DateTimeOffset(DueDate.AddDays(daysAfterDue).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero));

    protected async Task<IReadOnlyList<object>> Events()
    {
        await using var session = Store.QuerySession(Tenants.Default);
        return (await session.Events.FetchStreamAsync(AccountNumber)).Select(e => e.Data).ToList();
    }

    protected async Task<IReadOnlyList<T>> Events<T>() => (await Events()).OfType<T>().ToList();

    protected async Task<JsonElement> Obligations(string query) =>
        await Host.GetAsJson<JsonElement>($"/api/obligations?{query}");

    /// <summary>The follow-through invariant, asked of the API the way an auditor would.</summary>
    protected async Task NoObligationShouldBeOverdue()
    {
        (await Obligations("overdue=true")).GetProperty("total").GetInt64().ShouldBe(0);
        await using var session = Store.QuerySession(Tenants.Default);
        var account = await session.LoadAsync<Collections.Domain.Accounts.DebtorAccount>(AccountNumber);
        account!.Obligations.Where(o => o.Status == ObligationStatus.Open && o.Deadline < Clock.Now).ShouldBeEmpty();
    }
}
