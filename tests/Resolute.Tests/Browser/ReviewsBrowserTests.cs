using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Browser;

/// <summary>
/// A review end to end in the browser: the city opens it and sends the outline to three wards; two submit, the third
/// is late and reminded; the city accepts, consolidates, exports the official .docx and registers the report.
/// </summary>
public class ReviewsBrowserTests(ClockedBrowserFixture browser) : IClassFixture<ClockedBrowserFixture>
{
    private async Task WriteAndSubmitAsync(IPage page, string title, string result, string limitation, int inspections)
    {
        await page.GotoAsync("/Reviews");
        await page.ClickAsync($"[data-testid=review-list] a:text-is('{title}')");
        await page.ClickAsync("[data-testid=open-report]");
        await page.FillAsync("textarea[data-section=results]", result);
        await page.FillAsync("textarea[data-section=limitations]", limitation);
        await page.FillAsync("input[data-figure=reported-1]", inspections.ToString());
        await page.ClickAsync("[data-testid=report-save]");
        await Assertions.Expect(page.GetByTestId("report-message")).ToContainTextAsync("Đã lưu bản nháp");
        await Assertions.Expect(page.GetByTestId("unit-status")).ToHaveTextAsync("Đang soạn");
        await page.ClickAsync("[data-testid=report-submit]");
        await Assertions.Expect(page.GetByTestId("report-message")).ToContainTextAsync("Đã gửi báo cáo");
        await Assertions.Expect(page.GetByTestId("unit-status")).ToHaveTextAsync("Đã gửi, chờ xem xét");
    }

