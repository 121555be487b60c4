using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Assignments;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure.Docx;

namespace Resolute.Web.Features.Reviews;

/// <summary>
/// A campaign as its pages, the API and the consolidated report see it: the units and where their reports stand, their
/// items by section, the consolidated items with the unit items they came from, and the figures.
/// </summary>
public static class ReviewReport
{
    public sealed record UnitRow(Guid ReportId, Guid UnitId, string Code, string Name, UnitReportStatus Status, bool SubmittedLate,
        DateOnly? SubmittedOn, UnitReport Report);

    public sealed record Source(Guid ItemId, Guid UnitId, string UnitName, int Order, string Text);

    public sealed record View(ReviewCampaign Campaign, Organisation Owner, string? SubjectSymbol, string? SubjectSummary, string? ParentTitle,
        IReadOnlyList<UnitRow> Units, ReviewFigures.Table Figures, IReadOnlyDictionary<Guid, Source> Sources, string? ReportSymbol, DateOnly Date)
    {
        public string KindName => ReviewRules.KindName(Campaign.Kind);

        public IEnumerable<ConsolidatedItem> ItemsOf(string sectionKey) => Campaign.Items.Where(i => i.SectionKey == sectionKey).OrderBy(i => i.Order);

        /// <summary>The units' items of a section, unit by unit, for consolidating side by side.</summary>
        public IEnumerable<(UnitRow Unit, List<ReportItem> Items)> UnitItemsOf(string sectionKey) =>
            Units.Select(u => (u, u.Report.Items.Where(i => i.SectionKey == sectionKey).OrderBy(i => i.Order).ToList()));

        /// <summary>Which units said what: the units behind a consolidated item.</summary>
        public IEnumerable<string> UnitsBehind(ConsolidatedItem item) =>
            item.SourceItemIds.Where(Sources.ContainsKey).Select(id => Sources[id].UnitName).Distinct();
    }

