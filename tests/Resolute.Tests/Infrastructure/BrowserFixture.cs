using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Resolute.Tests.Infrastructure;

/// <summary>The app on real Kestrel at 127.0.0.1, for a real browser.</summary>
public sealed class KestrelResoluteFactory : ResoluteFactory
{
    public KestrelResoluteFactory(Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null, Dictionary<string, string>? settings = null,
        long? maxRequestBodySize = null)
    {
        Clock = clock;
        foreach (var (key, value) in settings ?? []) Settings[key] = value;
        if (maxRequestBodySize is { } max)
            UseKestrel(o =>
            {
                o.Listen(System.Net.IPAddress.Loopback, 0);
                o.Limits.MaxRequestBodySize = max;
            });
        else UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
    }

    public string BaseUrl { get; }
}

/// <summary>The browser and the app with a clock the test moves (deadlines pass without waiting).</summary>
public sealed class ClockedBrowserFixture() : BrowserFixture(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow))
{
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time => App.Clock!;

    public DateOnly Today => Resolute.Web.Infrastructure.VietnamTime.Today(Time);
}

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download), plus the app on Kestrel, shared by one test class.
/// Each test opens its own browser context, so cookies never leak between tests.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture() : this(null) { }

    protected BrowserFixture(Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock) => App = new(clock);

    public KestrelResoluteFactory App { get; }
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright? _playwright;

    public static string OutputDir
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("RESOLUTE_TEST_OUTPUT") ?? Path.Combine(Path.GetTempPath(), "resolute-test-output");
            return Path.Combine(dir, "screenshots");
        }
    }

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768, string locale = "vi-VN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task SignInAsync(IPage page, string user, string password = ResoluteFactory.Password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("form button[type=submit]");
    }

    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(OutputDir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(OutputDir, name + ".png"), FullPage = fullPage });
    }

    public virtual async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
