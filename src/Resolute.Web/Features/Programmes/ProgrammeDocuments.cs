using MiniExcelLibs;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.Programmes;
using Resolute.Web.Infrastructure.Docx;

namespace Resolute.Web.Features.Programmes;

/// <summary>What an office prints of a programme: the programme itself in the Party format, and how it is going over a period.</summary>
public static class ProgrammeDocuments
{
    /// <summary>How the items due in a period (by their original month) stand: the totals, by preparing unit and by member in charge.</summary>
    public sealed record Report(DateOnly From, DateOnly To, Counts Total, IReadOnlyList<(string Name, Counts Counts)> ByUnit,
        IReadOnlyList<(string Name, Counts Counts)> ByMember, IReadOnlyList<ProgrammeView.Row> Items);

    public sealed record Counts(int Due, int OnTime, int Late, int Postponed, int Withdrawn, int NotYetSubmitted)
    {
        public static Counts Of(IEnumerable<ProgrammeView.Row> rows)
        {
            var list = rows.ToList();
            int N(params ProgrammeItemStatus[] s) => list.Count(r => s.Contains(r.Status));
            return new(list.Count, N(ProgrammeItemStatus.SubmittedOnTime), N(ProgrammeItemStatus.SubmittedLate), N(ProgrammeItemStatus.Postponed),
                N(ProgrammeItemStatus.Withdrawn), N(ProgrammeItemStatus.NotYetDue, ProgrammeItemStatus.Overdue));
        }
    }

    /// <summary>
    /// The report over the months from <paramref name="from"/> to <paramref name="to"/>: every item whose original month
    /// falls in them, counted as RULES.md §10 says (a postponed item as postponed in its original month).
    /// </summary>
    public static Report BuildReport(ProgrammeView v, DateOnly from, DateOnly to)
    {
        var (f, t) = (ProgrammeItem.MonthOf(from), ProgrammeItem.MonthOf(to));
        if (t < f) throw new Domain.Common.DomainException("period", "Tháng cuối của kỳ báo cáo không được trước tháng đầu.", "to");
        var due = v.Items.Where(r => r.Item.DueMonth is { } m && m >= f && m <= t).ToList();
        return new Report(f, t, Counts.Of(due),
            due.GroupBy(r => r.PreparingUnit ?? "(chưa rõ)").Select(g => (g.Key, Counts.Of(g))).OrderBy(x => x.Key, Domain.Text.VietnameseText.Comparer).ToList(),
            due.GroupBy(r => r.Member ?? "(chưa rõ)").Select(g => (g.Key, Counts.Of(g))).OrderBy(x => x.Key, Domain.Text.VietnameseText.Comparer).ToList(),
            due);
    }

    private static OfficialDocument Frame(ProgrammeView v, string symbol, DateOnly date, string title, string? subtitle, PageMargins margins)
    {
        var (above, issuer) = OfficialHeader.IssuingBody(v.Committee, v.CommitteeParent);
        var party = v.Committee.Kind == OrganisationKind.PartyCommittee;
        return new OfficialDocument
        {
            ParentBody = above,
            IssuingBody = issuer,
            NumberAndSymbol = symbol,
            Place = "Hà Nội",
            Date = date,
            Title = title,
            Subtitle = subtitle,
            SignatureCapacity = party ? "T/M Ban Thường vụ" : "T/M " + v.Committee.ShortName,
            Recipients = ["Các đồng chí Ủy viên Ban Thường vụ", "Các cơ quan chủ trì chuẩn bị", $"Lưu Văn phòng {v.Committee.ShortName}"],
            Margins = margins,
        };
    }