    public static async Task<View> LoadAsync(ResoluteDbContext db, Guid id, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, id, ct);
        var today = db.Today;
        var owner = await db.Organisations.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == c.OwnerId, ct);
        var unitIds = c.Reports.Select(r => r.UnitId).ToArray();
        var units = await db.Organisations.IgnoreQueryFilters().AsNoTracking().Where(o => unitIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, ct);
        var vi = Domain.Text.VietnameseText.Comparer;
        var rows = c.Reports.Select(r => new UnitRow(r.Id, r.UnitId, units[r.UnitId].Code, units[r.UnitId].ShortName, c.StatusOf(r, today),
                r.SubmittedLate(c.Deadline), r.SubmittedOn, r))
            .OrderBy(r => r.Name, vi).ToList();
        var subject = c.SubjectDocumentId is { } sid
            ? await db.Documents.AsNoTracking().Where(d => d.Id == sid).Select(d => new { d.Symbol, d.Summary }).FirstOrDefaultAsync(ct) : null;
        var report = c.ReportDocumentId is { } rid
            ? await db.Documents.IgnoreQueryFilters().AsNoTracking().Where(d => d.Id == rid).Select(d => new { d.Symbol, d.IssuedOn }).FirstOrDefaultAsync(ct) : null;
        var parent = c.ParentId is { } pid ? await db.ReviewCampaigns.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Title).FirstOrDefaultAsync(ct) : null;
        var sources = rows.SelectMany(u => u.Report.Items.Select(i => new Source(i.Id, u.UnitId, u.Name, i.Order, i.Text))).ToDictionary(s => s.ItemId);
        // Figures are computed for the units whose reports the caller sees (all of them for the reviewing unit).
        var figures = await ReviewFigures.BuildAsync(db, c, rows.Select(r => (r.UnitId, r.Name)).ToList(), ct);
        // A registered report carries its own date; a draft is dated today.
        return new View(c, owner, subject?.Symbol, subject?.Summary, parent, rows, figures, sources, report?.Symbol, report?.IssuedOn ?? today);
    }

    /// <summary>Where each unit stands, counted: the campaign list and the API show these.</summary>
    public static Dictionary<UnitReportStatus, int> Tally(ReviewCampaign c, DateOnly today) =>
        c.Reports.GroupBy(r => c.StatusOf(r, today)).ToDictionary(g => g.Key, g => g.Count());

    public static string RomanOf(int n) => OfficialDocument.Roman(n);

    /// <summary>The consolidated report as a Party document (RULES.md §4): header, number, place and date, title, the sections with their numbered items, the figures, signature and recipients.</summary>
    public static async Task<byte[]> ToDocxAsync(ResoluteDbContext db, View v, PageMargins margins, CancellationToken ct)
    {
        var c = v.Campaign;
        var party = v.Owner.Kind == OrganisationKind.PartyCommittee;
        var subjectLine = v.SubjectSymbol is null ? c.SubjectNote : $"{c.SubjectNote ?? v.SubjectSummary} ({v.SubjectSymbol})";
        var header = await ReminderLetter.HeaderAsync(db, v.Owner, ct);
        var doc = new OfficialDocument
        {
            ParentBody = header.Above,
            IssuingBody = header.Issuer,
            NumberAndSymbol = v.ReportSymbol ?? $"     -BC/{DocumentNumbers.IssuerSuffix(v.Owner)}",
            Place = "Hà Nội",
            Date = v.Date,
            Title = "Báo cáo",
            Subtitle = c.Title,
            SignatureCapacity = party ? "T/M Ban Thường vụ" : "T/M " + v.Owner.ShortName,
            Recipients = ["Ban Chỉ đạo, các đoàn công tác (để báo cáo)", "Các đơn vị báo cáo", $"Lưu Văn phòng {v.Owner.ShortName}"],
            Margins = margins,
        };
        var period = $"từ ngày {c.PeriodFrom:dd/MM/yyyy} đến ngày {c.PeriodTo:dd/MM/yyyy}";
        doc.Body.Add(new OfficialDocument.Paragraph(
            $"Thực hiện {(subjectLine is null ? "" : subjectLine + ", ")}{v.Owner.ShortName} báo cáo kết quả {v.KindName.ToLowerInvariant()} ({period}), trên cơ sở báo cáo của {v.Units.Count} đơn vị và số liệu theo dõi trên hệ thống, như sau:"));
        var n = 0;
        foreach (var section in c.Outline.Sections)
        {
            doc.Body.Add(new OfficialDocument.Heading($"{RomanOf(++n)}. {section.Title.ToUpperInvariant()}"));
            var items = v.ItemsOf(section.Key).ToList();
            if (items.Count == 0) doc.Body.Add(new OfficialDocument.Paragraph("(Chưa có nội dung tổng hợp.)", Italic: true));
            foreach (var item in items) doc.Body.Add(new OfficialDocument.Paragraph($"{item.Order}. {item.Text}"));
            if (section.Key == ReviewOutline.Results) AddFigures(doc, v);
        }
        if (c.Outline.Section(ReviewOutline.Results) is null) AddFigures(doc, v);
        return doc.ToDocx();
    }

    private static void AddFigures(OfficialDocument doc, View v)
    {
        doc.Body.Add(new OfficialDocument.Paragraph("Một số số liệu chủ yếu (chi tiết theo đơn vị tại Phụ lục kèm theo):", Bold: true));
        doc.Body.Add(new OfficialDocument.Table(["TT", "Nội dung", "Đơn vị tính", "Số liệu"],
            v.Figures.Rows.Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(), r.Name, r.Unit ?? "", ReviewFigures.Format(r.Cells[^1].Value)])
                .Concat(v.Figures.Indicators.Select((r, i) => (IReadOnlyList<string>)[(v.Figures.Rows.Count + i + 1).ToString(), $"Chỉ tiêu: {r.Name}",
                    r.Unit ?? "", $"{ReviewFigures.Format(r.Cells[^1].Value)}/{ReviewFigures.Format(r.Cells[^1].Original)}"]))
                .ToList(), [8, 57, 15, 20]));
        if (v.Figures.DocumentsByType.Count > 0)
            doc.Body.Add(new OfficialDocument.Paragraph("Văn bản ban hành để triển khai thực hiện, theo loại: "
                + string.Join("; ", v.Figures.DocumentsByType.Select(x => $"{x.Key} {x.Value:N0}")) + "; theo cấp ban hành: "
                + string.Join("; ", v.Figures.DocumentsByLevel.Select(x => $"{ReviewFigures.LevelName(x.Key)} {x.Value:N0}")) + "."));
    }

    /// <summary>The annex of figures: one sheet per unit column, computed and reported, with overrides and their reasons.</summary>
    public static byte[] ToXlsx(View v)
    {
        var rows = new List<Dictionary<string, object?>>();
        foreach (var r in v.Figures.Rows.Concat(v.Figures.Indicators))
        {
            var row = new Dictionary<string, object?>
            {
                ["Số liệu"] = r.Key == "indicator" ? $"Chỉ tiêu: {r.Name} (thực hiện)" : r.Name,
                ["Đơn vị tính"] = r.Unit,
                ["Nguồn"] = r.Key == "indicator" || r.Computed ? "Tính từ dữ liệu hệ thống" : "Đơn vị báo cáo",
            };
            for (var i = 0; i < v.Figures.Columns.Count; i++) row[v.Figures.Columns[i].Name] = r.Cells[i].Value;
            row["Điều chỉnh"] = string.Join("; ", r.Cells.Select((cell, i) => (cell, i)).Where(x => x.cell.Overridden)
                .Select(x => $"{v.Figures.Columns[x.i].Name}: {ReviewFigures.Format(x.cell.Original)} → {ReviewFigures.Format(x.cell.Value)} ({x.cell.Reason})"));
            rows.Add(row);
        }
        var statuses = v.Units.Select(u => new Dictionary<string, object?>
        {
            ["Đơn vị"] = u.Name,
            ["Tình trạng"] = u.Status.VietnameseName(),
            ["Ngày gửi"] = u.SubmittedOn?.ToString("dd/MM/yyyy"),
            ["Gửi muộn"] = u.SubmittedLate ? "Có" : "",
            ["Số mục"] = u.Report.Items.Count,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["So lieu"] = rows, ["Don vi bao cao"] = statuses });
        return stream.ToArray();
    }

    /// <summary>
    /// Registers the consolidated report as a document (type BC, next number of the reviewing unit's term) with the
    /// .docx attached and a "reports on" link to the subject; the campaign keeps the record.
    /// </summary>
    public static async Task<Document> RegisterAsync(ResoluteDbContext db, UserManager<User> users, Infrastructure.Files.FileStore store,
        Guid campaignId, PageMargins margins, CancellationToken ct)
    {
        var v = await LoadAsync(db, campaignId, ct);
        var c = v.Campaign;
        await Commands.RequireAsync(db, Permission.RegisterDocuments, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được đăng ký báo cáo.", ct);
        if (c.ReportDocumentId is not null) throw new DomainException("registered", "Báo cáo tổng hợp đã được đăng ký.");
        if (c.Items.Count == 0) throw new DomainException("empty", "Báo cáo tổng hợp chưa có mục nào.");
        var today = db.Today;
        // Registered as a Party report (the reviewing unit's term numbering), as reminder letters are.
        var type = await db.DocumentTypes.FirstAsync(t => t.System == DocumentSystem.Party && t.Abbreviation == "BC" && t.ValidTo == null, ct);
        var number = await DocumentNumbers.NextPartyAsync(db, v.Owner, "BC", today, ct);
        var symbol = $"{number}-BC/{DocumentNumbers.IssuerSuffix(v.Owner)}";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var document = await new Documents.RegisterDocument(symbol, type.Id, c.OwnerId, null, today, null, $"Báo cáo {c.Title}", Secrecy.None, Urgency.Normal,
            null, null, null).HandleAsync(db, users, ct);
        if (c.SubjectDocumentId is { } subject)
            await new Documents.LinkDocuments(document.Id, subject, RelationKind.ReportsOn).HandleAsync(db, ct);
        c.Registered(document.Id);
        await db.SaveChangesAsync(ct);
        // The attached .docx carries the number just given.
        var docx = await ToDocxAsync(db, v with { ReportSymbol = symbol, Date = today }, margins, ct);
        await new Documents.Attachments.AddAttachment(document.Id, $"bao-cao-{symbol.Replace('/', '-')}.docx", () => new MemoryStream(docx)).HandleAsync(db, store, ct);
        await tx.CommitAsync(ct);
        return document;
    }
}
