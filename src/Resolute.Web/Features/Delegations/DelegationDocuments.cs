using Resolute.Domain.Delegations;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure.Docx;

namespace Resolute.Web.Features.Delegations;

/// <summary>
/// What an office prints of a delegation, in the Party format: the decision setting it up (with its members and the units
/// it works with), its conclusion on a unit (findings and recommendations), and the report on the state of recommendations
/// with its .xlsx annex.
/// </summary>
public static class DelegationDocuments
{
    private static string Suffix(Organisation body) => body.Kind is OrganisationKind.PeoplesCommittee or OrganisationKind.StateAgency or OrganisationKind.PeoplesCouncil
        ? DocumentNumbers.StateSuffix(body) : DocumentNumbers.IssuerSuffix(body);

    private static OfficialDocument Frame(Organisation body, Organisation? parent, string symbol, DateOnly date, string title, string? subtitle, PageMargins margins,
        IReadOnlyList<string> recipients)
    {
        var (above, issuer) = OfficialHeader.IssuingBody(body, parent);
        return new OfficialDocument
        {
            ParentBody = above,
            IssuingBody = issuer,
            NumberAndSymbol = symbol,
            Place = "Hà Nội",
            Date = date,
            Title = title,
            Subtitle = subtitle,
            SignatureCapacity = "T/M " + body.ShortName,
            Recipients = recipients,
            Margins = margins,
        };
    }

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    /// <summary>The decision setting the delegation up: its articles name the members, the subject and period, the units, and the report asked of them.</summary>
    public static byte[] DecisionDocx(DelegationView v, DateOnly today, PageMargins margins)
    {
        var d = v.Delegation;
        var doc = Frame(v.Body, v.BodyParent, v.DecisionSymbol ?? $"     -QĐ/{Suffix(v.Body)}", today, "Quyết định", $"thành lập {Lower(d.Title)}", margins,
            ["Như Điều 3", $"Lưu {v.BodyName}"]);
        doc.Body.Add(new OfficialDocument.Paragraph($"Điều 1. Thành lập {Lower(d.Title)}, gồm các đồng chí:", Bold: false));
        foreach (var m in v.Members) doc.Body.Add(new OfficialDocument.Paragraph($"- Đồng chí {m.Name}, {m.Role.VietnameseName().ToLowerInvariant()}."));
        doc.Body.Add(new OfficialDocument.Paragraph($"Điều 2. Đoàn có nhiệm vụ {(d.Subject is null ? "làm việc" : Lower(d.Subject))}"
            + (d.ReviewFrom is not null || d.ReviewTo is not null ? $" (từ {d.ReviewFrom:dd/MM/yyyy} đến {d.ReviewTo:dd/MM/yyyy})" : "")
            + $" tại {string.Join(", ", v.Visits.Select(x => x.UnitName))}; thời gian từ ngày {d.StartsOn:dd/MM/yyyy} đến ngày {d.EndsOn:dd/MM/yyyy}."));
        foreach (var x in v.Visits.Where(x => x.Visit.ReportDeadline is not null))
            doc.Body.Add(new OfficialDocument.Paragraph($"{x.UnitName} báo cáo theo đề cương, gửi đoàn trước ngày {x.Visit.ReportDeadline:dd/MM/yyyy}."));
        doc.Body.Add(new OfficialDocument.Paragraph("Điều 3. Đoàn tự giải thể sau khi hoàn thành nhiệm vụ. Các đồng chí có tên tại Điều 1 và các đơn vị liên quan căn cứ quyết định thi hành."));
        return doc.ToDocx();
    }

