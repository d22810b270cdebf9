namespace Collections.Api.Integration.Contract;

/// <summary>An amount of money in one ISO 4217 currency.</summary>
public sealed record Amount(decimal Value, string Currency);
