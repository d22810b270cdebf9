using OpenQA.Selenium;

namespace Collections.Tests.Dashboard;

/// <summary>Signing in the way a person does on a development installation: the dashboard's sign-in form.</summary>
public static class DashboardSignInSteps
{
    /// <summary>
    /// Starts signed out, opens <paramref name="address"/> (a path under the server, with its hash route), signs in
    /// through the form, and waits for <paramref name="view"/> drawn for that same route.
    /// </summary>
    public static void SignIn(this HeadlessChromium browser, string baseUrl, string role, string name,
        string address = "/dashboard/", string view = "overview")
    {
        browser.SignOutByForgetting(baseUrl);
        browser.Open(baseUrl + address);
        browser.WaitForView("signin");
        browser.FillSignIn(role, name);
        browser.WaitForView(view);
    }

    public static void FillSignIn(this HeadlessChromium browser, string role, string name)
    {
        browser.Find("sign-in-role").FindElement(By.CssSelector($"option[value='{role}']")).Click();
        var field = browser.Find("sign-in-name");
        field.Clear();
        field.SendKeys(name);
        browser.Find("sign-in-submit").Click();
    }

    /// <summary>Drops the token the tab keeps (sessionStorage) and leaves the page, so the next page starts afresh.</summary>
    public static void SignOutByForgetting(this HeadlessChromium browser, string baseUrl)
    {
        browser.Open($"{baseUrl}/auth/config");
        browser.Script<object>("sessionStorage.clear(); return null;");
        browser.Open("about:blank");
    }

    /// <summary>The token the dashboard keeps for development and pasted sign-ins.</summary>
    public static string? StoredToken(this HeadlessChromium browser) =>
        browser.Script<string?>("return sessionStorage.getItem('collections.token');");
}
