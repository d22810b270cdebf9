using Collections.Domain.Accounts;
using Collections.Domain.Common;
using Collections.Domain.Dunning.Calendar;

namespace Collections.Domain.Disputes;

/// <param name="Until">The last day, on the debtor's calendar, the invoice is left out of the escalation.</param>
public sealed record PlaceDunningBlock(string Reason, DateOnly Until, long? ExpectedVersion = null);

public sealed record LiftDunningBlock(string Reason, long? ExpectedVersion = null);

/// <summary>
/// One invoice left out of the escalation without a dispute, for a reason ("awaiting credit note") and until a date.
/// </summary>
/// <param name="EndsAt">00:00 on the day after <paramref name="Until"/>, debtor's time: the block ends by itself then.</param>
public sealed record DunningBlockPlaced(string InvoiceNumber, string Reason, DateOnly Until, DateTimeOffset EndsAt,
    string PlacedBy, DateTimeOffset PlacedAt);

public sealed record DunningBlockLifted(string InvoiceNumber, string Reason, string LiftedBy, DateTimeOffset LiftedAt);

/// <summary>A block reached its end date by itself: the invoice is chased again.</summary>
public sealed record DunningBlockEnded(string InvoiceNumber, DateOnly Until, DateTimeOffset EndedAt);

public sealed record DunningBlockState(string InvoiceNumber, string Reason, DateOnly Until, DateTimeOffset EndsAt,
    string PlacedBy, DateTimeOffset PlacedAt)
{
    /// <summary>A block whose end has passed no longer counts, even before <see cref="DunningBlockEnded"/> is recorded.</summary>
    public bool IsActive(DateTimeOffset now) => now < EndsAt;
}

public static class DunningBlockDecisions
{
    public static DunningBlockState? ActiveBlock(this DebtorAccount account, string invoiceNumber, DateTimeOffset now) =>
        account.DunningBlocks.Find(b => b.InvoiceNumber == invoiceNumber && b.IsActive(now));

    /// <summary>Places a block, or replaces the one in place (a later credit note moves the date); the same block again changes nothing.</summary>
    public static Decision Decide(this DebtorAccount account, string invoiceNumber, PlaceDunningBlock command, Actor by,
        DateTimeOffset now)
    {
        var check = new Validation()
            .Required(command.Reason, "reason")
            .Text(command.Reason, InputLimits.Reason, "reason")
            .Date(command.Until, "until")
            .When(command.Until != default && command.Until < account.Today(now), "until", "must not be in the past.");
        if (!check.IsValid) return check.Reject();
        if (account.RefuseIfWrittenOff() is { } refused) return refused;
        if (account.FindInvoice(invoiceNumber) is not { } invoice) return NoSuchInvoice(invoiceNumber);
        if (invoice.Open == 0)
            return Decision.NotAllowed("invoiceNumber", $"Nothing is open on invoice {invoiceNumber}; there is nothing to block.");

        if (account.ActiveBlock(invoiceNumber, now) is { } block && block.Until == command.Until && block.Reason == command.Reason)
            return Decision.Unchanged;
        return Decision.Append(new DunningBlockPlaced(invoiceNumber, command.Reason, command.Until,
            account.StartOf(command.Until.AddDays(1)), by.Id, now));
    }

    /// <summary>Ends a block before its date; without a block in place, nothing to do.</summary>
    public static Decision Decide(this DebtorAccount account, string invoiceNumber, LiftDunningBlock command, Actor by,
        DateTimeOffset now)
    {
        var check = new Validation().Required(command.Reason, "reason").Text(command.Reason, InputLimits.Reason, "reason");
        if (!check.IsValid) return check.Reject();
        if (account.RefuseIfWrittenOff() is { } refused) return refused;
        if (account.FindInvoice(invoiceNumber) is null) return NoSuchInvoice(invoiceNumber);

        return account.ActiveBlock(invoiceNumber, now) is null
            ? Decision.Unchanged
            : Decision.Append(new DunningBlockLifted(invoiceNumber, command.Reason, by.Id, now));
    }

    /// <summary>At a block's end date: recorded once, and only for the block still in place (not one replaced by a later date).</summary>
    public static Decision DecideBlockEnd(this DebtorAccount account, string invoiceNumber, DateTimeOffset now) =>
        account.DunningBlocks.Find(b => b.InvoiceNumber == invoiceNumber) is { } block && !block.IsActive(now)
            ? Decision.Append(new DunningBlockEnded(invoiceNumber, block.Until, now))
            : Decision.Unchanged;

    private static Decision NoSuchInvoice(string invoiceNumber) =>
        Decision.NotAllowed("invoiceNumber", $"No invoice '{invoiceNumber}' on this account.");
}
