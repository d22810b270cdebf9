namespace Collections.Domain.Common;

/// <summary>An amount in one ISO 4217 currency. Money is always decimal.</summary>
public sealed record Money(decimal Amount, string Currency)
{
    public override string ToString() => $"{Amount:0.00} {Currency}";
}
