using System.Text.RegularExpressions;

namespace Collections.Api.Edge;

/// <summary>
/// The last look at every problem details answer before it is written (ASP.NET Core's
/// <c>CustomizeProblemDetails</c>, which every writer calls: the exception handler, the developer exception page,
/// status code pages, <c>Results.Problem</c>, Wolverine's own refusals). What it says must name the field at fault,
/// never a .NET type, an exception, a statement, a file or a server: those are for the logs, under the same traceId.
/// </summary>
public static partial class ProblemDetailsHygiene
{
    /// <summary>Wolverine's title for a query value that does not parse (<c>RejectUnparseableQueryValues</c>).</summary>
    private const string UnparseableQueryValue = "Invalid query string value";

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        // The developer exception page's stack trace, headers and route (Development only, but never in an answer).
        problem.Extensions.Remove("exception");

        // An exception nobody turned into an answer of its own (the exception handler's 500, the developer page's).
        if (context.Exception is not null && problem.Status >= 500)
        {
            problem.Title = "The request failed";
            problem.Detail = "Something went wrong inside the service; nothing of it is shown here. Its log has the " +
                             "details under this answer's traceId.";
            return;
        }

        if (problem.Title == UnparseableQueryValue && problem.Extensions.TryGetValue("parameter", out var name) && name is string parameter)
        {
            // Wolverine's text ends with the .NET type ("…to the expected type System.DateTimeOffset"): say it in words.
            var type = QueryValueProblem().Match(problem.Detail ?? "") is { Success: true } m ? m.Groups[1].Value : "";
            var message = Expected(type);
            problem.Detail = $"{parameter}: {message}";
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [message] };
        }
    }

    private static string Expected(string type) => type.Replace("System.", "") switch
    {
        "DateTimeOffset" or "DateTime" => "must be an instant (ISO 8601 with an offset, e.g. 2026-11-23T09:15:00Z).",
        "DateOnly" => "must be a date (yyyy-MM-dd).",
        "int" or "long" or "short" or "uint" or "ulong" or "Int32" or "Int64" => "must be a whole number within range.",
        "decimal" or "double" or "float" or "Decimal" or "Double" => "must be a number.",
        "bool" or "Boolean" => "must be true or false.",
        "Guid" => "must be a UUID.",
        _ => "does not have the expected form."
    };

    [GeneratedRegex(@"cannot be parsed to the expected type (\S+)$")]
    private static partial Regex QueryValueProblem();
}
