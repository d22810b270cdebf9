namespace Collections.Domain.Accounts;

/// <summary>Roles on the debtor's side, in the order a collector climbs them.</summary>
public enum ContactRole
{
    ApClerk = 1,
    Controller = 2,
    Cfo = 3,
    Owner = 4,
    PersonalGuarantor = 5
}

public sealed record DebtorContact(string ContactId, string Name, ContactRole Role, string? Email, string? Phone,
    string? PostalAddress);

/// <summary>Payment terms agreed with the debtor: net days, and an optional credit limit.</summary>
public sealed record CreditTerms(int NetDays, decimal? CreditLimit, string Currency);
