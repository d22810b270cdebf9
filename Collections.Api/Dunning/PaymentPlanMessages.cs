using Wolverine.Persistence.Sagas;

namespace Collections.Api.Dunning;

/// <summary>A credit manager agreed a payment plan: the escalation pauses for its instalments.</summary>
public sealed record PaymentPlanMade([property: SagaIdentity] string AccountNumber, string PlanId) : IAccountMessage;
