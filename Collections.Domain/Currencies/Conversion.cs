using Collections.Domain.Common;

namespace Collections.Domain.Currencies;

/// <summary>An amount expressed in another currency for a decision, recorded with it so an auditor can redo the sum.</summary>
/// <param name="To">The amount in <paramref name="Into"/>, rounded to its minor units; null when no usable rate exists.</param>
/// <param name="Rate">Units of <paramref name="Into"/> per unit of the amount's currency, derived from the table's rates; <c>To = From × Rate</c>.</param>
/// <param name="RateDate">The date of the rate used (of the older one, for a rate crossed through the base); null for the same currency.</param>
/// <param name="Unavailable">Why no rate could be used (none configured, none dated yet, too old); null when converted.</param>
public sealed record Conversion(Money From, string Into, Money? To, decimal? Rate, DateOnly? RateDate, string? Unavailable);
