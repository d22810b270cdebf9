using System.Text.RegularExpressions;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Collections.Api.Operations;

/// <summary>
/// The dead-letter list shows an operator why each message failed (its exception's type and message), but not
/// where the service's servers are: the database's URI is left out, and an address, a connection string's
/// settings or a URI with credentials in an exception message are replaced by a placeholder. The log keeps them.
/// </summary>
public sealed partial class DeadLetterRedaction : IEndpointFilter
{
    public const string Placeholder = "(redacted)";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is not IReadOnlyList<DeadLetterEnvelopeResults> pages) return result;
        foreach (var page in pages)
        {
            page.DatabaseUri = null;
            page.Envelopes = page.Envelopes.Select(Redacted).ToList();
        }

        return pages;
    }

    private static DeadLetterEnvelope Redacted(DeadLetterEnvelope e)
    {
        foreach (var (key, value) in e.Envelope.Headers.ToList())
            if (value is not null) e.Envelope.Headers[key] = Redact(value);
        return new DeadLetterEnvelope(e.Id, e.ExecutionTime, e.Envelope, e.MessageType, e.ReceivedAt, e.Source, e.ExceptionType,
            Redact(e.ExceptionMessage), e.SentAt, e.Replayable) { Message = e.Message };
    }

    public static string Redact(string text)
    {
        var settings = Setting().Replace(text, m => $"{m.Groups[1].Value}={Placeholder}");
        return Address().Replace(Uri().Replace(settings, Placeholder), Placeholder);
    }

    /// <summary>A connection string's settings that locate or open a server.</summary>
    [GeneratedRegex(@"\b(Host|Server|Port|Username|User ID|Uid|Password|Pwd|Database|Data Source)\s*=\s*[^;\s)]*", RegexOptions.IgnoreCase)]
    private static partial Regex Setting();

    /// <summary>A URI that names a server (amqp://guest:guest@host:5672/, postgresql://…); Wolverine's local:// queues are not servers.</summary>
    [GeneratedRegex(@"\b(?:amqps?|postgres(?:ql)?|wolverinedb|tcp|https?)://[^\s""',;)]+", RegexOptions.IgnoreCase)]
    private static partial Regex Uri();

    /// <summary>An IPv4 or bracketed IPv6 address, or a host name with a port (db.internal:5432, not 09:15:00).</summary>
    [GeneratedRegex(@"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b|\[[0-9A-Fa-f.]*:[0-9A-Fa-f:.]+\](?::\d{1,5})?|\b(?:localhost|[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+):\d{2,5}\b")]
    private static partial Regex Address();
}
