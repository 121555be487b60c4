using Microsoft.Playwright;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Browser;

public class OrganisationTreeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignIn_ThenWalkTree_FromCityToWardBodies()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await browser.SignInAsync(page, "admin");
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Quản trị hệ thống");

        await page.ClickAsync("nav.sidebar >> text=Đơn vị");
        // Admin holds two roots (the city and the Central bodies): both are listed; open the city.
        await page.ClickAsync("[data-testid=unit-table] >> text=Thành ủy Hà Nội");
        await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("Thành ủy Hà Nội");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đảng ủy phường Hoàn Kiếm");
        await BrowserFixture.ScreenshotAsync(page, "organisation-tree", fullPage: false);

        await page.ClickAsync("[data-testid=unit-table] >> text=Đảng ủy phường Hoàn Kiếm");
        await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("Đảng ủy phường Hoàn Kiếm");
        await Assertions.Expect(page.GetByTestId("breadcrumb")).ToContainTextAsync("Thành ủy Hà Nội");
        await Assertions.Expect(page.GetByTestId("predecessors")).ToContainTextAsync("Quận ủy Hoàn Kiếm");
        await page.ClickAsync("[data-testid=unit-table] >> text=Ủy ban MTTQ phường Hoàn Kiếm");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đoàn Thanh niên phường Hoàn Kiếm");
        await BrowserFixture.ScreenshotAsync(page, "organisation-ward");

        await page.ClickAsync("[data-testid=breadcrumb] >> text=Thành ủy Hà Nội");
        await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("Thành ủy Hà Nội");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Search_WithoutDiacritics_FindsWard()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin");
        await page.GotoAsync("/Organisations");
        await page.FillAsync("input[name=q]", "hoan kiem");
        await page.ClickAsync("form[role=search] button");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đảng ủy phường Hoàn Kiếm");
    }

    [Fact]
    public async Task DissolvedDistrict_ShowsSuccessor()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin");
        await page.GotoAsync("/Organisations?q=quan%20uy%20ba%20dinh&ended=true");
        await page.ClickAsync("[data-testid=unit-table] >> text=Quận ủy Ba Đình");
        await Assertions.Expect(page.GetByTestId("successor")).ToHaveTextAsync("Đảng ủy phường Ba Đình");
    }

    [Fact]
    public async Task MoveUnderOwnDescendant_ShowsVietnameseMessage()
    {
        var office = await browser.App.CreateUserAsync(ScopeRole.Office, "P-THANHXUAN");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, office);
        await page.GotoAsync("/Organisations");
        await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("Đảng ủy phường Thanh Xuân");
        await page.ClickAsync("a.btn:text-is(\"Chuyển\")");
        await page.FillAsync("#ParentCode", "P-THANHXUAN-UBND");
        await page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(page.Locator(".field-error")).ToContainTextAsync("là đơn vị cấp dưới của nó");
    }

    [Fact]
    public async Task CreateUnit_WithEmptyName_ShowsFieldError_ThenCreates()
    {
        var office = await browser.App.CreateUserAsync(ScopeRole.Office, "P-CAUGIAY");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, office);
        await page.GotoAsync("/Organisations");
        await page.ClickAsync("text=Thêm đơn vị trực thuộc");
        await page.SelectOptionAsync("#Input_Kind", "PartyCell");
        await page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.ShortName']")).ToHaveTextAsync("Tên ngắn không được để trống.");

        var code = "CB-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await page.FillAsync("#Input_ShortName", "Chi bộ Khu dân cư số 1");
        await page.FillAsync("#Input_Code", code);
        await page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("Chi bộ Khu dân cư số 1");
        await Assertions.Expect(page.GetByTestId("breadcrumb")).ToContainTextAsync("Đảng ủy phường Cầu Giấy");
    }

    [Fact]
    public async Task Phone_NavigationOpensFromMenuButton_AndEnglishSwitchWorks()
    {
        var page = await browser.NewPageAsync(390, 844);
        await browser.SignInAsync(page, "admin");
        await Assertions.Expect(page.Locator("nav.sidebar")).ToBeHiddenAsync();
        await page.ClickAsync("label.nav-button");
        await Assertions.Expect(page.Locator("nav.sidebar")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "phone-menu");
        await page.ClickAsync("nav.sidebar >> text=Đơn vị");
        await page.ClickAsync("text=English");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Units");
        await BrowserFixture.ScreenshotAsync(page, "phone-units-english");
        await page.ClickAsync("text=Tiếng Việt");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đơn vị");
    }

    [Fact]
    public async Task UnknownUnit_ShowsVietnamese404()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin");
        var response = await page.GotoAsync($"/Organisations?id={Guid.NewGuid()}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Không tìm thấy trang");
    }
}
