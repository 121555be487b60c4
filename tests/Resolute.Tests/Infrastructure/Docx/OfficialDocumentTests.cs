using Microsoft.EntityFrameworkCore;
using Resolute.Web.Features.Assignments;
using Resolute.Web.Features.Reviews;
using Resolute.Web.Infrastructure.Docx;

namespace Resolute.Tests.Infrastructure.Docx;

/// <summary>
/// A city and a ward document as an office prints them: the issuing body's lines and the date as RULES.md §4 writes
/// them, in the .docx and, where LibreOffice is installed (as in CI), in the PDF it renders. With
/// RESOLUTE_WRITE_IMAGES=1 the pages are also written to docs/images/ as PNG (pdftoppm).
/// </summary>
public class OfficialDocumentTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    private async Task<(string Docx, string? Pdf)> RenderAsync(string issuerCode, string symbol, string name)
    {
        var (above, issuer) = await app.WithDbAsync(async (db, _) =>
        {
            var org = await db.Organisations.IgnoreQueryFilters().SingleAsync(o => o.Code == issuerCode);
            return await ReminderLetter.HeaderAsync(db, org, default);
        });
        var doc = new OfficialDocument
        {
            ParentBody = above,
            IssuingBody = issuer,
            NumberAndSymbol = symbol,
            Place = "Hà Nội",
            Date = new DateOnly(2026, 2, 5),
            Subject = "V/v đôn đốc thực hiện nhiệm vụ quá hạn",
            Addressees = ["Các đơn vị"],
            SignatureCapacity = "T/L Ban Thường vụ",
            SignatureTitle = "Chánh Văn phòng",
            Recipients = ["Như trên", "Lưu Văn phòng"],
        };
        doc.Body.Add(new OfficialDocument.Paragraph("Nội dung công văn kiểm thử."));
        var docx = doc.ToDocx();
        return (Rendered.DocxText(docx), await Rendered.PdfTextAsync(docx, name));
    }

    [Fact]
    public async Task CityDocument_ReadsThanhUyHaNoiAlone_WithTheDateAsWritten()
    {
        var (docx, pdf) = await RenderAsync("TU-HN", "12-CV/TU", "header-city");
        foreach (var text in new[] { docx, pdf }.OfType<string>())
        {
            Assert.Contains("THÀNH ỦY HÀ NỘI", text);
            Assert.DoesNotContain("ĐẢNG BỘ", text);
            Assert.Contains("ngày 05 tháng 02 năm 2026", text);
        }
    }

    [Fact]
    public async Task WardDocument_ReadsTheCityPartyOrganisation_ThenTheWardCommittee()
    {
        var (docx, pdf) = await RenderAsync("P-CUANAM", "12-CV/ĐU", "header-ward");
        foreach (var text in new[] { docx, pdf }.OfType<string>())
        {
            Assert.Contains("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", text);
            Assert.Contains("ĐẢNG ỦY PHƯỜNG CỬA NAM", text);
            Assert.DoesNotContain("THÀNH ỦY", text);
        }
    }
}
