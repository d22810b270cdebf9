using System.Text.RegularExpressions;
using Alba;
using Collections.Tests.Support;

namespace Collections.Tests.Edge;

/// <summary>
/// The headers every answer carries, the Content-Security-Policy of each kind of page, and no caching of
/// anything under /api (personal and financial data).
/// </summary>
public sealed class SecurityHeaders(AppFixture fixture) : ApiContext(fixture)
{
    private async Task<(int Status, Dictionary<string, string> Headers, string Body)> Get(string url, string? authorization = null)
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url(url);
            if (authorization is not null) x.WithRequestHeader("Authorization", authorization);
            x.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode,
            result.Context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await result.ReadAsTextAsync());
    }

    private static void ShouldCarryTheCommonHeaders(Dictionary<string, string> headers, string what)
    {
        headers["X-Content-Type-Options"].ShouldBe("nosniff", what);
        headers["Referrer-Policy"].ShouldBe("no-referrer", what);
        headers["X-Frame-Options"].ShouldBe("DENY", what);
        headers["Content-Security-Policy"].ShouldContain("frame-ancestors 'none'", Case.Sensitive, what);
        headers.ShouldNotContainKey("Server", what);
    }

    [Fact]
    public async Task every_api_answer_may_run_nothing_and_is_never_cached()
    {
        await OpenAccount();
        var answers = new Dictionary<string, (int Status, Dictionary<string, string> Headers, string Body)>
        {
            ["an account"] = await Get(AccountUrl),
            ["its events"] = await Get($"{AccountUrl}/events"),
            ["an unknown account"] = await Get("/api/accounts/NO-SUCH-1"),
            ["a refused query"] = await Get($"{AccountUrl}?asOf=yesterday"),
            ["a caller without credentials"] = await Get(AccountUrl, authorization: ""),
            ["the obligations"] = await Get("/api/obligations")
        };
        answers.Values.Select(a => a.Status).ShouldBe([200, 200, 404, 400, 401, 200]);
        foreach (var (what, (_, headers, _)) in answers)
        {
            ShouldCarryTheCommonHeaders(headers, what);
            headers["Content-Security-Policy"].ShouldBe("default-src 'none'; frame-ancestors 'none'", what);
            headers["Cache-Control"].ShouldBe("no-store", what);
        }
    }

    [Fact]
    public async Task health_and_the_documents_carry_them_too()
    {
        foreach (var url in new[] { "/health", "/openapi/v1.json", "/asyncapi.json", "/no/such/page" })
        {
            var (_, headers, _) = await Get(url);
            ShouldCarryTheCommonHeaders(headers, url);
            headers["Content-Security-Policy"].ShouldStartWith("default-src 'none'", Case.Sensitive, url);
        }
    }

    [Fact]
    public async Task the_dashboard_may_run_only_its_own_files_and_has_no_inline_code()
    {
        var (status, headers, html) = await Get("/dashboard/");
        status.ShouldBe(200);
        ShouldCarryTheCommonHeaders(headers, "the dashboard");
        var csp = headers["Content-Security-Policy"];
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldContain("style-src 'self';");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldNotContain("unsafe");

        // What that policy would refuse must not be in the page: inline scripts, handlers, style attributes.
        Regex.Matches(html, @"<script\b(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase).ShouldBeEmpty("no inline <script>");
        Regex.Matches(html, @"\son\w+\s*=", RegexOptions.IgnoreCase).ShouldBeEmpty("no inline event handlers");
        Regex.Matches(html, @"\sstyle\s*=|<style\b", RegexOptions.IgnoreCase).ShouldBeEmpty("no inline styles");
    }

    [Fact]
    public async Task the_reference_page_may_run_its_inline_start_but_load_nothing_from_elsewhere()
    {
        var (status, headers, html) = await Get("/reference/");
        status.ShouldBe(200);
        html.ShouldContain("<script type=\"module\">", Case.Sensitive, "Scalar starts itself inline: hence its own policy");
        ShouldCarryTheCommonHeaders(headers, "the reference page");
        var csp = headers["Content-Security-Policy"];
        csp.ShouldContain("script-src 'self' 'unsafe-inline'");
        csp.ShouldContain("connect-src 'self'");
        csp.ShouldNotContain("http");
        html.ShouldNotContain("fonts.scalar.com");
    }
}
