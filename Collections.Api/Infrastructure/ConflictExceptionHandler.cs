using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;

namespace Collections.Api.Infrastructure;

/// <summary>
/// Another writer appended to the stream between our read and our commit, again and again (see
/// <see cref="ConcurrencyRetry"/>): nothing of ours was written, and the caller hears 409 so it can re-read and retry.
/// </summary>
public sealed class ConflictExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken token)
    {
        if (exception is not (ConcurrencyException or ExistingStreamIdCollisionException)) return false;

        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The account changed while this request was processed",
                Detail = "Another change to the account was committed first; nothing was written. Re-read the account and retry.",
                Extensions = { ["errors"] = new Dictionary<string, string[]> { ["expectedVersion"] = ["is stale."] } }
            }
        });
    }
}
