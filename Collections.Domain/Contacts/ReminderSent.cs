using Collections.Domain.Accounts;
using Collections.Domain.Common;

namespace Collections.Domain.Contacts;

/// <summary>A message the credit policy sent; the rendered text is kept so auditors see exactly what went out.</summary>
/// <param name="Sender">Name and title of the person on our side the message is signed by.</param>
public sealed record ReminderSent(
    string StepId,
    Channel Channel,
    string Template,
    string Sender,
    string RecipientContactId,
    ContactRole RecipientRole,
    string Subject,
    string RenderedText,
    DateTimeOffset SentAt);
