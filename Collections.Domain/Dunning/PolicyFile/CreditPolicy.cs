using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Currencies;

namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>Which ladder an account climbs; derived from its own payment history, shown on the account.</summary>
public enum CollectionSegment
{
    FirstTimeLatePayer = 1,
    ChronicLatePayer = 2,
    HighValue = 3
}

public enum StepAction
{
    /// <summary>A letter, email, SMS or fax reminding the debtor.</summary>
    Reminder = 1,

    /// <summary>A call a person on our side must make; it becomes a task with a script.</summary>
    PhoneCall = 2,

    /// <summary>A "soft threat": a contact-by date and time, the next step named, the policy cited.</summary>
    FinalNotice = 3,
    CreditHold = 4,
    LetterOfDemand = 5,
    AgencyReferral = 6,
    CreditBureauReport = 7
}

public enum SenderRole
{
    Collector = 1,
    AccountsManager = 2,
    CreditManager = 3
}

public enum StepAnchor
{
    DueDate = 1,
    PreviousStep = 2
}

/// <summary>Who signs a step's message and gets its task: one of the <see cref="StaffRegister"/>.</summary>
/// <param name="Id">Their user name: the assignee of their tasks.</param>
public sealed record Sender(string Id, string Name, string Title, string? Email);

public sealed record MessageTemplate(string Subject, string Body);

/// <summary>One rung of a ladder.</summary>
/// <param name="After">How long after the anchor the step falls.</param>
/// <param name="At">Time of day in the debtor's time zone the step is moved to, on the day it falls; null keeps the exact offset.</param>
/// <param name="ResponseWindow">For a final notice: how long the debtor has before <paramref name="Consequence"/> is carried out.</param>
public sealed record PolicyStep(
    string Id,
    PolicyDuration After,
    StepAnchor From,
    TimeOnly? At,
    Channel Channel,
    string? Template,
    SenderRole Sender,
    ContactRole Recipient,
    StepAction Action,
    PolicyDuration? ResponseWindow,
    StepAction? Consequence)
{
    /// <summary>A consequence step runs at the deadline the final notice before it announced, not on its own offset.</summary>
    public bool RunsAtDeadline { get; init; }
}

/// <param name="ResumeAfterBrokenPromiseAt">The step a broken promise jumps forward to, if the ladder is not past it yet.</param>
public sealed record Ladder(IReadOnlyList<PolicyStep> Steps, string? ResumeAfterBrokenPromiseAt)
{
    public int IndexOf(string stepId) => Steps.ToList().FindIndex(s => s.Id == stepId);
}

/// <param name="LatePaymentsForChronic">Invoices paid late within <paramref name="ChronicLookbackMonths"/> that make a payer chronic.</param>
/// <param name="HighValuePastDue">Past-due balance from which an account is treated as high value; other currencies are converted into its currency and added up.</param>
/// <param name="PromiseGrace">How long after a promised date a payment is still awaited before the promise counts as broken.</param>
/// <param name="ReleaseHoldOnFullPayment">Opt-in: lift a policy credit hold by itself once nothing is past due.</param>
public sealed record CreditPolicy(
    string Version,
    string Citation,
    int ChronicLookbackMonths,
    int LatePaymentsForChronic,
    Money HighValuePastDue,
    PolicyDuration PromiseGrace,
    bool ReleaseHoldOnFullPayment,
    string Agency,
    string CreditBureau,
    IReadOnlyDictionary<SenderRole, Sender> Senders,
    IReadOnlyDictionary<CollectionSegment, Ladder> Ladders,
    IReadOnlyDictionary<string, MessageTemplate> Templates)
{
    public WriteOffApproval WriteOffApproval { get; init; } = WriteOffApproval.AlwaysTwo;

    /// <summary>Working days and holidays; without a <c>calendar</c> in the file every day is a working day.</summary>
    public CalendarRules Calendar { get; init; } = CalendarRules.EveryDay;

    public NoticeRules Notices { get; init; } = NoticeRules.Default;

    public UnappliedCreditRule UnappliedCredit { get; init; } = UnappliedCreditRule.Apply;

    /// <summary>
    /// Not part of the policy file: the deployment's rates (configuration), attached to every tenant's policy at start-up
    /// so that the thresholds are measured with them. Without a table only amounts in a threshold's own currency convert.
    /// </summary>
    public ExchangeRates ExchangeRates { get; init; } = ExchangeRates.None;

    public OrderRules Orders { get; init; } = OrderRules.HoldOrWriteOffOnly;

    /// <summary>The collections staff; <see cref="Senders"/> are drawn from them.</summary>
    public StaffRegister Staff { get; init; } = StaffRegister.Empty;

    public MissingContacts MissingContacts { get; init; } = MissingContacts.Default;

    public PromiseRules Promises { get; init; } = PromiseRules.None;

    public PaymentPlanRules PaymentPlans { get; init; } = PaymentPlanRules.Default;
}
