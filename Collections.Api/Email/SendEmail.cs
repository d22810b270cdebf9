using Collections.Domain.Dunning;
using MimeKit;

namespace Collections.Api.Email;

/// <summary>Sent through the outbox after the ReminderSent event that records it is committed.</summary>
public sealed record SendEmail(OutboundEmail Email);

public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken token);
}

public static class SendEmailHandler
{
    public static Task Handle(SendEmail message, IEmailSender sender, EmailOptions options, CancellationToken token) =>
        sender.SendAsync(Compose(message.Email, options), token);

    public static MimeMessage Compose(OutboundEmail email, EmailOptions options)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Body = new TextPart("plain") { Text = email.Body }
        };
        message.From.Add(new MailboxAddress(email.FromName, email.FromAddress ?? options.DefaultFrom));
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        // Lets replies and bounces be traced to the account and the ladder step.
        message.Headers.Add("X-Collections-Account", email.AccountNumber);
        message.Headers.Add("X-Collections-Step", email.StepId);
        return message;
    }
}
