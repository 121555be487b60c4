using Microsoft.Extensions.DependencyInjection;
using Resolute.Domain.Meetings;
using Resolute.Domain.Programmes;
using Resolute.Tests.Infrastructure;
using Resolute.Tests.Infrastructure.Docx;
using Resolute.Web.Features.Meetings;
using Resolute.Web.Infrastructure.Docx;

namespace Resolute.Tests.Features.Meetings;

/// <summary>The notice of conclusions and the invitation as an office prints them, rendered through LibreOffice (docs/images/notice.png).</summary>
public class MeetingDocumentTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    [Fact]
    public async Task Notice_PrintsTheHeader_TheNumber_AndThePointsUnderEachItem()
    {
        var city = await app.UnitIdAsync("TU-HN");
        var v = await app.WithDbAsync(async (db, sp) =>
        {
            var config = sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
            var m = await new SaveMeeting(null, null, new MeetingFields
            {
                OrganisationId = city,
                Forum = ProgrammeForum.StandingCommittee,
                Number = 20,
                StartsAt = new DateTime(2026, 11, 3, 8, 0, 0),
                Place = "Trụ sở Thành ủy",
            }).HandleAsync(db, default);
            await new AddAgendaItems(m.Id, null, null, false, "Đề án chuyển đổi số trong các cơ quan Đảng Thành phố", "VPTU", null).HandleAsync(db, default);
            await new RecordAttendance(m.Id, null, m.Attendance.Select(a => new PresenceInput(a.PersonId, Presence.Present, null)).ToList(), null, null, true)
                .HandleAsync(db, config, default);
            var agenda = m.Agenda[0].Id;
            await new AddConclusion(m.Id, null, agenda, "Thống nhất thông qua Đề án.", null, null).HandleAsync(db, default);
            await new AddConclusion(m.Id, null, agenda, "Văn phòng Thành ủy hoàn thiện Đề án theo ý kiến thảo luận.", "VPTU", new DateOnly(2026, 12, 15)).HandleAsync(db, default);
            await new IssueNotice(m.Id, null).HandleAsync(db, default);
            db.ChangeTracker.Clear();
            return await MeetingView.LoadAsync(db, m.Id, config, default);
        });
        var docx = MeetingDocuments.NoticeDocx(v, new PageMargins());
        var pdf = await Rendered.PdfTextAsync(docx, "notice");
        foreach (var text in new[] { Rendered.DocxText(docx), pdf }.OfType<string>())
        {
            Assert.Contains("THÀNH ỦY HÀ NỘI", text);
            Assert.Contains(v.NoticeSymbol!, text);
            Assert.Contains("THÔNG BÁO", text);
            Assert.Contains("I. ĐỀ ÁN CHUYỂN ĐỔI SỐ", text);
            Assert.Contains("Thống nhất thông qua Đề án.", text);
            Assert.Contains("T/M BAN THƯỜNG VỤ", text.ToUpperInvariant());
        }
        Assert.Contains("Giao Văn phòng Thành ủy chủ trì thực hiện, hoàn thành trước ngày 15/12/2026.", Rendered.DocxText(docx));
        var invitation = Rendered.DocxText(MeetingDocuments.InvitationDocx(v, new PageMargins()));
        Assert.Contains("GIẤY MỜI", invitation.ToUpperInvariant());
        Assert.Contains("Thời gian: 08 giờ 00, ngày 03 tháng 11 năm 2026.", invitation);
    }
}
