using Collections.Api.Security;
using Collections.Api.Tenancy;
using Collections.Domain.Contacts;
using Collections.Domain.CreditHolds;
using Collections.Domain.Tasks;
using Collections.Tests.Support;
using Marten;
using OpenQA.Selenium;

namespace Collections.Tests.Dashboard;

/// <summary>
/// Signing in through the development form, and what each role is shown and offered (docs/security.md's table):
/// actions only to the roles the API lets take them, carried out by the real API, recorded with the person's id.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class RolesOnTheDashboard(DashboardFixture fixture, ITestOutputHelper output)
{
    private HeadlessChromium Browser => fixture.Browser;
    private string BaseUrl => fixture.Server.BaseUrl;

    private static string AccountRoute(string number) => $"/dashboard/#/account/{number}";

    [Fact]
    public async Task a_collector_works_their_own_account_from_the_page_but_not_another_collectors_and_never_holds()
    {
        var own = await fixture.Account("amy.chen", openTask: true);
        var others = await fixture.Account("ben.okafor", openTask: true);

        Browser.SignIn(BaseUrl, Roles.Collector, "Amy Chen", AccountRoute(own), "account");
        Browser.Find("signed-in-name").Text.ShouldBe("Amy Chen");
        Browser.Find("signed-in-role").Text.ShouldBe("collector");
        Browser.FindAll("log-contact").Count.ShouldBe(1);
        Browser.FindAll("complete-task").Select(f => f.GetAttribute("data-task-id")).ShouldBe([$"{own}:T-1"]);
        HoldActions().ShouldBe(0);

        Fill("log-contact", "summary", "Spoke to Alex: payment run on Friday");
        Browser.Find("log-contact").FindElement(By.CssSelector("select[name='outcome'] option[value='promisedToPay']")).Click();
        Browser.Find("log-contact-submit").Click();
        Browser.WaitUntil("document.querySelector(\"[data-testid='timeline-entry'][data-type='ContactLogged']\")");

        Fill("complete-task", "note", "Called, they pay on Friday");
        Browser.Find("complete-task-submit").Click();
        Browser.WaitUntil("document.querySelector(\"[data-testid='timeline-entry'][data-type='CollectionTaskCompleted']\")");
        Browser.FindAll("complete-task").Count.ShouldBe(0);

        var stream = await Stream(own);
        stream.Select(e => e.Data).OfType<ContactLogged>().Single().ShouldSatisfyAllConditions(
            c => c.LoggedBy.ShouldBe("amy.chen"), c => c.Outcome.ShouldBe(ContactOutcome.PromisedToPay),
            c => c.Summary.ShouldBe("Spoke to Alex: payment run on Friday"));
        stream.Select(e => e.Data).OfType<CollectionTaskCompleted>().Single().CompletedBy.ShouldBe("amy.chen");

        Browser.Open(BaseUrl + AccountRoute(others));
        Browser.WaitForView("account");
        Browser.FindAll("account-actions").Count.ShouldBe(0);
        Browser.FindAll("timeline-entry").Count.ShouldBeGreaterThan(0, "the account itself is still shown: collectors read the book");
    }

    [Fact]
    public async Task an_auditor_sees_the_overview_queues_and_accounts_and_is_offered_no_action()
    {
        var held = await fixture.Account("carla.ruiz", onHold: true, openTask: true);

        Browser.SignIn(BaseUrl, Roles.Auditor, "Avery Audit");
        Browser.FindAll("aging-totals").Count.ShouldBe(1);
        Browser.FindAll("collector-row").Count.ShouldBeGreaterThan(0);

        Browser.Open($"{BaseUrl}/dashboard/#/queue/carla.ruiz");
        Browser.WaitForView("queue");
        Browser.FindAll("queue-item").Count.ShouldBeGreaterThan(0);

        Browser.Open(BaseUrl + AccountRoute(held));
        Browser.WaitForView("account");
        Browser.Find("credit-hold").Text.ShouldContain("Held for the test");
        Browser.FindAll("account-actions").Count.ShouldBe(0);
        Browser.Script<long>("return document.querySelectorAll('main form, main button').length;").ShouldBe(0);
    }

    [Fact]
    public void an_integration_user_is_told_plainly_that_the_dashboard_is_not_for_their_role()
    {
        Browser.SignIn(BaseUrl, Roles.Integration, "Billing Feed", view: "not-for-role");
        Browser.Find("not-for-role").Text.ShouldContain("this role may not read them");
        Browser.Find("signed-in-role").Text.ShouldBe("integration");
        Browser.FindAll("error").Count.ShouldBe(0);

        // A link to an account says the same, rather than showing the API's 403.
        Browser.Open($"{BaseUrl}/dashboard/#/account/ACC-00001");
        Browser.WaitForView("not-for-role");
        Browser.FindAll("account-summary").Count.ShouldBe(0);
    }

    [Fact]
    public async Task a_credit_manager_releases_a_hold_from_the_page_and_the_stream_says_who_and_a_refusal_is_shown_in_the_apis_words()
    {
        var refused = await fixture.Account("dev.patel", pastDue: true, onHold: true);
        var released = await fixture.Account("dev.patel", onHold: true);

        Browser.SignIn(BaseUrl, Roles.CreditManager, "Morgan Hale", AccountRoute(refused), "account");
        Browser.FindAll("log-contact").Count.ShouldBe(1, "a credit manager may do a collector's work on any account");
        output.WriteLine($"Screenshot: {Browser.Screenshot(ScreenshotPath("account-actions.png"))}");
        Fill("release-hold", "reason", "Customer asked nicely");
        Browser.Find("release-hold-submit").Click();
        Browser.WaitUntil("!document.querySelector(\"[data-testid='release-hold'] [data-testid='action-error']\").hidden");
        var error = Browser.Find("release-hold").FindElement(By.CssSelector("[data-testid='action-error']")).Text;
        error.ShouldContain("The account's state does not allow this");
        error.ShouldContain("is past due; only payment clears it");
        (await Stream(refused)).Select(e => e.Data).OfType<CreditHoldReleased>().ShouldBeEmpty();

        Browser.Open(BaseUrl + AccountRoute(released));
        Browser.WaitForView("account");
        Fill("release-hold", "reason", "Paid in full, orders may ship");
        Browser.Find("release-hold-submit").Click();
        // Drawn again once the read side has the release: the hold is gone and placing one is offered instead.
        Browser.WaitUntil("document.querySelector(\"[data-testid='place-hold']\")");
        Browser.Find("credit-hold").Text.ShouldBe("None");

        var release = (await Stream(released)).Last();
        var data = release.Data.ShouldBeOfType<CreditHoldReleased>();
        data.ReleasedBy.ShouldBe("morgan.hale");
        data.Reason.ShouldBe("Paid in full, orders may ship");
        release.UserName.ShouldBe("morgan.hale");
    }

    [Fact]
    public async Task signing_out_returns_to_the_form_and_an_expired_session_signs_in_again_on_the_same_route()
    {
        var account = await fixture.Account("eva.novak");
        Browser.SignIn(BaseUrl, Roles.Auditor, "Avery Audit", AccountRoute(account), "account");
        Browser.StoredToken().ShouldNotBeNull();

        Browser.Find("sign-out").Click();
        Browser.WaitForView("signin");
        Browser.StoredToken().ShouldBeNull();
        output.WriteLine($"Screenshot: {Browser.Screenshot(ScreenshotPath("sign-in.png"))}");
        Browser.FindAll("signed-in-as").Count.ShouldBe(0);
        Browser.FindAll("sign-in-form").Count.ShouldBe(1);

        Browser.FillSignIn(Roles.Auditor, "Avery Audit");
        Browser.WaitForView("account");

        // The token runs out while the page is open: the next call is refused with 401.
        var expired = Tokens.For(Roles.Auditor, "avery.audit", expiresAt: DateTimeOffset.UtcNow.AddMinutes(-5))["Bearer ".Length..];
        Browser.Script<object>($"sessionStorage.setItem('collections.token', '{expired}'); return null;");
        Browser.Find("refresh").Click();
        Browser.WaitForView("signin");
        Browser.Find("sign-in-message").Text.ShouldContain("Your session has ended");
        Browser.Url.ShouldEndWith($"#/account/{account}");

        Browser.FillSignIn(Roles.Auditor, "Avery Audit");
        Browser.WaitForView("account");
        Browser.Find("account-name").Text.ShouldBe($"Test Debtor {account} Ltd");
    }

    private static string ScreenshotPath(string file) => Path.Combine(AppContext.BaseDirectory, "screenshots", file);

    private int HoldActions() => Browser.FindAll("place-hold").Count + Browser.FindAll("release-hold").Count;

    private void Fill(string form, string field, string text)
    {
        var input = Browser.Find(form).FindElement(By.CssSelector($"[name='{field}']"));
        input.Clear();
        input.SendKeys(text);
    }

    private async Task<IReadOnlyList<JasperFx.Events.IEvent>> Stream(string accountNumber)
    {
        await using var session = fixture.Store.QuerySession(Tenants.Default);
        return await session.Events.FetchStreamAsync(accountNumber);
    }
}
