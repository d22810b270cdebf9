namespace Collections.Api.Email;

public static class EmailSetup
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Collections:Email").Get<EmailOptions>() ?? new EmailOptions();
        builder.Services.AddSingleton(options);
        if (string.IsNullOrWhiteSpace(options.SmtpHost))
            builder.Services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        else
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return builder;
    }
}