    /// <summary>The conclusion on one visited unit (KL), or the notice of the working results (TB).</summary>
    public static byte[] ConclusionDocx(DelegationView v, Guid conclusionId, DateOnly today, PageMargins margins)
    {
        var d = v.Delegation;
        var c = v.Conclusions.FirstOrDefault(x => x.Conclusion.Id == conclusionId)
            ?? throw new Infrastructure.NotFoundException("Không tìm thấy kết luận.");
        var kl = d.Kind.ConclusionAbbreviation() == "KL";
        var doc = Frame(v.Body, v.BodyParent, c.DocumentSymbol ?? $"     -{d.Kind.ConclusionAbbreviation()}/{Suffix(v.Body)}", c.Conclusion.IssuedOn ?? today,
            kl ? "Kết luận" : "Thông báo", kl ? $"{Lower(d.Kind.VietnameseName())} đối với {c.UnitName}" : $"kết quả làm việc của {Lower(d.Title)} với {c.UnitName}", margins,
            [c.UnitName, $"Lưu {v.BodyName}"]);
        var sessions = v.Sessions.Where(s => s.Session.UnitId == c.Conclusion.UnitId).ToList();
        doc.Body.Add(new OfficialDocument.Paragraph(
            $"Thực hiện Quyết định {v.DecisionSymbol ?? "thành lập đoàn"}, {Lower(d.Title)} đã {(sessions.Count > 0 ? $"làm việc với {c.UnitName} ngày {string.Join(", ", sessions.Select(s => (s.Session.At + Infrastructure.VietnamTime.Offset).ToString("dd/MM/yyyy")))}" : $"làm việc với {c.UnitName}")}"
            + $"{(d.Subject is null ? "" : $" về {Lower(d.Subject)}")}. {(kl ? "Kết luận" : "Kết quả")} như sau:"));
        if (c.Conclusion.Summary is not null) doc.Body.Add(new OfficialDocument.Paragraph(c.Conclusion.Summary));
        var n = 0;
        foreach (var group in c.Conclusion.Findings.OrderBy(f => f.Kind).ThenBy(f => f.Order).GroupBy(f => f.Kind))
        {
            doc.Body.Add(new OfficialDocument.Heading($"{OfficialDocument.Roman(++n)}. {group.Key.VietnameseName().ToUpperInvariant()}"));
            foreach (var f in group) doc.Body.Add(new OfficialDocument.Paragraph($"- {f.Text}"));
        }
        if (c.Recommendations.Count > 0)
        {
            doc.Body.Add(new OfficialDocument.Heading($"{OfficialDocument.Roman(++n)}. KIẾN NGHỊ"));
            foreach (var r in c.Recommendations)
                doc.Body.Add(new OfficialDocument.Paragraph($"{r.Recommendation.Number}. {r.Recommendation.Text}"
                    + (r.Recommendation.Deadline is { } dl ? $" Hoàn thành trước ngày {dl:dd/MM/yyyy}." : "")));
            doc.Body.Add(new OfficialDocument.Paragraph($"{c.UnitName} báo cáo kết quả thực hiện các kiến nghị về {v.BodyName} theo thời hạn trên."));
        }
        return doc.ToDocx();
    }

