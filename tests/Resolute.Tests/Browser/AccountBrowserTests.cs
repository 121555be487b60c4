using Microsoft.Playwright;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Browser;

public class AccountBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignIn_WrongPassword_ThenThrottledFromThisComputerAfterFiveFailures()
    {
        var user = await browser.App.CreateUserAsync(ScopeRole.Reporter, "P-HOANKIEM");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, user, "Sai-mat-khau-1");
        await Assertions.Expect(page.GetByTestId("signin-error")).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        for (var i = 0; i < 4; i++) await browser.SignInAsync(page, user, "Sai-mat-khau-1");

        // From this address, even the right password waits; the account itself is not locked (tested over HTTP from
        // another address in SignInTests).
        await browser.SignInAsync(page, user);
        await Assertions.Expect(page.GetByTestId("signin-error")).ToContainTextAsync("Đăng nhập sai quá nhiều lần từ máy này");
        await BrowserFixture.ScreenshotAsync(page, "sign-in-throttled");
    }

    [Fact]
    public async Task TwoFactor_EnableOnProfile_ThenSignInAsksForCode()
    {
        var user = await browser.App.CreateUserAsync(ScopeRole.Leader, "TU-HN");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, user);
        await page.GotoAsync("/Account/Profile");
        await page.ClickAsync("text=Bật xác thực hai bước");
        var key = await page.GetByTestId("authenticator-key").InnerTextAsync();
        await page.FillAsync("#TwoFactorCode", "000000");
        await page.ClickAsync("text=Xác nhận và bật");
        await Assertions.Expect(page.GetByText("Mã xác thực không đúng hoặc đã hết hạn.")).ToBeVisibleAsync();
        await page.FillAsync("#TwoFactorCode", Totp.Code(key, DateTime.UtcNow));
        await page.ClickAsync("text=Xác nhận và bật");
        await Assertions.Expect(page.Locator(".alert.ok")).ToContainTextAsync("Đã bật xác thực hai bước");

        await page.ClickAsync("header >> text=Đăng xuất");
        await browser.SignInAsync(page, user);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Xác thực hai bước");
        await page.FillAsync("#Code", "123456");
        await page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(page.Locator(".validation-summary-errors")).ToContainTextAsync("Mã xác thực không đúng");
        // The next time step's code: accepted within the allowed clock drift, and never the one just used.
        await page.FillAsync("#Code", Totp.Code(key, DateTime.UtcNow.AddSeconds(30)));
        await page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync(user);
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn()
    {
        var user = await browser.App.CreateUserAsync(ScopeRole.Reporter, "P-CUANAM");
        var admin = await browser.NewPageAsync();
        await browser.SignInAsync(admin, "admin");
        await admin.GotoAsync("/Admin");
        await admin.ClickAsync($"[data-testid=toggle-{user}]");
        await Assertions.Expect(admin.Locator(".alert.ok")).ToContainTextAsync("Đã khóa tài khoản");

        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, user);
        // The same words as a wrong password: the page does not tell which accounts exist or are disabled.
        await Assertions.Expect(page.GetByTestId("signin-error")).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
    }
}
