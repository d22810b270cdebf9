using System.Globalization;
using System.Threading.RateLimiting;
using Collections.Api.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace Collections.Api.Edge;

/// <summary>
/// ASP.NET Core's rate limiter over every request, one fixed window per caller (<see cref="CallerPartition"/>) with
/// the limits of its tier (<see cref="RateLimitSettings"/>). A refused request never reaches an endpoint, so it
/// writes nothing; it hears 429 with <c>Retry-After</c> in seconds, as problem details.
/// </summary>
public static class RateLimitingSetup
{
    public static WebApplicationBuilder AddCollectionsRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(RateLimitSettings.From(builder.Configuration));
        builder.Services.AddRateLimiter(_ => { });
        // Through DI, so that a host (a test) can register other settings after these.
        builder.Services.AddOptions<RateLimiterOptions>().Configure<RateLimitSettings, AuthSettings>((options, limits, auth) =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, CallerPartitionKey>(context =>
                RateLimitPartition.GetFixedWindowLimiter(CallerPartition.Of(context, auth), key =>
                {
                    var limit = limits.For(key.Tier);
                    return new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limit.PermitLimit,
                        Window = limit.Window,
                        QueueLimit = limit.QueueLimit,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst
                    };
                }));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) => Refuse(rejected, limits.For(CallerPartition.Of(rejected.HttpContext, auth).Tier));
        });
        return builder;
    }

    private static async ValueTask Refuse(OnRejectedContext rejected, RateLimit limit)
    {
        var context = rejected.HttpContext;
        // Without the lease's own figure (a full queue), the whole window is the safe answer.
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limit.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = "https://tools.ietf.org/html/rfc6585#section-4",
                Title = "Too many requests",
                Detail = $"This caller has sent more requests than its limit allows for now; nothing of this one was " +
                         $"done. Retry in {seconds} seconds."
            }
        });
    }
}
