using Collections.Api.Infrastructure;
using Collections.Api.Security;
using Collections.Api.Tenancy;
using Collections.Domain.Accounts;
using Collections.Domain.PaymentPlans;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace Collections.Api.PaymentPlans;

public static class AgreePaymentPlanEndpoint
{
    /// <summary>
    /// A credit manager agrees with the debtor to pay the past-due balance in dated instalments, within the tenant's
    /// credit policy: the escalation pauses while the instalments arrive. The caller is the one who agreed it.
    /// </summary>
    [WolverinePost("/api/accounts/{accountNumber}/payment-plan"), Tags("Payment plans"), Authorize(Policy = Capability.ManageCredit)]
    public static (IResult, OutgoingMessages) Post(AgreePaymentPlan command, [AccountStream] IEventStream<DebtorAccount> account,
        Caller caller, Tenants tenants, TenantId tenant, TimeProvider clock) =>
        account.Carry(command.ExpectedVersion,
            account.Aggregate!.Decide(command, caller.Actor, tenants[tenant.Value].Policy.PaymentPlans, clock.GetUtcNow()));
}
