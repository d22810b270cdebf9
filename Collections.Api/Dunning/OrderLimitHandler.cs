using Collections.Api.Tenancy;
using Collections.Domain.Accounts;
using Collections.Domain.Dunning.Ladders;
using Collections.Domain.Orders;
using JasperFx.MultiTenancy;
using Marten;

namespace Collections.Api.Dunning;

/// <summary>Records the moment an invoice passes the credit policy's order limit, for order services that listen to events.</summary>
public static class OrderLimitHandler
{
    public static async Task Handle(OrderLimitFallsDue message, IDocumentSession session, Tenants tenants, TenantId tenant,
        TimeProvider clock)
    {
        session.LastModifiedBy = StepRunner.PolicyActor;
        var stream = await session.Events.FetchForExclusiveWriting<DebtorAccount>(message.AccountNumber);
        if (stream.Aggregate is { } account)
            stream.AppendMany(account.DecideOrderLimit(message.InvoiceNumber, tenants[tenant.Value].Policy.Orders, clock.GetUtcNow()).Events);
    }
}
