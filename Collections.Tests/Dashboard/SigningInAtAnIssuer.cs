using Collections.Tests.Support;
using OpenQA.Selenium;

namespace Collections.Tests.Dashboard;

/// <summary>
/// The dashboard configured for an OpenID Connect issuer (<c>Collections:Auth:Authority</c>): it signs in with the
/// authorization code flow and PKCE at a real issuer, the API accepts the issuer's token, and sign-out ends the
/// issuer's session and returns to the sign-in.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SigningInAtAnIssuer : IAsyncLifetime
{
    private TestIssuer _issuer = null!;
    private DashboardServer _server = null!;
    private HeadlessChromium _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestIssuer.Start();
        _server = await DashboardServer.Start(await TestDatabase.Recreate("dashboard_issuer"), new TestClock(),
            new Dictionary<string, string?>
            {
                ["Collections:Auth:Authority"] = _issuer.Url,
                ["Collections:Auth:Audience"] = TestIssuer.Audience,
                ["Collections:Auth:RequireHttpsMetadata"] = "false",
                ["Collections:Auth:DashboardClientId"] = TestIssuer.ClientId,
            });
        await _issuer.RegisterDashboard($"{_server.BaseUrl}/dashboard/");
        _browser = new HeadlessChromium();
    }

    [Fact]
    public void the_dashboard_signs_in_at_the_issuer_with_a_code_and_pkce_and_lands_on_the_route_it_left()
    {
        _browser.Open($"{_server.BaseUrl}/dashboard/#/queue/amy.chen");
        _browser.WaitForView("signin");
        _browser.FindAll("sign-in-name").Count.ShouldBe(0, "no development form with an issuer");
        _browser.Find("sign-in-issuer").Click();

        _browser.WaitUntil("document.getElementById('issuer-sign-in')");
        _browser.Url.ShouldStartWith($"{_issuer.Url}/connect/authorize?");
        _browser.FindElement(By.Id("display_name")).SendKeys("Jordan Lee");
        _browser.FindElement(By.Id("user")).SendKeys("jordan.lee");
        _browser.FindElement(By.CssSelector("#role option[value='credit-manager']")).Click();
        _browser.FindElement(By.Id("issuer-submit")).Click();

        // Back with a code, traded for tokens (with the PKCE verifier); the API accepted the access token.
        _browser.WaitForView("queue");
        _browser.Url.ShouldBe($"{_server.BaseUrl}/dashboard/#/queue/amy.chen");
        _browser.Find("signed-in-name").Text.ShouldBe("Jordan Lee");
        _browser.Find("signed-in-role").Text.ShouldBe("credit-manager");
        _issuer.ChallengeMethods.ShouldBe(["S256"]);

        _browser.Find("sign-out").Click();
        _browser.WaitForView("signin");
        _browser.Url.ShouldBe($"{_server.BaseUrl}/dashboard/");
        _issuer.EndedSessions.ShouldBe(1, "signing out ends the session at the issuer too");
        _browser.Script<long>("return Object.keys(sessionStorage).filter(k => k.startsWith('oidc.user:')).length;").ShouldBe(0);
    }

    public async ValueTask DisposeAsync()
    {
        _browser?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (_issuer is not null) await _issuer.DisposeAsync();
    }
}
