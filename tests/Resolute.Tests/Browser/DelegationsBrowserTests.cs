using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Browser;

/// <summary>
/// A supervision end to end: the city office sets it up for the inspection commission and issues its decision; the
/// visited ward submits its report; a member working outside the ward's subtree reads it while the delegation runs and
/// gets a 404 once it has ended; the conclusion's recommendations become tasks and one is accepted as done.
/// </summary>
public class DelegationsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private Task<Guid> LeaderOfAsync(string code) => browser.App.WithDbAsync((db, _) =>
        (from p in db.Positions.IgnoreQueryFilters()
         join o in db.Organisations.IgnoreQueryFilters() on p.OrganisationId equals o.Id
         where o.Code == code && p.IsLeader && p.EndsOn == null
         orderby p.Title
         select p.PersonId).FirstAsync());

    [Fact]
    public async Task SetUp_WardReports_MemberReadsDuringNotAfter_RecommendationAccepted()
    {
        var today = await browser.App.WithDbAsync((db, _) => Task.FromResult(db.Today));
        var head = await LeaderOfAsync("UBKTTU");
        var member = await LeaderOfAsync("BTCTU");
        var memberUser = await browser.App.CreateUserAsync(ScopeRole.Reporter, "BTCTU");
        await browser.App.LinkPersonAsync(memberUser, member);

        var office = await browser.NewPageAsync();
        await browser.SignInAsync(office, "vanphong");
        await office.ClickAsync("nav.sidebar >> text=Đoàn kiểm tra, giám sát");
        await office.ClickAsync("[data-testid=delegation-new]");
        await office.FillAsync("#Input_OrganisationCode", "UBKTTU");
        await office.FillAsync("#Input_Title", "Đoàn giám sát việc thực hiện quy chế làm việc của Đảng ủy phường Cửa Nam");
        await office.FillAsync("#Input_StartsOn", today.AddDays(-2).ToString("yyyy-MM-dd"));
        await office.FillAsync("#Input_EndsOn", today.AddDays(20).ToString("yyyy-MM-dd"));
        await office.SelectOptionAsync("[data-testid=member-0]", head.ToString());
        await office.SelectOptionAsync("[data-testid=member-role-0]", "Head");
        await office.SelectOptionAsync("[data-testid=member-1]", member.ToString());
        await office.SelectOptionAsync("[data-testid=member-role-1]", "Member");
        await office.FillAsync("[data-testid=visit-0]", "P-CUANAM");
        await office.FillAsync("[data-testid=visit-deadline-0]", today.AddDays(7).ToString("yyyy-MM-dd"));
        await office.ClickAsync("[data-testid=delegation-save]");
        await Assertions.Expect(office.GetByTestId("delegation-title")).ToHaveTextAsync("Đoàn giám sát việc thực hiện quy chế làm việc của Đảng ủy phường Cửa Nam");
        var url = office.Url;
        await office.ClickAsync("[data-testid=delegation-establish]");
        await Assertions.Expect(office.GetByTestId("delegation-state")).ToContainTextAsync("-QĐ/UBKTTU");
        await Assertions.Expect(office.GetByTestId("temporary-access")).ToContainTextAsync("đang hiệu lực");
        var reportUrl = await office.GetByTestId("visit-report").GetAttributeAsync("href");

        // The ward submits its report through its reporting task.
        var ward = await browser.NewPageAsync();
        await browser.SignInAsync(ward, "cuanam");
        await ward.GotoAsync(reportUrl!);
        await ward.FillAsync("#narrative", "Đảng ủy phường đã ban hành Quy chế làm việc nhiệm kỳ 2025–2030; báo cáo theo đề cương.");
        await ward.CheckAsync("input[name=proposesCompletion]");
        await ward.ClickAsync("text=Gửi báo cáo");
        await Assertions.Expect(ward.Locator(".alert.ok")).ToContainTextAsync("đề nghị công nhận hoàn thành");

        // The member, working outside the ward's subtree, reads it while the delegation runs.
        var outsider = await browser.NewPageAsync();
        await browser.SignInAsync(outsider, memberUser);
        var during = await outsider.GotoAsync(reportUrl!);
        Assert.Equal(200, during!.Status);
        await Assertions.Expect(outsider.Locator("main")).ToContainTextAsync("Quy chế làm việc nhiệm kỳ 2025–2030");

        // The conclusion, issued, with two recommendations made tasks.
        await office.GotoAsync(url);
        await office.FillAsync("#Summary", "Đảng ủy phường ban hành quy chế làm việc kịp thời.");
        await office.FillAsync("#Findings", "+ Ban hành quy chế đúng thời hạn.\n- Chưa phân công cụ thể nhiệm vụ của ủy viên.");
        await office.FillAsync("#Recommendations", $"Bổ sung phân công nhiệm vụ của từng ủy viên Ban Thường vụ. | {today.AddDays(15):dd/MM/yyyy}\nRà soát chế độ họp của Thường trực. | {today.AddDays(30):dd/MM/yyyy}");
        await office.ClickAsync("[data-testid=conclusion-issue]");
        await Assertions.Expect(office.GetByTestId("message")).ToContainTextAsync("Đã ban hành kết luận");
        await Assertions.Expect(office.GetByTestId("conclusion-symbol")).ToContainTextAsync("-KL/UBKTTU");
        for (var i = 0; i < 2; i++)
        {
            await office.Locator("[data-testid=make-task]").First.ClickAsync();
            await Assertions.Expect(office.GetByTestId("message")).ToContainTextAsync("kiến nghị");
        }
        await Assertions.Expect(office.Locator("[data-testid=recommendation-task]")).ToHaveCountAsync(2);
        var firstTask = await office.Locator("[data-testid=recommendation-task]").First.GetAttributeAsync("href");

        // The ward reports the first done; the office accepts it for the deciding body.
        await ward.GotoAsync(firstTask!);
        await ward.FillAsync("#narrative", "Đã ban hành quyết định phân công nhiệm vụ của các ủy viên.");
        await ward.CheckAsync("input[name=proposesCompletion]");
        await ward.ClickAsync("text=Gửi báo cáo");
        await Assertions.Expect(ward.Locator(".alert.ok")).ToContainTextAsync("đề nghị công nhận hoàn thành");
        await office.GotoAsync(firstTask!);
        await office.ClickAsync("[data-testid=review-form] button:text-is('Công nhận hoàn thành')");
        await Assertions.Expect(office.Locator(".page-head .status")).ToHaveTextAsync("Hoàn thành đúng hạn");
        await office.GotoAsync(url);
        await Assertions.Expect(office.Locator("[data-testid=recommendation-task]").First).ToHaveTextAsync("Hoàn thành đúng hạn");

        // The delegation's period is ended early: the member no longer reads the ward's records.
        await office.GotoAsync(url.Replace("/Details/", "/Edit/"));
        await office.FillAsync("#Input_EndsOn", today.AddDays(-1).ToString("yyyy-MM-dd"));
        await office.ClickAsync("[data-testid=delegation-save]");
        await Assertions.Expect(office.GetByTestId("temporary-access")).ToContainTextAsync("đã hết hạn");
        var after = await outsider.GotoAsync(reportUrl!);
        Assert.Equal(404, after!.Status);

        var phone = await browser.NewPageAsync(390, 844);
        await browser.SignInAsync(phone, "vanphong");
        foreach (var page in new[] { url, "/Delegations", url.Replace("/Details/", "/Edit/") })
        {
            await phone.GotoAsync(page);
            Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), $"{page} scrolls sideways on a phone");
        }
        await phone.GotoAsync(url);
        await BrowserFixture.ScreenshotAsync(phone, "delegation-phone");
    }
}
