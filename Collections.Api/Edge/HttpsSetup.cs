using Microsoft.AspNetCore.HttpOverrides;

namespace Collections.Api.Edge;

public static class HttpsSetup
{
    public static WebApplicationBuilder AddHttpsForDeployment(this WebApplicationBuilder builder)
    {
        var settings = HttpsSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = settings.ForwardLimit;
            // Only the named proxies: the defaults would trust loopback, and "any" would let every client choose its address.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in settings.KnownProxies) o.KnownProxies.Add(address);
            foreach (var network in settings.KnownNetworks) o.KnownIPNetworks.Add(network);
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = settings.HstsMaxAge;
            o.IncludeSubDomains = settings.HstsIncludeSubDomains;
        });
        builder.Services.AddHttpsRedirection(o =>
        {
            // 308 keeps the method and body: a POST sent to http:// is repeated as a POST.
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            o.HttpsPort = settings.Port;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseHttpsForDeployment(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<HttpsSettings>();
        if (settings.BehindProxy) app.UseForwardedHeaders();
        if (settings.Hsts) app.UseHsts();
        if (settings.Redirect) app.UseHttpsRedirection();
        return app;
    }
}
