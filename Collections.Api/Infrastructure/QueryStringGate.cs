namespace Collections.Api.Infrastructure;

/// <summary>
/// Query values follow the rule of every string in a body: no control characters. A NUL would otherwise reach
/// PostgreSQL, which refuses it in text (a 500); the caller hears 400 naming the parameter, before any endpoint runs.
/// </summary>
public sealed class QueryStringGate(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            foreach (var (name, values) in context.Request.Query)
                if (name.Any(char.IsControl) || values.Any(v => v is not null && v.Any(char.IsControl)))
                {
                    var field = new string(name.Where(c => !char.IsControl(c)).ToArray());
                    const string message = "must not contain control characters.";
                    return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
                        title: "Invalid query string value", detail: $"{field}: {message}").ExecuteAsync(context);
                }

        return next(context);
    }
}
