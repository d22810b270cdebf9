using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Collections.Tests.Dashboard;

/// <summary>
/// Debian's chromium and chromedriver (apt-get install chromium chromium-driver), named by path so that
/// Selenium Manager never looks for, or downloads, a browser or driver of its own.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    private const string BrowserPath = "/usr/bin/chromium";
    private const string DriverDirectory = "/usr/bin";
    private const string DriverFile = "chromedriver";

    private readonly string _profile = Directory.CreateTempSubdirectory("collections-chromium-").FullName;
    private readonly ChromeDriver _driver;

    public HeadlessChromium()
    {
        if (!File.Exists(BrowserPath) || !File.Exists(Path.Combine(DriverDirectory, DriverFile)))
            throw new InvalidOperationException(
                $"Needs {BrowserPath} and {DriverDirectory}/{DriverFile}: apt-get install chromium chromium-driver");
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");

        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, DriverFile);
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--window-size=1280,900", $"--user-data-dir={_profile}");
        // The console, for what the page's Content-Security-Policy refused.
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public string Url => _driver.Url;

    public void Open(string url) => _driver.Navigate().GoToUrl(url);

    /// <summary>
    /// Waits until the page has drawn <paramref name="name"/> for the address now in the location bar: #view's
    /// data-ready names the view on screen, data-shown the address it was drawn for.
    /// </summary>
    public void WaitForView(string name) => Wait($"view '{name}'", TimeSpan.FromSeconds(20),
        $"const view = document.getElementById('view'); return !!view && view.dataset.ready === '{name}' && view.dataset.shown === location.hash;");

    /// <summary>Waits until a JavaScript expression is true on the page (an action's answer drawn, a form gone).</summary>
    public void WaitUntil(string condition, TimeSpan? timeout = null) =>
        Wait(condition, timeout ?? TimeSpan.FromSeconds(20), $"return !!({condition});");

    /// <summary>A timeout says where the browser was and what it showed, not only that time ran out.</summary>
    private void Wait(string what, TimeSpan timeout, string script)
    {
        try
        {
            new WebDriverWait(_driver, timeout).Until(_ => Script<bool>(script));
        }
        catch (WebDriverTimeoutException timedOut)
        {
            var text = Script<string>("return document.body ? document.body.innerText : '';");
            throw new WebDriverTimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; at {Url} the page shows: {text[..Math.Min(text.Length, 600)]}", timedOut);
        }
    }

    public IWebElement Find(string testId) => _driver.FindElement(ByTestId(testId));

    /// <summary>For pages that are not the dashboard's (an issuer's sign-in page).</summary>
    public IWebElement FindElement(By by) => _driver.FindElement(by);

    public IReadOnlyList<IWebElement> FindAll(string testId) => _driver.FindElements(ByTestId(testId));

    public T Script<T>(string javascript) => (T)_driver.ExecuteScript(javascript)!;

    /// <summary>What the page logged to the console since the last call (each entry is read once).</summary>
    public IReadOnlyList<string> ConsoleMessages() => _driver.Manage().Logs.GetLog(LogType.Browser).Select(e => $"{e.Level}: {e.Message}").ToList();

    /// <summary>Waits until <paramref name="condition"/> (JavaScript returning a boolean) holds.</summary>
    public void WaitUntil(string condition) =>
        new WebDriverWait(_driver, TimeSpan.FromSeconds(20)).Until(_ => Script<bool>($"return Boolean({condition});"));

    public string Screenshot(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    private static By ByTestId(string testId) => By.CssSelector($"[data-testid='{testId}']");

    public void Dispose()
    {
        _driver.Quit();
        Directory.Delete(_profile, recursive: true);
    }
}
