using Collections.Domain.Dunning.Ladders;
using JasperFx.Core;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;
using System.Net.Sockets;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Collections.Api.Email;

/// <summary>Sent through the outbox after the ReminderSent event that records it is committed.</summary>
public sealed record SendEmail(OutboundEmail Email);

public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken token);
}

public static class SendEmailHandler
{
    /// <summary>A mail server that is down or busy is waited out, for hours if need be, rather than the email dropped.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<IOException>().Or<SocketException>().Or<SmtpCommandException>().Or<SmtpProtocolException>()
            .Or<ServiceNotConnectedException>()
            .RetryWithCooldown(1.Seconds(), 5.Seconds())
            .Then.ScheduleRetry(1.Minutes(), 5.Minutes(), 30.Minutes(), 2.Hours());

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
