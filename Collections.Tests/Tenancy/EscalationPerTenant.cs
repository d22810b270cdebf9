using Collections.Api.Dunning;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Dunning.Notices;
using Collections.Domain.Payments;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine.Runtime.Serialization;
using Wolverine.Tracking;

namespace Collections.Tests.Tenancy;

/// <summary>
/// Both tenants have SHARED-1 in escalation at once: one saga each, each on its tenant's own policy, timers delivered
/// for the tenant that scheduled them, and the sweep telling a lost timer of one from a live timer of the other.
/// </summary>
public abstract class EscalationPerTenant(TenantsFixture fixture) : TenancyContext(fixture)
{
    private EscalationSweep Sweep => Host.Services.GetRequiredService<EscalationSweep>();

    [Fact]
    public async Task each_tenants_escalation_runs_on_its_own_policy_against_its_own_account()
    {
        await BothInEscalation();
        await RunUntilDay(28);

        foreach (var (tenant, policy) in new[] { (Acme, "2026.1"), (Globex, TenantsFixture.GlobexPolicyVersion) })
        {
            var events = (await Stream(tenant, Shared)).Select(e => e.Data).ToList();
            events.OfType<DunningStarted>().ShouldHaveSingleItem().PolicyVersion.ShouldBe(policy);
            events.OfType<ObligationRecorded>().ShouldHaveSingleItem();
            (await Get(tenant, "/api/obligations?status=open")).GetProperty("total").GetInt64().ShouldBe(1);
        }

        (await SagaTenants()).ShouldBe([Acme, Globex]);

        // globex is paid: its escalation ends, acme's climbs on.
        await Post(Globex, Shared, "payments", new { paymentId = "PAY-1", amount = 1200m, currency = "EUR" });
        (await SagaTenants()).ShouldBe([Acme]);
        (await Stream(Acme, Shared)).Select(e => e.Data).OfType<PaymentReceived>().ShouldBeEmpty();
        await RunUntilDay(31);
        (await Stream(Acme, Shared)).Select(e => e.Data).OfType<CreditHoldPlaced>().ShouldHaveSingleItem();
        (await Stream(Globex, Shared)).Select(e => e.Data).OfType<CreditHoldPlaced>().ShouldBeEmpty();
    }

    [Fact]
    public async Task a_timer_lost_by_one_tenant_is_not_taken_for_the_other_tenants_live_one()
    {
        await BothInEscalation();
        await RunUntilDay(0); // both escalations have started; each waits on its first step's timer
        var next = (await Stream(Acme, Shared)).Select(e => e.Data).OfType<DunningStepScheduled>().Last();
        (await DeleteWakeupsOf(Acme)).ShouldBe(1);

        Clock.Now = next.DueAt + TimeSpan.FromMinutes(1);
        (await Sweep.CountOverdueAsync(default)).ShouldBe(new Dictionary<string, int> { [Acme] = 1, [Globex] = 1 }, ignoreOrder: true);
        var woken = 0;
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ => woken = await Sweep.RunOnceAsync()));

        woken.ShouldBe(1, "globex's timer with the same account number is still waiting");
        (await Stream(Acme, Shared)).Select(e => e.Data).OfType<ReminderSent>().ShouldHaveSingleItem().StepId.ShouldBe(next.StepId);
        (await Stream(Globex, Shared)).Select(e => e.Data).OfType<ReminderSent>().ShouldBeEmpty();
    }

    private async Task BothInEscalation()
    {
        foreach (var tenant in new[] { Acme, Globex })
        {
            await Open(tenant, Shared, $"{tenant}'s customer");
            await InvoiceFallingDue(tenant, Shared);
        }
    }

    /// <summary>The tenants with a saga document for SHARED-1, read from each database's table.</summary>
    private async Task<List<string>> SagaTenants()
    {
        var tenants = new List<string>();
        foreach (var database in await Databases.All())
        {
            await using var command = database.CreateCommand("select tenant_id from collections.mt_doc_dunningsaga where id = @id");
            command.Parameters.AddWithValue("id", Shared);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tenants.Add(reader.GetString(0));
        }

        return tenants.Order().ToList();
    }

    /// <summary>Deletes the tenant's stored wake-ups (in its database), as a dead-lettering or a hand in the table would lose them.</summary>
    private async Task<int> DeleteWakeupsOf(string tenant)
    {
        await using var connection = await (await Databases.Of(tenant)).OpenConnectionAsync();
        var ids = new List<Guid>();
        await using (var select = new NpgsqlCommand(
                         "select id, body from collections.wolverine_incoming_envelopes where message_type = 'Collections.Api.Dunning.DunningWakeup'", connection))
        await using (var reader = await select.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                if (EnvelopeSerializer.Deserialize(reader.GetFieldValue<byte[]>(1)).TenantId == tenant) ids.Add(reader.GetGuid(0));

        await using var delete = new NpgsqlCommand("delete from collections.wolverine_incoming_envelopes where id = any(@ids)", connection)
            { Parameters = { new("ids", ids.ToArray()) } };
        return await delete.ExecuteNonQueryAsync();
    }
}

[Collection(TenantsCollection.Name)]
public sealed class EscalationPerConjoinedTenant(ConjoinedTenantsFixture fixture) : EscalationPerTenant(fixture);

[Collection(TenantDatabasesCollection.Name)]
public sealed class EscalationPerTenantDatabase(TenantDatabasesFixture fixture) : EscalationPerTenant(fixture);
