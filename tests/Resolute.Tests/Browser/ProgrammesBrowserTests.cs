using Microsoft.Playwright;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Browser;

/// <summary>
/// A work programme end to end in the browser: the office drafts the standing committee's annual programme and its
/// items, the leaders approve it (it is registered and its items become tasks), postpone one item, the office records
/// another submitted, and the report counts them as RULES.md §10 says; the list works on a phone.
/// </summary>
public class ProgrammesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Last year, so that every month of it has ended whatever today is.</summary>
    private static readonly int Year = DateTime.UtcNow.Year - 1;

    private static async Task AddItemAsync(IPage page, string content, string unit, int month)
    {
        await page.FillAsync("#Item_Content", content);
        await page.FillAsync("[name='Item.PreparingUnitCode']", unit);
        await page.FillAsync("#Item_CoordinatorCodes", "VPTU");
        await page.SelectOptionAsync("#Item_MemberInChargeId", new SelectOptionValue { Index = 1 });
        await page.SelectOptionAsync("#Item_Forum", "StandingCommittee");
        await page.FillAsync("#Item_Month", $"{Year}-{month:00}");
        await page.ClickAsync("[data-testid=item-add]");
        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("Đã thêm nội dung số");
    }

    [Fact]
    public async Task Draft_Approve_ItemsAreTasks_Postpone_Submit_Report()
    {
        var stamp = Random.Shared.Next(1000, 9999).ToString();
        var office = await browser.NewPageAsync();
        await browser.SignInAsync(office, "vanphong");
        await office.ClickAsync("nav.sidebar >> text=Chương trình công tác");
        await office.ClickAsync("[data-testid=programme-new]");
        await office.SelectOptionAsync("#Input_Body", "StandingCommittee");
        await office.SelectOptionAsync("#Input_Kind", "Annual");
        await office.FillAsync("#Input_Year", Year.ToString());
        await office.FillAsync("#Input_Title", $"Chương trình công tác năm {Year} của Ban Thường vụ Thành ủy Hà Nội (kiểm thử {stamp})");
        await office.ClickAsync("[data-testid=programme-save]");
        await Assertions.Expect(office.GetByTestId("programme-title")).ToContainTextAsync(stamp);
        await Assertions.Expect(office.GetByTestId("programme-state")).ToContainTextAsync("Dự thảo");
        var url = office.Url;

        // A month outside the programme's year is refused beside its field; nothing is lost.
        await office.FillAsync("#Item_Content", "Đề án sai năm");
        await office.FillAsync("#Item_Month", $"{Year + 1}-01");
        await office.ClickAsync("[data-testid=item-add]");
        await Assertions.Expect(office.Locator("[data-valmsg-for='Item.Month']")).ToContainTextAsync($"trong năm {Year}");
        await Assertions.Expect(office.Locator("#Item_Content")).ToHaveValueAsync("Đề án sai năm");

        await office.GotoAsync(url);
        await AddItemAsync(office, $"Báo cáo công tác tổ chức xây dựng Đảng quý I ({stamp})", "BTCTU", 2);
        await AddItemAsync(office, $"Đề án nâng cao chất lượng tuyên truyền ({stamp})", "BTGDVTU", 4);
        await Assertions.Expect(office.GetByTestId("gaps")).ToContainTextAsync("Mọi nội dung đã đủ thông tin");
        // The office may not approve: only the leaders' button approves.
        await Assertions.Expect(office.GetByTestId("programme-approve")).ToHaveCountAsync(0);

        var leader = await browser.NewPageAsync();
        await browser.SignInAsync(leader, "lanhdao");
        await leader.GotoAsync(url);
        await leader.ClickAsync("[data-testid=programme-approve]");
        await Assertions.Expect(leader.GetByTestId("message")).ToContainTextAsync("2 nội dung đã trở thành nhiệm vụ");
        await Assertions.Expect(leader.GetByTestId("programme-state")).ToContainTextAsync("Đã phê duyệt");
        await Assertions.Expect(leader.GetByTestId("programme-symbol")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{2,}-CTr/TU$"));

        // The grid shows each item in its month and forum; the second is postponed by the leaders' decision.
        await Assertions.Expect(leader.GetByTestId("programme-grid")).ToContainTextAsync("Đề án nâng cao chất lượng tuyên truyền");
        await leader.ClickAsync($"[data-testid=programme-grid] a:has-text('Đề án nâng cao chất lượng tuyên truyền ({stamp})')");
        await leader.FillAsync("#NewMonth", $"{Year}-09");
        await leader.FillAsync("#Postpone_Reason", "Chờ hướng dẫn của Trung ương");
        await leader.FillAsync("#Postpone_Decision", "Thông báo kết luận số 120-TB/TU");
        await leader.ClickAsync("[data-testid=item-postpone]");
        await Assertions.Expect(leader.GetByTestId("item-status")).ToHaveTextAsync("Xin lùi");
        await Assertions.Expect(leader.GetByTestId("item-due")).ToContainTextAsync($"tháng 9/{Year}");
        await Assertions.Expect(leader.GetByTestId("item-due")).ToContainTextAsync($"tháng 4/{Year}");
        await Assertions.Expect(leader.GetByTestId("item-history")).ToContainTextAsync("120-TB/TU");

        // The first item is a task of Ban Tổ chức; the office records it submitted on time.
        await office.GotoAsync(url + "?view=list");
        await office.ClickAsync($"[data-testid=programme-items] a:has-text('Báo cáo công tác tổ chức xây dựng Đảng quý I ({stamp})')");
        var itemUrl = office.Url;
        await office.ClickAsync("[data-testid=item-task]");
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("Ban Tổ chức Thành ủy");
        await office.GotoAsync(itemUrl);
        await office.FillAsync("#On", $"{Year}-02-25");
        await office.ClickAsync("[data-testid=item-submitted]");
        await Assertions.Expect(office.GetByTestId("item-status")).ToHaveTextAsync("Trình đúng hạn");

        // The report over February to April: one on time, one postponed.
        await office.GotoAsync(url);
        await office.ClickAsync("[data-testid=programme-report]");
        await office.FillAsync("input[name=from]", $"{Year}-02");
        await office.FillAsync("input[name=to]", $"{Year}-04");
        await office.ClickAsync("[data-testid=report-apply]");
        await Assertions.Expect(office.GetByTestId("count-ontime")).ToHaveTextAsync("1");
        await Assertions.Expect(office.GetByTestId("count-postponed")).ToHaveTextAsync("1");
        await Assertions.Expect(office.GetByTestId("count-late")).ToHaveTextAsync("0");
        await Assertions.Expect(office.GetByTestId("report-docx")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("report.docx"));

        // On a phone: the list reads without sideways scrolling.
        var phone = await browser.NewPageAsync(390, 844);
        await browser.SignInAsync(phone, "vanphong");
        await phone.GotoAsync(url + "?view=list");
        await Assertions.Expect(phone.GetByTestId("programme-items")).ToBeVisibleAsync();
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the programme list scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(phone, "programme-list-phone");
        await BrowserFixture.ScreenshotAsync(leader, "programme-item");
    }
}
