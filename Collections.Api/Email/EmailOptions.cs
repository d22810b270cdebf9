namespace Collections.Api.Email;

/// <summary>Configuration section Collections:Email.</summary>
/// <param name="SmtpHost">The mail server; when empty, emails are written as .eml files to <paramref name="PickupDirectory"/>.</param>
public sealed record EmailOptions(
    string? SmtpHost = null,
    int SmtpPort = 25,
    bool UseStartTls = false,
    string? UserName = null,
    string? Password = null,
    string DefaultFrom = "collections@creditor.example",
    string PickupDirectory = "mail-outbox");
