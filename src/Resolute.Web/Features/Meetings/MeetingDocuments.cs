using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.Programmes;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure.Docx;

namespace Resolute.Web.Features.Meetings;

/// <summary>What an office prints of a meeting, in the Party format: the invitation (giấy mời) and the notice of conclusions (thông báo kết luận).</summary>
public static class MeetingDocuments
{
    private static OfficialDocument Frame(MeetingView v, string symbol, DateOnly date, string title, string? subtitle, PageMargins margins, IReadOnlyList<string> recipients)
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
            Recipients = recipients,
            Margins = margins,
        };
    }

    private static string Suffix(MeetingView v) => v.Committee.Kind == OrganisationKind.PartyCommittee
        ? DocumentNumbers.IssuerSuffix(v.Committee) : DocumentNumbers.StateSuffix(v.Committee);

    public static byte[] InvitationDocx(MeetingView v, PageMargins margins)
    {
        var m = v.Meeting;
        var t = v.LocalStart;
        var doc = Frame(v, $"     -GM/{Suffix(v)}", v.Date.AddDays(-3) < DateOnly.FromDateTime(DateTime.UtcNow) ? v.Date.AddDays(-3) : v.Date, "Giấy mời", null, margins,
            ["Như thành phần mời", $"Lưu Văn phòng {v.Committee.ShortName}"]);
        doc.Body.Add(new OfficialDocument.Paragraph($"{v.Committee.ShortName} trân trọng kính mời dự {m.Name}."));
        doc.Body.Add(new OfficialDocument.Paragraph($"Thời gian: {t:HH} giờ {t:mm}, {OfficialHeader.WrittenDate(v.Date)}."));
        if (m.Place is not null) doc.Body.Add(new OfficialDocument.Paragraph($"Địa điểm: {m.Place}."));
        if (v.ChairName is not null) doc.Body.Add(new OfficialDocument.Paragraph($"Chủ trì: đồng chí {v.ChairName}."));
        doc.Body.Add(new OfficialDocument.Heading("NỘI DUNG"));
        foreach (var a in v.Items) doc.Body.Add(new OfficialDocument.Paragraph($"{a.Item.Order}. {a.Item.Title}{(a.PresentingUnit is null ? "" : $" ({a.PresentingUnit} trình bày)")}."));
        doc.Body.Add(new OfficialDocument.Heading("THÀNH PHẦN"));
        foreach (var p in v.People) doc.Body.Add(new OfficialDocument.Paragraph($"- Đồng chí {p.Name}{(p.Title is null ? "" : ", " + p.Title)}{(p.Role == Domain.Meetings.AttendeeRole.Invited ? " (khách mời)" : "")}."));
        return doc.ToDocx();
    }

    /// <summary>The notice of conclusions: its number (once issued), the meeting, and the numbered points under each agenda item.</summary>
    public static byte[] NoticeDocx(MeetingView v, PageMargins margins)
    {
        var m = v.Meeting;
        var doc = Frame(v, v.NoticeSymbol ?? $"     -TB/{Suffix(v)}", m.NoticeIssuedOn ?? v.Date, "Thông báo",
            $"kết luận của {m.Forum.VietnameseName()} tại {char.ToLowerInvariant(m.Name[0])}{m.Name[1..]}", margins,
            ["Các đồng chí dự họp", "Các cơ quan được giao nhiệm vụ", $"Lưu Văn phòng {v.Committee.ShortName}"]);
        doc.Body.Add(new OfficialDocument.Paragraph(
            $"Ngày {v.Date:dd/MM/yyyy}, {m.Forum.VietnameseName()} {v.Committee.ShortName} đã họp{(v.ChairName is null ? "" : $" dưới sự chủ trì của đồng chí {v.ChairName}")}. "
            + $"Dự họp có {v.Quorum.Present}/{v.Quorum.Members} đồng chí. Sau khi nghe báo cáo và ý kiến thảo luận, {m.Forum.VietnameseName()} kết luận như sau:"));
        var n = 0;
        foreach (var group in v.Points.GroupBy(p => p.Conclusion.AgendaItemId).OrderBy(g => v.Items.FirstOrDefault(a => a.Item.Id == g.Key)?.Item.Order ?? int.MaxValue))
        {
            var agenda = v.Items.FirstOrDefault(a => a.Item.Id == group.Key);
            doc.Body.Add(new OfficialDocument.Heading($"{OfficialDocument.Roman(++n)}. {(agenda?.Item.Title ?? "Các nội dung khác").ToUpperInvariant()}"));
            foreach (var p in group)
                doc.Body.Add(new OfficialDocument.Paragraph($"{p.Conclusion.Number}. {p.Conclusion.Text}"
                    + (p.LeadUnit is null ? "" : $" Giao {p.LeadUnit} chủ trì thực hiện{(p.Conclusion.Deadline is { } d ? $", hoàn thành trước ngày {d:dd/MM/yyyy}" : "")}.")));
        }
        return doc.ToDocx();
    }

    /// <summary>
    /// The follow-up of conclusions over a period as the committee's report: each point of the notices issued, its lead
    /// unit, deadline and the status of its tasks, and a count by status.
    /// </summary>
    public static byte[] FollowUpDocx(Domain.Organisations.Organisation committee, Domain.Organisations.Organisation? parent, IReadOnlyList<MeetingsApi.ReportRow> rows,
        DateOnly from, DateOnly to, DateOnly today, PageMargins margins)
    {
        var (above, issuer) = OfficialHeader.IssuingBody(committee, parent);
        var doc = new OfficialDocument
        {
            ParentBody = above,
            IssuingBody = issuer,
            NumberAndSymbol = $"     -BC/{(committee.Kind == OrganisationKind.PartyCommittee ? DocumentNumbers.IssuerSuffix(committee) : DocumentNumbers.StateSuffix(committee))}",
            Place = "Hà Nội",
            Date = today,
            Title = "Báo cáo",
            Subtitle = $"tình hình thực hiện các kết luận (từ ngày {from:dd/MM/yyyy} đến ngày {to:dd/MM/yyyy})",
            SignatureCapacity = committee.Kind == OrganisationKind.PartyCommittee ? "T/L Ban Thường vụ" : "T/M " + committee.ShortName,
            SignatureTitle = "Chánh Văn phòng",
            Recipients = ["Thường trực", $"Lưu Văn phòng {committee.ShortName}"],
            Margins = margins,
        };
        var tasks = rows.SelectMany(r => r.Tasks).ToList();
        int Count(params string[] s) => tasks.Count(t => s.Contains(t.Status));
        doc.Body.Add(new OfficialDocument.Paragraph(
            $"Trong kỳ có {rows.Select(r => r.MeetingId).Distinct().Count()} thông báo kết luận với {rows.Count} điểm kết luận; {rows.Count(r => r.Tasks.Count > 0)} điểm đã giao thành {tasks.Count} nhiệm vụ: "
            + $"hoàn thành đúng hạn {Count("done-on-time")}, hoàn thành chậm {Count("done-late")}, đang thực hiện trong hạn {Count("on-track")}, quá hạn {Count("overdue")}, dự thảo chưa giao {Count("draft")}. Cụ thể như sau:"));
        doc.Body.Add(new OfficialDocument.Heading("I. Tổng hợp theo đơn vị chủ trì"));
        doc.Body.Add(new OfficialDocument.Table(["TT", "Đơn vị chủ trì", "Điểm kết luận", "Nhiệm vụ", "Đúng hạn", "Chậm", "Trong hạn", "Quá hạn"],
            MeetingsApi.LeadSummary(rows).Select((l, i) => (IReadOnlyList<string>)[(i + 1).ToString(), l.LeadUnit, l.Points.ToString(), l.Tasks.ToString(),
                l.DoneOnTime.ToString(), l.DoneLate.ToString(), l.OnTrack.ToString(), l.Overdue.ToString()]).ToList(),
            [6, 30, 11, 10, 11, 10, 11, 11]));
        doc.Body.Add(new OfficialDocument.Heading("II. Chi tiết theo đơn vị chủ trì"));
        var n = 0;
        foreach (var g in MeetingsApi.ByLead(rows))
        {
            doc.Body.Add(new OfficialDocument.Paragraph($"{++n}. {g.Key}", Bold: true));
            doc.Body.Add(new OfficialDocument.Table(["TT", "Thông báo", "Kết luận", "Thời hạn", "Tình hình thực hiện"],
                g.OrderBy(r => r.Date).ThenBy(r => r.Number).Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(), $"{r.Notice} ({r.Date:dd/MM/yyyy})", $"{r.Number}. {r.Text}",
                    r.Deadline?.ToString("dd/MM/yyyy") ?? "", r.Tasks.Count == 0 ? "Không giao nhiệm vụ" : string.Join("; ", r.Tasks.Select(t => StatusText(t.Status)))]).ToList(),
                [6, 17, 46, 12, 19]));
        }
        return doc.ToDocx();
    }

    public static string StatusText(string? apiName) => apiName switch
    {
        "done-on-time" => "Hoàn thành đúng hạn",
        "done-late" => "Hoàn thành chậm",
        "on-track" => "Đang thực hiện trong hạn",
        "overdue" => "Quá hạn",
        "draft" => "Dự thảo, chưa giao",
        "paused" => "Tạm dừng",
        "withdrawn" => "Không thực hiện",
        _ => apiName ?? "",
    };

    public static byte[] FollowUpXlsx(IReadOnlyList<MeetingsApi.ReportRow> rows)
    {
        var sheet = MeetingsApi.ByLead(rows).SelectMany(g => g).SelectMany(r => (r.Tasks.Count == 0 ? [null] : r.Tasks.Cast<MeetingsApi.TaskDto?>()).Select(t => new Dictionary<string, object?>
        {
            ["Cuộc họp"] = r.Meeting,
            ["Ngày họp"] = r.Date.ToString("dd/MM/yyyy"),
            ["Thông báo"] = r.Notice,
            ["Điểm"] = r.Number,
            ["Kết luận"] = r.Text,
            ["Đơn vị chủ trì"] = r.LeadUnit,
            ["Thời hạn"] = r.Deadline?.ToString("dd/MM/yyyy"),
            ["Nhiệm vụ"] = t?.Title,
            ["Tình trạng"] = t is null ? "Không giao nhiệm vụ" : StatusText(t.Status),
        })).ToList();
        var byLead = MeetingsApi.LeadSummary(rows).Select(l => new Dictionary<string, object?>
        {
            ["Đơn vị chủ trì"] = l.LeadUnit,
            ["Điểm kết luận"] = l.Points,
            ["Nhiệm vụ"] = l.Tasks,
            ["Hoàn thành đúng hạn"] = l.DoneOnTime,
            ["Hoàn thành chậm"] = l.DoneLate,
            ["Đang thực hiện trong hạn"] = l.OnTrack,
            ["Quá hạn"] = l.Overdue,
            ["Dự thảo chưa giao"] = l.Draft,
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new Dictionary<string, object> { ["Chi tiết"] = sheet, ["Theo đơn vị chủ trì"] = byLead });
        return stream.ToArray();
    }
}
