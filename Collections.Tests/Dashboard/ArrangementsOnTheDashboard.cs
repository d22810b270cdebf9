using Collections.Api.Security;
using Collections.Tests.Support;

namespace Collections.Tests.Dashboard;

/// <summary>An account's payment plan, each instalment's standing, and whether its promise holds the escalation, as the page shows them.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ArrangementsOnTheDashboard(DashboardFixture fixture, ITestOutputHelper output)
{
    private HeadlessChromium Browser => fixture.Browser;
    private string BaseUrl => fixture.Server.BaseUrl;

    [Fact]
    public async Task an_account_shows_its_payment_plan_with_each_instalment_and_a_promise_awaiting_approval_says_so()
    {
        var withPlan = await fixture.Account("amy.chen", pastDue: true, paymentPlan: true);
        var withPromise = await fixture.Account("amy.chen", pastDue: true, tokenPromise: true);

        Browser.SignIn(BaseUrl, Roles.CreditManager, "Morgan Hale", $"/dashboard/#/account/{withPlan}", "account");
        Browser.Find("payment-plan").Text.ShouldStartWith("PP-1 in place: €1,200.00 in 2 instalments, €600.00 paid; agreed by morgan.hale");
        var rows = Browser.FindAll("plan-instalment");
        rows.Select(r => r.GetAttribute("data-status")).ShouldBe(["met", "upcoming"]);
        rows[0].Text.ShouldContain("Met on");
        rows[1].Text.ShouldContain("€600.00");
        output.WriteLine($"Screenshot: {Browser.Screenshot(Path.Combine(AppContext.BaseDirectory, "screenshots", "payment-plan.png"))}");

        Browser.Open($"{BaseUrl}/dashboard/#/account/{withPromise}");
        Browser.WaitUntil($"document.querySelector(\"[data-testid='account-name']\")?.textContent.includes('{withPromise}')");
        Browser.Find("promise").Text.ShouldContain("The escalation goes on until a credit manager approves it.");
        Browser.FindAll("plan-instalments").Count.ShouldBe(0);
        Browser.Find("payment-plan").Text.ShouldBe("None");
    }
}
