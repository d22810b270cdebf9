using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Collections.Api.Email;

public sealed class SmtpEmailSender(EmailOptions options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken token)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost!, options.SmtpPort,
            options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, token);
        if (!string.IsNullOrEmpty(options.UserName)) await client.AuthenticateAsync(options.UserName, options.Password ?? "", token);
        await client.SendAsync(message, token);
        await client.DisconnectAsync(true, token);
    }
}

/// <summary>For machines without a mail server: each email lands as an .eml file a person can open.</summary>
public sealed class PickupDirectoryEmailSender(EmailOptions options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken token)
    {
        Directory.CreateDirectory(options.PickupDirectory);
        var path = Path.Combine(options.PickupDirectory, $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{message.MessageId}.eml");
        await message.WriteToAsync(path, token);
    }
}
