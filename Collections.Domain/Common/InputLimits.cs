namespace Collections.Domain.Common;

/// <summary>
/// The documented bounds of every command field (docs/api.md, "Input limits"). They keep one request from
/// poisoning an account for good: a sum of amounts cannot overflow, a date cannot run off the calendar when the
/// escalation adds days to it, and a list cannot grow the account's stream without end.
/// </summary>
public static class InputLimits
{
    /// <summary>Invoice numbers, payment ids, contact ids: one line, no control characters.</summary>
    public const int Identifier = 64;

    /// <summary>Debtor, contact and agency names, and the people who act (collector, placedBy, …): one line.</summary>
    public const int Name = 200;

    public const int Segment = 64;
    public const int TimeZone = 64;
    public const int Email = 254;
    public const int Phone = 40;
    public const int ContractReference = 200;

    /// <summary>Free text (tab and line breaks allowed): reasons and notes.</summary>
    public const int Reason = 2000;

    public const int Summary = 4000;
    public const int PostalAddress = 500;
    public const int PaymentReference = 500;

    /// <summary>Every amount: more than 0 (or 0 for a credit limit) and at most 10^12 in its currency.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>Calendar dates (issue, due and promised dates) and instants lie in these years.</summary>
    public static readonly DateOnly MinDate = new(2000, 1, 1);

    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    public static readonly DateTimeOffset MinInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int MaxLateFeeDays = 3650;

    public const int Contacts = 20;
    public const int Allocations = 100;
    public const int DisputedInvoices = 100;

    /// <summary>The most instalments a payment plan may have, whatever a credit policy allows.</summary>
    public const int Instalments = 60;
}
