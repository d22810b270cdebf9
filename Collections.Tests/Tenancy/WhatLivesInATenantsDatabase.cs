using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Escalation;

namespace Collections.Tests.Tenancy;

/// <summary>
/// acme has a database of its own, globex shares the main one. Read back with plain SQL: everything of acme's (events,
/// streams, the account and every read model, the saga, its timers) is in acme's database and nothing of it in the
/// main one, and the other way round for globex.
/// </summary>
[Collection(TenantDatabasesCollection.Name)]
public sealed class WhatLivesInATenantsDatabase(TenantDatabasesFixture fixture) : TenancyContext(fixture)
{
    private const string WakeupType = "Collections.Api.Dunning.DunningWakeup";

    private DatabaseProbe Main => new(Fixture.MainDatabase);
    private DatabaseProbe AcmesOwn => new(Fixture.AcmeDatabase!);

    [Fact]
    public async Task a_tenants_events_documents_saga_and_timers_are_in_its_own_database_and_none_in_the_main_one()
    {
        foreach (var tenant in new[] { Acme, Globex })
        {
            await Open(tenant, Shared, $"{tenant}'s customer");
            await InvoiceFallingDue(tenant, Shared);
        }

        await RunUntilDay(29); // both escalations are under way: letters sent, a final notice's obligation open (day 29: Easter moved it)
        await CatchUp();

        string[] expected = ["mt_doc_accountsummary", "mt_doc_contacthistory", "mt_doc_debtoraccount", "mt_doc_dunningsaga",
            "mt_doc_obligation", "mt_events", "mt_streams"];
        (await AcmesOwn.TablesHolding(Acme)).ShouldBe(expected);
        (await Main.TablesHolding(Globex)).ShouldBe(expected);
        (await Main.TablesHolding(Acme)).ShouldBeEmpty();
        (await AcmesOwn.TablesHolding(Globex)).ShouldBeEmpty();

        // The saga's timers wait in the inbox of the tenant's database, for the tenant.
        var acmesTimers = (await AcmesOwn.Inbox()).Where(e => e.MessageType == WakeupType && e.Status == "Scheduled").ToList();
        acmesTimers.ShouldNotBeEmpty();
        acmesTimers.ShouldAllBe(e => e.Tenant == Acme);
        var mainInbox = await Main.Inbox();
        mainInbox.ShouldContain(e => e.MessageType == WakeupType && e.Tenant == Globex);
        mainInbox.ShouldNotContain(e => e.Tenant == Acme);
    }

    [Fact]
    public async Task an_escalation_in_a_tenants_own_database_runs_from_due_date_to_agency_referral()
    {
        await Open(Acme, "ACME-42", "Acme's debtor");
        await InvoiceFallingDue(Acme, "ACME-42");
        await RunUntilDay(40);
        // The last chance goes by certified letter: it waits until a person of acme's has posted it.
        var letter = (await Stream(Acme, "ACME-42")).Select(e => e.Data).OfType<FinalNoticeAwaitingDispatch>().ShouldHaveSingleItem();
        await Post(Acme, "ACME-42", $"tasks/{letter.TaskId}/completion", new { note = "posted, certified" });
        await RunUntilDay(120);

        var events = (await Stream(Acme, "ACME-42")).Select(e => e.Data).ToList();
        events.OfType<DunningStepScheduled>().Select(s => s.StepId).ShouldBe(["reminder-letter", "friendly-email", "first-call",
            "controller-email", "cfo-call", "final-notice", "credit-hold", "last-chance", "agency-referral"]);
        events.OfType<EscalatedToAgency>().ShouldHaveSingleItem();
        events.OfType<DunningCompleted>().ShouldHaveSingleItem();
        Fixture.Smtp.Messages.ShouldContain(m => m.Contains("X-Collections-Account: ACME-42"));
        (await Get(Acme, "/api/obligations?status=open")).GetProperty("total").GetInt64().ShouldBe(0);
        (await Get(Acme, "/api/obligations?overdue=true")).GetProperty("total").GetInt64().ShouldBe(0);

        // The saga ran, and ended, in acme's database; the main database saw none of it.
        (await AcmesOwn.Scalar("select count(*) from collections.mt_events where data->>'stepId' = 'agency-referral'")).ShouldBeGreaterThan(0);
        (await AcmesOwn.Scalar("select count(*) from collections.mt_doc_dunningsaga")).ShouldBe(0);
        (await Main.Scalar("select count(*) from collections.mt_events")).ShouldBe(0);
        (await Main.TablesHolding(Acme)).ShouldBeEmpty();
    }
}
