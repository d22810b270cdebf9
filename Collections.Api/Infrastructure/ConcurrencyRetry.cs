using JasperFx;
using Marten.Exceptions;

namespace Collections.Api.Infrastructure;

/// <summary>
/// Someone else (often the escalation saga) appended to the account between this request's read and its commit.
/// Nothing was written, so the request is run again from the start: it re-reads the account and decides anew,
/// which keeps every rule (a stale <c>expectedVersion</c> is still refused). Only after a few tries does the
/// caller hear 409.
/// </summary>
public sealed class ConcurrencyRetry(RequestDelegate next)
{
    private const int Attempts = 3;

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await next(context);
                return;
            }
            catch (Exception e) when (e is ConcurrencyException or ExistingStreamIdCollisionException
                                      && attempt < Attempts && !context.Response.HasStarted)
            {
                context.Request.Body.Position = 0;
                context.Response.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(15 * attempt), context.RequestAborted);
            }
        }
    }
}
