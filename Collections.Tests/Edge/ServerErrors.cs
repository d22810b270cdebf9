using Alba;
using Collections.Api.Security;
using Collections.Tests.Api;
using Collections.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collections.Tests.Edge;

/// <summary>
/// An exception nobody foresaw, whose text names a server, a password, a statement, a type and a file
/// (<see cref="EdgeHost.FaultMessage"/>): the caller hears a plain 500 that names none of them, whatever it
/// accepts, even in Development (the test host's environment), where ASP.NET Core would show a stack trace.
/// </summary>
[Collection(EdgeCollection.Name)]
public sealed class ServerErrors(EdgeHost edge)
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("text/html")]
    [InlineData("*/*")]
    public async Task an_unforeseen_failure_is_a_500_that_names_nothing_internal(string accept)
    {
        edge.Host.Services.GetRequiredService<IHostEnvironment>().IsDevelopment().ShouldBeTrue();
        var hold = WriteEndpoint.Named("place credit hold");
        var result = await edge.Host.Scenario(x =>
        {
            x.Post.Text(hold.ValidBody).ToUrl(hold.Url("ERR-1"));
            x.WithRequestHeader("Content-Type", "application/json");
            x.WithRequestHeader("Accept", accept);
            x.WithRequestHeader("Authorization", Tokens.For(Roles.Admin, $"fault-{accept}", tenant: EdgeHost.North));
            x.WithRequestHeader(EdgeHost.FaultHeader, "1");
            x.IgnoreStatusCode();
        });

        var response = result.Context.Response;
        var body = await result.ReadAsTextAsync();
        response.StatusCode.ShouldBe(500, body);
        body.ShouldNameNothingInternal(context: $"a 500 for Accept: {accept}");
        string.Join("\n", response.Headers.Select(h => $"{h.Key}: {h.Value}")).ShouldNameNothingInternal(context: "its headers");
        response.Headers["X-Content-Type-Options"].ToString().ShouldBe("nosniff");
        if (response.ContentType?.StartsWith("application/problem+json") == true)
            body.ShouldContain("\"title\":\"The request failed\"");
    }
}
