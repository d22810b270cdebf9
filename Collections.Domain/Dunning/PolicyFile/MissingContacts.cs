namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>Whom a step addresses when the account has no contact in the role it names.</summary>
public enum RoleMissingRule
{
    /// <summary>The nearest more senior contact; with none, the step cannot go out (a task to find the contact).</summary>
    NextRoleUp = 1,

    /// <summary>As <see cref="NextRoleUp"/>, and failing that the most senior contact below, told that it is meant for someone else.</summary>
    NextRoleUpThenDown = 2
}

/// <summary>What happens to a step once the wait for a missing contact or address has run out.</summary>
public enum StillMissingRule
{
    /// <summary>The ladder moves on without it; a final notice is skipped together with the consequence it would announce.</summary>
    SkipStep = 1,

    /// <summary>A task for the credit manager, and the escalation waits at the step until the details are recorded.</summary>
    CreditManagerTask = 2
}

/// <summary>
/// The credit policy's <c>missingContacts</c>: a message never goes to the wrong person, or "out" without an address.
/// A step whose contact or address is missing creates a task to obtain it and waits up to <paramref name="WaitForDetails"/>;
/// nothing is recorded as sent and no obligation starts for a notice that could not go out.
/// </summary>
public sealed record MissingContacts(RoleMissingRule WhenRoleMissing, PolicyDuration WaitForDetails, StillMissingRule WhenStillMissing)
{
    /// <summary>Without the section: up the ladder only, five days to find what is missing, then the step is skipped.</summary>
    public static readonly MissingContacts Default = new(RoleMissingRule.NextRoleUp, PolicyDuration.Days(5), StillMissingRule.SkipStep);
}
