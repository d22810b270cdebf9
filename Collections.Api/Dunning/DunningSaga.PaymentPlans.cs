using Collections.Api.Tenancy;
using JasperFx.MultiTenancy;
using Marten;
using Wolverine;

namespace Collections.Api.Dunning;

public sealed partial class DunningSaga
{
    public Task<OutgoingMessages> Handle(PaymentPlanMade message, IDocumentSession session, Tenants tenants, TenantId tenant,
        TimeProvider clock) =>
        Decide(session, clock, (process, account, now) =>
            process.PaymentPlanAgreed(message.PlanId, account, tenants[tenant.Value].Policy, now));

    /// <summary>A plan on an account not in escalation (say, with an agency) has no ladder to pause.</summary>
    public static void NotFound(PaymentPlanMade _) { }
}
