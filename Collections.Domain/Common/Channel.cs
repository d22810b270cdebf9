namespace Collections.Domain.Common;

/// <summary>How a contact with the debtor was made.</summary>
public enum Channel
{
    Letter = 1,
    Email = 2,
    Phone = 3,
    CertifiedLetter = 4,
    Courier = 5,
    Fax = 6,
    Sms = 7,
    Meeting = 8
}