    [Fact]
    public async Task Open_Send_TwoSubmit_OneLateAndReminded_Accept_Consolidate_Export_Register()
    {
        var title = "Sơ kết công tác kiểm tra, giám sát " + Random.Shared.Next(1000, 9999);
        await browser.App.CreateUserAsync(ScopeRole.Reporter, "P-BADINH", "badinh-" + title[^4..]);

        var office = await browser.NewPageAsync();
        await browser.SignInAsync(office, "vanphong");
        await office.ClickAsync("nav.sidebar >> text=Sơ kết, tổng kết");
        await office.ClickAsync("[data-testid=review-new]");
        await office.SelectOptionAsync("#Input_Kind", "Preliminary");
        await office.FillAsync("#Input_Title", title);
        await office.FillAsync("#Input_SubjectSymbol", "10-CTr/TU");
        await office.FillAsync("#Input_PeriodFrom", browser.Today.AddYears(-1).ToString("yyyy-MM-dd"));
        await office.FillAsync("#Input_PeriodTo", browser.Today.ToString("yyyy-MM-dd"));
        await office.FillAsync("#Input_Deadline", browser.Today.AddDays(3).ToString("yyyy-MM-dd"));
        await office.FillAsync("#Input_ReportedFigures", "Số cuộc kiểm tra | cuộc");
        await office.FillAsync("[data-testid=recipient-codes]", "P-HOANKIEM\nP-CUANAM\nP-BADINH");
        await office.ClickAsync("[data-testid=review-send]");
        await Assertions.Expect(office.GetByTestId("review-message")).ToContainTextAsync("Đã gửi đề cương cho 3 đơn vị");
        await Assertions.Expect(office.Locator("[data-testid=review-units] [data-testid=unit-status]")).ToHaveTextAsync(["Chưa thực hiện", "Chưa thực hiện", "Chưa thực hiện"]);
        var detailsUrl = office.Url;

        // Two wards write and submit; each sees only its own report.
        var hoanKiem = await browser.NewPageAsync();
        await browser.SignInAsync(hoanKiem, "hoankiem");
        await WriteAndSubmitAsync(hoanKiem, title, "Ban hành kế hoạch kiểm tra 12 chi bộ\nHoàn thành kiểm tra 10 chi bộ", "Kiểm tra chuyên đề còn ít", 10);
        var cuaNam = await browser.NewPageAsync(390, 844);
        await browser.SignInAsync(cuaNam, "cuanam");
        await WriteAndSubmitAsync(cuaNam, title, "Kiểm tra 8 chi bộ, giám sát 4 đảng viên", "Chưa theo dõi kết quả sau kiểm tra", 8);
        await BrowserFixture.ScreenshotAsync(cuaNam, "review-unit-report-phone");
        await cuaNam.GotoAsync(detailsUrl);
        await Assertions.Expect(cuaNam.Locator("[data-testid=review-units] tbody tr")).ToHaveCountAsync(1);

        // The deadline passes: Ba Đình is late, and the office reminds it.
        browser.Time.Advance(TimeSpan.FromDays(5));
        // Days later the office signs in again (the session of five days ago has expired).
        await browser.SignInAsync(office, "vanphong");
        await office.GotoAsync(detailsUrl);
        await Assertions.Expect(office.Locator("[data-testid=review-units] tr[data-unit=P-BADINH] [data-testid=unit-status]")).ToHaveTextAsync("Chậm gửi");
        await office.ClickAsync("[data-testid=review-remind]");
        await Assertions.Expect(office.GetByTestId("review-message")).ToContainTextAsync("Đã đôn đốc 1 đơn vị");
        var baDinh = await browser.NewPageAsync();
        await browser.SignInAsync(baDinh, "badinh-" + title[^4..]);
        await baDinh.GotoAsync("/Notifications");
        await Assertions.Expect(baDinh.Locator("main")).ToContainTextAsync("Đôn đốc gửi báo cáo sơ kết (đã quá hạn 2 ngày): " + title);

        // The city accepts both reports.
        foreach (var unit in new[] { "P-HOANKIEM", "P-CUANAM" })
        {
            await office.GotoAsync(detailsUrl);
            await office.ClickAsync($"tr[data-unit={unit}] [data-testid=open-report]");
            await office.ClickAsync("[data-testid=report-accept]");
            await Assertions.Expect(office.GetByTestId("report-message")).ToContainTextAsync("Đã chấp nhận báo cáo");
        }

        // Consolidate: pick what both wards said about results and write one item.
        await office.GotoAsync(detailsUrl);
        await office.ClickAsync("[data-testid=review-consolidate]");
        var results = office.Locator("section[data-section=results]");
        await results.Locator("input[data-unit=P-HOANKIEM]").First.CheckAsync();
        await results.Locator("input[data-unit=P-CUANAM]").First.CheckAsync();
        await results.GetByTestId("new-item").FillAsync("Các đảng ủy phường đã kiểm tra 18 chi bộ theo kế hoạch.");
        await results.GetByTestId("add-item").ClickAsync();
        await Assertions.Expect(office.GetByTestId("consolidate-message")).ToContainTextAsync("Đã thêm mục");
        var added = office.Locator("section[data-section=results] [data-testid=consolidated-items] li").First;
        await Assertions.Expect(added).ToContainTextAsync("kiểm tra 18 chi bộ");
        await Assertions.Expect(added.Locator(".sources")).ToContainTextAsync("Hoàn Kiếm");
        await Assertions.Expect(added.Locator(".sources")).ToContainTextAsync("Cửa Nam");
        // Picking with nothing written takes the unit's item word for word.
        var limits = office.Locator("section[data-section=limitations]");
        await limits.Locator("input[data-unit=P-CUANAM]").First.CheckAsync();
        await limits.GetByTestId("add-item").ClickAsync();
        await Assertions.Expect(office.Locator("section[data-section=limitations] [data-testid=consolidated-items] li").First).ToContainTextAsync("Chưa theo dõi kết quả sau kiểm tra");
        await BrowserFixture.ScreenshotAsync(office, "review-consolidate");

        // Export the consolidated report: the official header, the six sections and the figures.
        await office.GotoAsync(detailsUrl);
        // The wards' reported figures add up to the total.
        await Assertions.Expect(office.Locator("[data-testid=figures] tr[data-figure=reported-1] td.num").Last).ToHaveTextAsync("18");
        var download = await office.RunAndWaitForDownloadAsync(() => office.ClickAsync("[data-testid=review-docx]"));
        var path = Path.Combine(Path.GetTempPath(), $"review-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        using (var doc = WordprocessingDocument.Open(path, false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
            Assert.Contains(title, text);
            foreach (var heading in new[] { "I. KẾT QUẢ ĐẠT ĐƯỢC", "II. HẠN CHẾ", "III. BÀI HỌC", "IV. NHIỆM VỤ", "V. GIẢI PHÁP ĐỘT PHÁ", "VI. KIẾN NGHỊ" })
                Assert.Contains(heading, text);
            Assert.Contains("1. Các đảng ủy phường đã kiểm tra 18 chi bộ theo kế hoạch.", text);
            Assert.Contains("Tỷ lệ hoàn thành đúng hạn", text);
        }
        File.Delete(path);

        // Register it: a BC document reporting on the programme.
        await office.ClickAsync("[data-testid=review-register]");
        await Assertions.Expect(office.GetByTestId("review-message")).ToContainTextAsync("Đã đăng ký báo cáo số");
        await office.ClickAsync("[data-testid=review-registered]");
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("10-CTr/TU");
        await office.GotoAsync(detailsUrl);
        await BrowserFixture.ScreenshotAsync(office, "review-details");
    }

    [Fact]
    public async Task Demo_FifteenYearReview_ReadsAsTheSeedsReport()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "lanhdao");
        await page.GotoAsync("/Reviews");
        await page.ClickAsync("[data-testid=review-list] a:has-text('Tổng kết 15 năm')");
        await Assertions.Expect(page.Locator("ol[data-section=limitations] > li")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("ol[data-section=lessons] > li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("ol[data-section=tasks] > li")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("ol[data-section=breakthroughs] > li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("ol[data-section=recommendations] > li")).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByTestId("review-registered")).ToHaveTextAsync("234-BC/TU");
        await BrowserFixture.ScreenshotAsync(page, "review-demo-15-years");
        await page.ClickAsync("text=So sánh với đợt khác");
        await Assertions.Expect(page.Locator("section[data-section=limitations]")).ToContainTextAsync("(7 mục)");
        await Assertions.Expect(page.Locator("section[data-section=limitations]")).ToContainTextAsync("(5 mục)");
    }
}