    /// <summary>The programme as the committee issues it: header, CTr number, title, preamble and the table of items.</summary>
    public static byte[] ToDocx(ProgrammeView v, PageMargins margins)
    {
        var p = v.Programme;
        var symbol = v.DocumentSymbol ?? $"     -CTr/{Common.DocumentNumbers.IssuerSuffix(v.Committee)}";
        var doc = Frame(v, symbol, p.ApprovedOn ?? v.Today, "Chương trình", TitleAfterKind(p), margins);
        foreach (var para in (p.Preamble ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            doc.Body.Add(new OfficialDocument.Paragraph(para));
        doc.Body.Add(new OfficialDocument.Table(["TT", "Nội dung", "Cơ quan chủ trì chuẩn bị", "Cơ quan phối hợp", "Đồng chí phụ trách", "Trình", "Thời gian"],
            v.Items.Where(r => r.Item.State != ProgrammeItemState.Withdrawn).Select(r => (IReadOnlyList<string>)[r.Item.Number.ToString(), r.Content,
                r.PreparingUnit ?? "", string.Join(", ", r.Coordinators), r.Member ?? "", r.Item.Forum?.Abbreviation() ?? "", r.Due]).ToList(),
            [5, 31, 16, 14, 14, 8, 12]));
        return doc.ToDocx();
    }

    /// <summary>"công tác năm 2026 của Ban Thường vụ Đảng bộ Thành phố": the title after the document's kind word.</summary>
    private static string TitleAfterKind(WorkProgramme p) =>
        p.Title.StartsWith("Chương trình ", StringComparison.OrdinalIgnoreCase) ? p.Title["Chương trình ".Length..] : p.Title;

    public static string Month(DateOnly m) => $"{m.Month:00}/{m.Year}";

    public static byte[] ReportToDocx(ProgrammeView v, Report r, PageMargins margins)
    {
        var doc = Frame(v, $"     -BC/{Common.DocumentNumbers.IssuerSuffix(v.Committee)}", v.Today, "Báo cáo",
            $"tình hình thực hiện {v.Programme.Title} (từ tháng {Month(r.From)} đến tháng {Month(r.To)})", margins);
        var t = r.Total;
        doc.Body.Add(new OfficialDocument.Paragraph(
            $"Theo {v.Programme.Title}{(v.DocumentSymbol is null ? "" : $" (số {v.DocumentSymbol})")}, từ tháng {Month(r.From)} đến tháng {Month(r.To)} có {t.Due} nội dung đến hạn trình. "
            + $"Kết quả: {t.OnTime} nội dung trình đúng hạn, {t.Late} nội dung trình chậm, {t.Postponed} nội dung xin lùi, {t.Withdrawn} nội dung rút khỏi chương trình, "
            + $"{t.NotYetSubmitted} nội dung chưa trình, như sau:"));
        string[] header = ["TT", "", "Đến hạn", "Đúng hạn", "Chậm", "Xin lùi", "Rút", "Chưa trình"];
        IReadOnlyList<string> Line(int i, string name, Counts c) =>
            [i.ToString(), name, c.Due.ToString(), c.OnTime.ToString(), c.Late.ToString(), c.Postponed.ToString(), c.Withdrawn.ToString(), c.NotYetSubmitted.ToString()];
        int[] widths = [6, 34, 10, 10, 10, 10, 10, 10];
        doc.Body.Add(new OfficialDocument.Heading("I. THEO CƠ QUAN CHỦ TRÌ CHUẨN BỊ"));
        doc.Body.Add(new OfficialDocument.Table([.. header.Select((h, i) => i == 1 ? "Cơ quan" : h)], r.ByUnit.Select((x, i) => Line(i + 1, x.Name, x.Counts)).ToList(), widths));
        doc.Body.Add(new OfficialDocument.Heading("II. THEO ĐỒNG CHÍ THƯỜNG TRỰC PHỤ TRÁCH"));
        doc.Body.Add(new OfficialDocument.Table([.. header.Select((h, i) => i == 1 ? "Đồng chí" : h)], r.ByMember.Select((x, i) => Line(i + 1, x.Name, x.Counts)).ToList(), widths));
        doc.Body.Add(new OfficialDocument.Paragraph("(Danh mục từng nội dung tại Phụ lục kèm theo.)", Italic: true));
        return doc.ToDocx();
    }

    /// <summary>The annex: every item due in the period with its state, and the two tallies.</summary>
    public static byte[] ReportToXlsx(Report r)
    {
        var items = r.Items.Select(x => new Dictionary<string, object?>
        {
            ["TT"] = x.Item.Number,
            ["Nội dung"] = x.Content,
            ["Cơ quan chủ trì chuẩn bị"] = x.PreparingUnit,
            ["Đồng chí phụ trách"] = x.Member,
            ["Trình"] = x.Item.Forum?.VietnameseName(),
            ["Tháng theo chương trình"] = x.Item.DueMonth is { } m ? Month(m) : null,
            ["Tháng đang áp dụng"] = x.Item.DueMonthInForce is { } n ? Month(n) : null,
            ["Tình trạng"] = x.Status.VietnameseName(),
            ["Ngày trình"] = x.Item.SubmittedOn?.ToString("dd/MM/yyyy"),
            ["Lý do, quyết định"] = string.Join(" — ", new[] { x.Item.StateReason, x.Item.StateDecision }.Where(s => !string.IsNullOrEmpty(s))),
        }).ToList();
        static List<Dictionary<string, object?>> Tally(IReadOnlyList<(string Name, Counts Counts)> rows, string label) => rows.Select(x => new Dictionary<string, object?>
        {
            [label] = x.Name,
            ["Đến hạn"] = x.Counts.Due,
            ["Đúng hạn"] = x.Counts.OnTime,
            ["Chậm"] = x.Counts.Late,
            ["Xin lùi"] = x.Counts.Postponed,
            ["Rút"] = x.Counts.Withdrawn,
            ["Chưa trình"] = x.Counts.NotYetSubmitted,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            ["Noi dung"] = items,
            ["Theo co quan"] = Tally(r.ByUnit, "Cơ quan chủ trì chuẩn bị"),
            ["Theo dong chi phu trach"] = Tally(r.ByMember, "Đồng chí phụ trách"),
        });
        return stream.ToArray();
    }
}
