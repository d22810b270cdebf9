namespace Collections.Domain.Dunning.PolicyFile;

/// <summary>
/// What the escalation does with money the debtor has paid that is not yet applied to an invoice (policy field
/// <c>unappliedCredit</c>). Either way nobody is chased for money already held: before the escalation starts and
/// before each step, the credit is set against the past-due invoices, oldest first, in the same currency.
/// </summary>
public enum UnappliedCreditRule
{
    /// <summary>Applied for good (<c>CreditApplied</c>, naming payment, invoices and amounts): the default.</summary>
    Apply = 1,

    /// <summary>Only counted: steps chase what the credit does not cover, and the credit stays unapplied for the books.</summary>
    Net = 2
}
