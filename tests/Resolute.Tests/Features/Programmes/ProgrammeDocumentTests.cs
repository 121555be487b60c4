using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Programmes;
using Resolute.Tests.Infrastructure;
using Resolute.Tests.Infrastructure.Docx;
using Resolute.Web.Features.Programmes;
using Resolute.Web.Infrastructure.Docx;

namespace Resolute.Tests.Features.Programmes;

/// <summary>
/// The programme and its report as the office prints them: the Party header, the CTr number, the title and the table
/// of items, in the .docx and in the PDF LibreOffice renders (CI installs it). With RESOLUTE_WRITE_IMAGES=1 the first
/// page is written to docs/images/programme.png.
/// </summary>
public class ProgrammeDocumentTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    private static readonly int Year = DateTime.UtcNow.Year - 1;

    private async Task<ProgrammeView> ApprovedProgrammeAsync() => await app.WithDbAsync(async (db, _) =>
    {
        var city = await db.Organisations.IgnoreQueryFilters().SingleAsync(o => o.Code == "TU-HN");
        var member = await (from pos in db.Positions.IgnoreQueryFilters()
                            join o in db.Organisations.IgnoreQueryFilters() on pos.OrganisationId equals o.Id
                            where o.Code == "TU-HN-TT" && pos.IsLeader
                            select pos.PersonId).FirstAsync();
        var p = await new SaveProgramme(null, null, new ProgrammeFields
        {
            OrganisationId = city.Id,
            Body = ProgrammeForum.ExecutiveCommittee,
            Kind = ProgrammeKind.Annual,
            Year = Year,
            Preamble = "Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ Thành phố khóa XVIII, Ban Chấp hành Đảng bộ Thành phố xây dựng Chương trình công tác như sau:",
        }).HandleAsync(db, default);
        (string Content, string Unit, int Month)[] items =
        [
            ("Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Ban Thường vụ Thành ủy năm trước", "VPTU", 1),
            ("Nghị quyết về phát triển văn hóa Thủ đô", "BTGDVTU", 7),
            ("Đề án nâng cao chất lượng tổ chức cơ sở đảng", "BTCTU", 12),
        ];
        foreach (var (content, unit, month) in items)
            await new SaveProgrammeItem(p.Id, null, null, new ItemFields
            {
                Content = content,
                PreparingUnitCode = unit,
                CoordinatorCodes = ["VPTU" == unit ? "BTCTU" : "VPTU"],
                MemberInChargeId = member,
                Forum = ProgrammeForum.ExecutiveCommittee,
                DueMonth = new DateOnly(Year, month, 1),
            }).HandleAsync(db, default);
        await new ApproveProgramme(p.Id, null).HandleAsync(db, default);
        db.ChangeTracker.Clear();
        return await ProgrammeView.LoadAsync(db, p.Id, default);
    });

    [Fact]
    public async Task Programme_PrintsTheHeader_TheCTrNumber_TheTitle_AndTheTable()
    {
        var v = await ApprovedProgrammeAsync();
        var docx = ProgrammeDocuments.ToDocx(v, new PageMargins());
        var pdf = await Rendered.PdfTextAsync(docx, "programme");
        foreach (var text in new[] { Rendered.DocxText(docx), pdf }.OfType<string>())
        {
            Assert.Contains("THÀNH ỦY HÀ NỘI", text);
            Assert.Contains(v.DocumentSymbol!, text);
            Assert.Contains("CHƯƠNG TRÌNH", text);
            Assert.Contains($"năm {Year}", text);
            Assert.Contains("Nghị quyết về phát triển", text); // the first line of its table cell
            Assert.Contains("T/M BAN THƯỜNG VỤ", text.ToUpperInvariant());
        }
        // The table, cell by cell (the PDF's text wraps inside cells).
        var cells = Rendered.DocxText(docx);
        foreach (var expected in new[] { "Cơ quan chủ trì chuẩn bị", "Đồng chí phụ trách", "Nghị quyết về phát triển văn hóa Thủ đô", "Ban Tổ chức Thành ủy", $"tháng 12/{Year}", "BCH" })
            Assert.Contains(expected, cells);
    }

    [Fact]
    public async Task Report_CountsTheItemsDue_AndPrints()
    {
        var v = await ApprovedProgrammeAsync();
        var report = ProgrammeDocuments.BuildReport(v, new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 1));
        Assert.Equal(3, report.Total.Due);
        Assert.Equal(3, report.Total.NotYetSubmitted);
        var pdf = await Rendered.PdfTextAsync(ProgrammeDocuments.ReportToDocx(v, report, new PageMargins()), "programme-report");
        foreach (var text in new[] { Rendered.DocxText(ProgrammeDocuments.ReportToDocx(v, report, new PageMargins())), pdf }.OfType<string>())
        {
            Assert.Contains("BÁO CÁO", text);
            Assert.Contains("có 3 nội dung đến hạn trình", text);
            Assert.Contains("THEO CƠ QUAN CHỦ TRÌ CHUẨN BỊ", text);
        }
    }
}