    /// <summary>The delegation's own summary report to its body: what it did with each unit, what it found, and where its recommendations stand.</summary>
    public static byte[] SummaryDocx(DelegationView v, DateOnly today, PageMargins margins)
    {
        var d = v.Delegation;
        var doc = Frame(v.Body, v.BodyParent, $"     -BC/{Suffix(v.Body)}", today, "Báo cáo", $"kết quả hoạt động của {Lower(d.Title)}", margins,
            [v.BodyName, $"Lưu {v.BodyName}"]);
        var recs = v.Conclusions.SelectMany(c => c.Recommendations).ToList();
        int Count(string s) => recs.Count(r => DelegationsApi.Dto(r.Task)?.Status == s);
        doc.Body.Add(new OfficialDocument.Paragraph(
            $"Thực hiện Quyết định {v.DecisionSymbol ?? "thành lập đoàn"}, từ ngày {d.StartsOn:dd/MM/yyyy} đến ngày {d.EndsOn:dd/MM/yyyy}, đoàn gồm {v.Members.Count} đồng chí"
            + $"{(v.Members.FirstOrDefault(m => m.Role == DelegationRole.Head) is { } h ? $" do đồng chí {h.Name} làm Trưởng đoàn" : "")} đã làm việc với {v.Visits.Count} đơn vị"
            + $"{(d.Subject is null ? "" : $" về {Lower(d.Subject)}")}; {v.Sessions.Count} buổi làm việc, {v.Conclusions.Count} kết luận, {recs.Count} kiến nghị "
            + $"(hoàn thành đúng hạn {Count("done-on-time")}, hoàn thành chậm {Count("done-late")}, trong hạn {Count("on-track")}, quá hạn {Count("overdue")}, chưa giao nhiệm vụ {recs.Count(r => r.Task is null)}). Kết quả cụ thể như sau:"));
        var n = 0;
        foreach (var x in v.Visits)
        {
            doc.Body.Add(new OfficialDocument.Heading($"{OfficialDocument.Roman(++n)}. {x.UnitName.ToUpperInvariant()}"));
            doc.Body.Add(new OfficialDocument.Paragraph($"Báo cáo theo đề cương: {(x.Report is { } report ? StatusText(DelegationsApi.Dto(report)) : "không yêu cầu")}."));
            var sessions = v.Sessions.Where(s => s.Session.UnitId == x.Visit.UnitId).Select(s => (s.Session.At + Infrastructure.VietnamTime.Offset).ToString("dd/MM/yyyy")).ToList();
            if (sessions.Count > 0) doc.Body.Add(new OfficialDocument.Paragraph($"Làm việc ngày {string.Join(", ", sessions)}."));
            if (v.Conclusions.FirstOrDefault(c => c.Conclusion.UnitId == x.Visit.UnitId) is not { } c)
            {
                doc.Body.Add(new OfficialDocument.Paragraph("Chưa có kết luận."));
                continue;
            }
            doc.Body.Add(new OfficialDocument.Paragraph($"{(c.DocumentSymbol is null ? "Kết luận (chưa ban hành)" : $"Kết luận số {c.DocumentSymbol}")}: "
                + string.Join("; ", c.Conclusion.Findings.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.VietnameseName().ToLowerInvariant()}")) + "."));
            foreach (var r in c.Recommendations)
                doc.Body.Add(new OfficialDocument.Paragraph($"- Kiến nghị {r.Recommendation.Number}: {r.Recommendation.Text} — {StatusText(DelegationsApi.Dto(r.Task))}."));
        }
        return doc.ToDocx();
    }

    public static string StatusText(DelegationsApi.TaskDto? t) => t is null ? "Chưa giao nhiệm vụ" : Meetings.MeetingDocuments.StatusText(t.Status);

    /// <summary>The state of recommendations over the delegations a body decided in a year, by visited unit.</summary>
    public static byte[] RecommendationsDocx(Organisation body, Organisation? parent, IReadOnlyList<DelegationsApi.RecommendationRow> rows, int year, DateOnly today,
        PageMargins margins)
    {
        var doc = Frame(body, parent, $"     -BC/{Suffix(body)}", today, "Báo cáo", $"tình hình thực hiện kiến nghị của các đoàn kiểm tra, giám sát năm {year}", margins,
            ["Thường trực", $"Lưu {body.ShortName}"]);
        int Count(string s) => rows.Count(r => r.Task?.Status == s);
        doc.Body.Add(new OfficialDocument.Paragraph(
            $"Năm {year} có {rows.Select(r => r.DelegationId).Distinct().Count()} đoàn đã kết luận với {rows.Select(r => r.UnitId).Distinct().Count()} đơn vị, nêu {rows.Count} kiến nghị: "
            + $"hoàn thành đúng hạn {Count("done-on-time")}, hoàn thành chậm {Count("done-late")}, đang thực hiện trong hạn {Count("on-track")}, quá hạn {Count("overdue")}, "
            + $"chưa giao nhiệm vụ {rows.Count(r => r.Task is null)}. Cụ thể như sau:"));
        doc.Body.Add(new OfficialDocument.Table(["TT", "Đơn vị", "Kiến nghị", "Thời hạn", "Tình hình thực hiện"],
            rows.OrderBy(r => r.Unit, Domain.Text.VietnameseText.Comparer).ThenBy(r => r.Number)
                .Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(), r.Unit, $"{r.Number}. {r.Text}", r.Deadline?.ToString("dd/MM/yyyy") ?? "", StatusText(r.Task)]).ToList(),
            [6, 20, 46, 12, 16]));
        return doc.ToDocx();
    }

    public static byte[] RecommendationsXlsx(IReadOnlyList<DelegationsApi.RecommendationRow> rows)
    {
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["Đoàn"] = r.Delegation,
            ["Đơn vị"] = r.Unit,
            ["Kết luận"] = r.Conclusion,
            ["Kiến nghị"] = r.Number,
            ["Nội dung"] = r.Text,
            ["Thời hạn"] = r.Deadline?.ToString("dd/MM/yyyy"),
            ["Tình trạng"] = StatusText(r.Task),
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, sheet);
        return stream.ToArray();
    }
}
