using Microsoft.Playwright;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Browser;

/// <summary>
/// A standing committee's meeting end to end: the office calls it and takes the programme items due into its agenda,
/// records attendance below the quorum (refused) and at it, writes conclusions, makes two of them tasks, issues the
/// notice, and finds it in the register with the programme item marked submitted.
/// </summary>
public class MeetingsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Call_FromTheProgramme_Quorum_Conclusions_Tasks_Notice()
    {
        var office = await browser.NewPageAsync();
        await browser.SignInAsync(office, "vanphong");
        await office.ClickAsync("nav.sidebar >> text=Hội nghị, cuộc họp");
        await office.ClickAsync("[data-testid=meeting-new]");
        await office.SelectOptionAsync("#Input_Forum", "StandingCommittee");
        await office.FillAsync("#Input_Number", "14");
        await office.FillAsync("#Input_StartsAt", "2026-11-25T08:00");
        await office.FillAsync("#Input_Place", "Trụ sở Thành ủy, số 4 Lê Lai");
        await office.ClickAsync("[data-testid=meeting-save]");
        await Assertions.Expect(office.GetByTestId("meeting-title")).ToHaveTextAsync("Phiên họp Ban Thường vụ lần thứ 14");
        var url = office.Url;

        // The agenda: the standing committee's programme items due by November.
        await office.ClickAsync("[data-testid=agenda-due]");
        await Assertions.Expect(office.GetByTestId("message")).ToContainTextAsync("Chương trình họp có");
        await Assertions.Expect(office.GetByTestId("agenda")).ToContainTextAsync("Quy định về phân cấp quản lý cán bộ của Thành ủy");

        // Attendance: one member present is below the quorum; the meeting cannot be recorded as held.
        var selects = office.Locator("[data-testid=attendance] select[data-testid=presence]");
        var count = await selects.CountAsync();
        Assert.True(count >= 2);
        await selects.Nth(0).SelectOptionAsync("Present");
        await office.ClickAsync("[data-testid=meeting-hold]");
        await Assertions.Expect(office.GetByTestId("form-error")).ToContainTextAsync("Chưa đủ số lượng để họp");
        await office.GotoAsync(url);
        for (var i = 0; i < count; i++) await office.Locator("[data-testid=attendance] select[data-testid=presence]").Nth(i).SelectOptionAsync("Present");
        await office.ClickAsync("[data-testid=meeting-hold]");
        await Assertions.Expect(office.GetByTestId("meeting-state")).ToHaveTextAsync("Đã họp");
        await Assertions.Expect(office.GetByTestId("quorum")).ToContainTextAsync("đủ số lượng để họp");

        // Conclusions: two assign work and become tasks.
        async Task ConcludeAsync(string text, string? lead, string? deadline)
        {
            await office.SelectOptionAsync("#AgendaItemId", new SelectOptionValue { Index = 1 });
            await office.FillAsync("#Text", text);
            if (lead is not null) await office.FillAsync("#LeadUnitCode", lead);
            if (deadline is not null) await office.FillAsync("#Deadline", deadline);
            await office.ClickAsync("[data-testid=conclusion-add]");
            await Assertions.Expect(office.GetByTestId("message")).ToContainTextAsync("Đã thêm điểm kết luận");
        }
        await ConcludeAsync("Thống nhất thông qua Quy định về phân cấp quản lý cán bộ.", null, null);
        await ConcludeAsync("Giao Ban Tổ chức Thành ủy hoàn thiện, trình ký ban hành Quy định.", "BTCTU", "2026-12-20");
        await ConcludeAsync("Giao Văn phòng Thành ủy hướng dẫn các đảng ủy trực thuộc triển khai.", "VPTU", "2027-01-31");
        for (var i = 0; i < 2; i++)
        {
            await office.Locator("[data-testid=make-task]").Nth(1).ClickAsync();
            await Assertions.Expect(office.GetByTestId("message")).ToContainTextAsync("nhiệm vụ");
        }
        await Assertions.Expect(office.Locator("[data-testid=point-task]")).ToHaveCountAsync(2);

        // The notice is issued, registered, and the programme item heard is submitted.
        await office.ClickAsync("[data-testid=issue-notice]");
        await Assertions.Expect(office.GetByTestId("message")).ToContainTextAsync("Đã ban hành Thông báo kết luận số");
        var symbol = (await office.GetByTestId("notice-symbol").TextContentAsync())!;
        Assert.Matches(@"^\d{2,}-TB/TU$", symbol);
        await office.ClickAsync("[data-testid=notice-symbol]");
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync(symbol);
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("Kết luận của Ban Thường vụ");
        await office.GotoAsync(url);
        await office.ClickAsync("[data-testid=agenda] a:has-text('Quy định về phân cấp quản lý cán bộ của Thành ủy')");
        await Assertions.Expect(office.GetByTestId("item-status")).ToHaveTextAsync("Trình đúng hạn");
        await BrowserFixture.ScreenshotAsync(office, "meeting-programme-item");

        // The signed minutes are kept with the meeting.
        await office.GotoAsync(url);
        await office.SetInputFilesAsync("#minutes-file", new FilePayload
        {
            Name = "bien-ban.png",
            MimeType = "image/png",
            Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0],
        });
        await office.ClickAsync("[data-testid=minutes-file-add]");
        await Assertions.Expect(office.GetByTestId("minutes-files")).ToContainTextAsync("bien-ban.png");

        // The week's calendar shows the meeting on its day; the follow-up lists its points by lead unit.
        await office.GotoAsync("/Meetings?week=2026-11-25");
        await Assertions.Expect(office.GetByTestId("meeting-week")).ToContainTextAsync("Phiên họp Ban Thường vụ lần thứ 14");
        await office.GotoAsync("/Meetings/FollowUp?unit=TU-HN&forum=StandingCommittee&from=2026-11-01&to=2026-11-30");
        await Assertions.Expect(office.Locator("[data-testid=follow-up-lead]").Filter(new() { HasText = "Ban Tổ chức Thành ủy" }))
            .ToContainTextAsync("Giao Ban Tổ chức Thành ủy hoàn thiện");

        var phone = await browser.NewPageAsync(390, 844);
        await browser.SignInAsync(phone, "vanphong");
        await phone.GotoAsync(url);
        await Assertions.Expect(phone.GetByTestId("conclusions")).ToBeVisibleAsync();
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the meeting page scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(phone, "meeting-phone");
        foreach (var page in new[] { "/Meetings?week=2026-11-25", "/Meetings/FollowUp?unit=TU-HN&from=2026-01-01&to=2026-12-31" })
        {
            await phone.GotoAsync(page);
            Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), $"{page} scrolls sideways on a phone");
        }
        await BrowserFixture.ScreenshotAsync(phone, "meeting-follow-up-phone");
    }
}
