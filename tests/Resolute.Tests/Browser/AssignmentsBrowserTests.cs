using Microsoft.Playwright;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Browser;

/// <summary>A task's life in the browser: assign (after the five-clear check), cascade, extend, report, accept, and the dashboard moves.</summary>
public class AssignmentsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task<int> CountAsync(IPage page, string testId) =>
        int.Parse((await page.GetByTestId(testId).Locator(".stat").InnerTextAsync()).Replace(".", "").Replace(",", ""));

    [Fact]
    public async Task Assign_Cascade_Extend_Report_Accept_AndTheDashboardMoves()
    {
        var title = "Xây dựng mô hình điểm dân vận khéo " + Random.Shared.Next(1000, 9999);
        var office = await browser.NewPageAsync();
        await browser.SignInAsync(office, "vanphong");
        await office.GotoAsync("/Assignments/Dashboard?unit=P-HOANKIEM");
        var doneBefore = await CountAsync(office, "count-done-on-time");
        var totalBefore = int.Parse((await office.GetByTestId("total").InnerTextAsync()).Replace(".", ""));

        // Assigning an incomplete task is refused with the missing clears named.
        await office.ClickAsync("nav.sidebar >> text=Nhiệm vụ");
        await office.ClickAsync("text=Giao nhiệm vụ");
        await office.FillAsync("#Input_Title", title);
        await office.FillAsync("#Input_LeadCode", "TU-HN");
        await office.ClickAsync("button:text-is('Giao nhiệm vụ')");
        await Assertions.Expect(office.GetByTestId("five-clear-gaps")).ToContainTextAsync("Rõ người: chưa có lãnh đạo chịu trách nhiệm");
        await Assertions.Expect(office.GetByTestId("five-clear-gaps")).ToContainTextAsync("Rõ hiệu quả");

        var leader = await office.Locator("#leaders option").First.GetAttributeAsync("value");
        await office.FillAsync("#Input_LeaderName", leader!);
        await office.FillAsync("#Input_SourceSymbol", "10-CTr/TU");
        await office.FillAsync("#Input_Deadline", DateTime.Today.AddDays(40).ToString("yyyy-MM-dd"));
        await office.FillAsync("#Input_Output", "Mô hình điểm được công nhận");
        await office.FillAsync("#Input_Indicators_0__Name", "Mô hình được công nhận");
        await office.FillAsync("#Input_Indicators_0__Unit", "mô hình");
        await office.FillAsync("#Input_Indicators_0__Target", "1");
        await office.ClickAsync("button:text-is('Giao nhiệm vụ')");
        await Assertions.Expect(office.GetByTestId("assignment-title")).ToHaveTextAsync(title);
        await Assertions.Expect(office.Locator(".page-head .status")).ToHaveTextAsync("Đang thực hiện, trong hạn");

        // The city gives it on to the Hoàn Kiếm ward committee.
        await office.ClickAsync("text=Phân giao cho đơn vị cấp dưới");
        await office.CheckAsync("[data-testid=cascade-units] label:has-text('Đảng ủy phường Hoàn Kiếm') input");
        await office.ClickAsync("main button:text-is('Giao nhiệm vụ')");
        await Assertions.Expect(office.Locator(".alert.ok")).ToContainTextAsync("Đã giao nhiệm vụ cho 1 đơn vị");
        await office.ClickAsync($"[data-testid=assignment-table] a:text-is('{title}')");
        var childUrl = office.Url;

        // The ward asks for more time; the city's leader agrees.
        var ward = await browser.NewPageAsync();
        await browser.SignInAsync(ward, "hoankiem");
        await ward.GotoAsync("/Assignments/MyWork");
        await ward.ClickAsync($"[data-testid=my-to-report] a:text-is('{title}')");
        await ward.ClickAsync("text=Đề nghị gia hạn");
        await ward.FillAsync("#newDeadline", DateTime.Today.AddDays(55).ToString("yyyy-MM-dd"));
        await ward.FillAsync("#reason", "Chờ ý kiến của Ban Dân vận Thành ủy");
        await ward.ClickAsync("text=Gửi đề nghị gia hạn");
        await Assertions.Expect(ward.Locator(".alert.ok")).ToContainTextAsync("Đã gửi đề nghị gia hạn");

        var leaderPage = await browser.NewPageAsync();
        await browser.SignInAsync(leaderPage, "lanhdao");
        await leaderPage.GotoAsync("/Assignments/MyWork");
        await leaderPage.ClickAsync($"[data-testid=my-to-review] a:text-is('{title}')");
        await leaderPage.ClickAsync("[data-testid=decide-form] button:text-is('Đồng ý gia hạn')");
        await Assertions.Expect(leaderPage.GetByTestId("deadline")).ToContainTextAsync(DateTime.Today.AddDays(55).ToString("dd/MM/yyyy"));
        await Assertions.Expect(leaderPage.GetByTestId("deadline")).ToContainTextAsync("thời hạn ban đầu " + DateTime.Today.AddDays(40).ToString("dd/MM/yyyy"));

        // The ward reports completion; the city office accepts it.
        await ward.ReloadAsync();
        await ward.FillAsync("#narrative", "Đã xây dựng và được công nhận mô hình điểm dân vận khéo tại tổ dân phố số 5.");
        await ward.FillAsync("[data-testid=report-form] input[type=number] >> nth=1", "1");
        await ward.CheckAsync("input[name=proposesCompletion]");
        await ward.ClickAsync("text=Gửi báo cáo");
        await Assertions.Expect(ward.Locator(".alert.ok")).ToContainTextAsync("đề nghị công nhận hoàn thành");

        await office.GotoAsync(childUrl);
        await office.ClickAsync("[data-testid=review-form] button:text-is('Công nhận hoàn thành')");
        await Assertions.Expect(office.Locator(".page-head .status")).ToHaveTextAsync("Hoàn thành đúng hạn");
        await Assertions.Expect(office.GetByTestId("progress-history")).ToContainTextAsync("đã chấp nhận");

        await office.GotoAsync("/Assignments/Dashboard?unit=P-HOANKIEM");
        Assert.Equal(doneBefore + 1, await CountAsync(office, "count-done-on-time"));
        Assert.Equal(totalBefore + 1, int.Parse((await office.GetByTestId("total").InnerTextAsync()).Replace(".", "")));
        await office.GotoAsync("/Assignments/Dashboard");
        await Assertions.Expect(office.GetByTestId("dashboard-units")).ToContainTextAsync("Đảng ủy phường Hoàn Kiếm");
        await BrowserFixture.ScreenshotAsync(office, "dashboard-city");
        await office.GotoAsync(childUrl);
        await BrowserFixture.ScreenshotAsync(office, "assignment-details");
    }

    [Fact]
    public async Task Dashboard_OnAPhone_DrillsDownToTheOverdueList()
    {
        var page = await browser.NewPageAsync(390, 844);
        await browser.SignInAsync(page, "vanphong");
        await page.GotoAsync("/Assignments/Dashboard");
        var overdue = await CountAsync(page, "count-overdue");
        Assert.True(overdue > 0);
        await BrowserFixture.ScreenshotAsync(page, "dashboard-phone");
        await page.ClickAsync("[data-testid=count-overdue]");
        await Assertions.Expect(page.GetByTestId("assignment-count")).ToContainTextAsync($"{overdue} nhiệm vụ");
        await Assertions.Expect(page.Locator("[data-testid=assignment-table] .status").First).ToHaveTextAsync("Chưa hoàn thành, quá hạn");
    }
}
