using Microsoft.Playwright;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Browser;

public class DocumentsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Search_OpenResolution15_AndWalkItsLineage()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "lanhdao");
        await page.ClickAsync("nav.sidebar >> text=Văn bản");
        await page.FillAsync("input[name=q]", "doi moi phuong thuc lanh dao");
        await page.ClickAsync("form[role=search] button");
        await Assertions.Expect(page.GetByTestId("document-table")).ToContainTextAsync("đổi mới phương thức lãnh đạo");
        await BrowserFixture.ScreenshotAsync(page, "documents-search", fullPage: false);

        await page.FillAsync("input[name=q]", "15-NQ/TW");
        await page.ClickAsync("form[role=search] button");
        await page.ClickAsync("[data-testid=document-table] a:text-is('15-NQ/TW')");
        await Assertions.Expect(page.GetByTestId("document-symbol")).ToContainTextAsync("15-NQ/TW");
        await page.ClickAsync("[data-testid=lineage-link]");
        await Assertions.Expect(page.GetByTestId("by-level")).ToContainTextAsync("Huyện, quận");
        var total = int.Parse((await page.GetByTestId("lineage-total").InnerTextAsync()).Replace(".", "").Replace(",", ""));
        Assert.True(total > 500);
        await BrowserFixture.ScreenshotAsync(page, "document-lineage", fullPage: false);
    }

    [Fact]
    public async Task Register_WithCitation_ThenLinkFromSuggestion()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "vanphong");
        await page.GotoAsync("/Documents/Create");
        await page.FillAsync("#Input_Symbol", "15-NQ/TW");
        await page.SelectOptionAsync("#Input_TypeId", new SelectOptionValue { Label = "Kế hoạch (KH)" });
        await page.FillAsync("#Input_IssuerCode", "TU-HN");
        await page.FillAsync("#Input_IssuedOn", "2025-12-01");
        await page.FillAsync("#Input_Summary", "Kế hoạch thực hiện Nghị quyết số 15-NQ/TW ngày 30/7/2007");
        await page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(page.GetByText("không khớp loại văn bản", new() { Exact = false })).ToBeVisibleAsync();

        var number = Random.Shared.Next(500, 999);
        await page.FillAsync("#Input_Symbol", $"{number}-KH/TU");
        await page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(page.GetByTestId("document-symbol")).ToContainTextAsync($"{number}-KH/TU");
        await Assertions.Expect(page.GetByTestId("suggestion")).ToContainTextAsync("15-NQ/TW");
        await page.ClickAsync("[data-testid=suggestion] button");
        await Assertions.Expect(page.GetByTestId("relations-up")).ToContainTextAsync("15-NQ/TW");
    }
}
