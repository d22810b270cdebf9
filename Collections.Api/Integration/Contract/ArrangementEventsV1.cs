namespace Collections.Api.Integration.Contract;

// Version 1 of what the debtor arranged to pay beyond a plain promise: promises outside the credit policy and their
// approval, and payment plans. As with tasks, the notes people write stay inside the service.

public sealed record PromiseReferredForApprovalV1(string PromiseId, IReadOnlyList<string> Reasons, DateTimeOffset ReferredAt) : IEventData;

public sealed record PromiseApprovedV1(string PromiseId, string ApprovedBy, DateTimeOffset ApprovedAt) : IEventData;

public sealed record PromiseSupersededV1(string PromiseId, string SupersededBy, DateTimeOffset SupersededAt) : IEventData;

public sealed record PaymentPlanAgreedV1(string PlanId, string Currency, IReadOnlyList<PlanInstalmentV1> Instalments, Amount PastDue,
    string AgreedBy, DateTimeOffset AgreedAt) : IEventData;

/// <param name="Number">1 for the first instalment; the other plan events name instalments by it.</param>
public sealed record PlanInstalmentV1(int Number, DateOnly DueDate, decimal Amount);

public sealed record PaymentPlanInstalmentMetV1(string PlanId, int Number, DateOnly DueDate, Amount Amount, DateTimeOffset MetAt) : IEventData;

public sealed record PaymentPlanBrokenV1(string PlanId, int Number, DateOnly DueDate, Amount AmountShort, DateTimeOffset BrokenAt) : IEventData;

public sealed record PaymentPlanCompletedV1(string PlanId, Amount Paid, DateTimeOffset CompletedAt) : IEventData;
