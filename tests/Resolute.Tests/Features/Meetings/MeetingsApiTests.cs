using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Meetings;

public class MeetingsApiTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Call_Agenda_Quorum_Conclusions_Task_Notice()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var m = await Json(await office.PostAsJsonAsync("/api/meetings", new
        {
            organisationCode = "TU-HN",
            forum = "standingCommittee",
            number = 12,
            startsAt = "2026-11-10T08:00:00",
            place = "Trụ sở Thành ủy",
        }), HttpStatusCode.Created);
        Assert.Equal("Phiên họp Ban Thường vụ lần thứ 12", m.GetProperty("name").GetString());
        var members = m.GetProperty("attendance").EnumerateArray().Where(a => a.GetProperty("role").GetString() == "member").ToList();
        Assert.True(members.Count >= 2, "the standing committee's members are invited");
        var id = m.GetProperty("id").GetString();
        int V(JsonElement x) => x.GetProperty("version").GetInt32();

        // The agenda takes the programme items due (the demo's November items of the standing committee) and one by hand.
        m = await Json(await office.PostAsJsonAsync($"/api/meetings/{id}/agenda", new { allDue = true, version = V(m) }), HttpStatusCode.OK);
        var fromProgramme = m.GetProperty("agenda").EnumerateArray().Where(a => a.GetProperty("programmeItemId").ValueKind != JsonValueKind.Null).ToList();
        Assert.NotEmpty(fromProgramme);
        m = await Json(await office.PostAsJsonAsync($"/api/meetings/{id}/agenda", new { title = "Công tác cán bộ", presentingUnitCode = "BTCTU", version = V(m) }), HttpStatusCode.OK);

        // Below quorum: refused, saying what is needed.
        var quorum = m.GetProperty("quorum");
        var needed = quorum.GetProperty("needed").GetInt32();
        var below = members.Take(needed - 1).Select(a => new { personId = a.GetProperty("personId").GetString(), presence = "present" }).ToList();
        var refused = await Json(await office.PutAsJsonAsync($"/api/meetings/{id}/attendance", new { attendance = below, held = true, version = V(m) }), HttpStatusCode.BadRequest);
        Assert.Contains("Chưa đủ số lượng để họp", refused.GetProperty("errors").GetProperty("attendance")[0].GetString());
        var all = members.Select(a => new { personId = a.GetProperty("personId").GetString(), presence = "present" }).ToList();
        m = await Json(await office.PutAsJsonAsync($"/api/meetings/{id}/attendance", new { attendance = all, held = true, version = V(m) }), HttpStatusCode.OK);
        Assert.Equal("held", m.GetProperty("state").GetString());

        var agenda = m.GetProperty("agenda")[0].GetProperty("id").GetString();
        m = await Json(await office.PostAsJsonAsync($"/api/meetings/{id}/conclusions", new { agendaItemId = agenda, text = "Thống nhất thông qua nội dung trình.", version = V(m) }), HttpStatusCode.Created);
        m = await Json(await office.PostAsJsonAsync($"/api/meetings/{id}/conclusions", new
        {
            agendaItemId = agenda,
            text = "Giao Ban Tổ chức Thành ủy hoàn thiện quy định, trình ban hành trong tháng 12/2026.",
            leadUnitCode = "BTCTU",
            deadline = "2026-12-31",
            version = V(m),
            minutes = "Biên bản phiên họp.",
        }), HttpStatusCode.Created);
        var point = m.GetProperty("conclusions")[1].GetProperty("id").GetString();
        var task = await Json(await office.PostAsJsonAsync($"/api/meetings/{id}/conclusions/{point}/tasks", new { }), HttpStatusCode.Created);
        var taskId = Guid.Parse(task.GetProperty("id").GetString()!);
        var saved = await app.WithDbAsync((db, _) => db.Assignments.IgnoreQueryFilters().FirstAsync(a => a.Id == taskId));
        Assert.Equal(await app.UnitIdAsync("BTCTU"), saved.LeadId);
        Assert.Equal(new DateOnly(2026, 12, 31), saved.Deadline);
        Assert.StartsWith("Kết luận điểm 2, Phiên họp Ban Thường vụ lần thứ 12 ngày 10/11/2026", saved.SourceNote);

        m = await Json(await office.GetAsync($"/api/meetings/{id}"), HttpStatusCode.OK);
        m = await Json(await office.PostAsJsonAsync($"/api/meetings/{id}/issue-notice", new { version = V(m) }), HttpStatusCode.OK);
        Assert.Equal("noticeIssued", m.GetProperty("state").GetString());
        Assert.Matches(@"^\d{2,}-TB/TU$", m.GetProperty("noticeSymbol").GetString());
        Assert.Equal([taskId.ToString()], m.GetProperty("conclusions")[1].GetProperty("taskIds").EnumerateArray().Select(x => x.GetString()));

        // The programme items heard are submitted on the meeting's day.
        var itemId = Guid.Parse(fromProgramme[0].GetProperty("programmeItemId").GetString()!);
        var item = await app.WithDbAsync((db, _) => db.ProgrammeItems.IgnoreQueryFilters().FirstAsync(i => i.Id == itemId));
        Assert.Equal(new DateOnly(2026, 11, 10), item.SubmittedOn);

        var notice = await office.GetByteArrayAsync($"/api/meetings/{id}/notice.docx");
        using var word = WordprocessingDocument.Open(new MemoryStream(notice), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains(m.GetProperty("noticeSymbol").GetString()!, text);
        Assert.Contains("THÔNG BÁO", text.ToUpperInvariant());
        Assert.Contains("Giao Ban Tổ chức Thành ủy chủ trì thực hiện", text);

        var report = await Json(await office.GetAsync($"/api/meetings/report?forum=standingCommittee&from=2026-11-01&to=2026-11-30"), HttpStatusCode.OK);
        Assert.Contains(report.EnumerateArray(), r => r.GetProperty("tasks").GetArrayLength() == 1);
        var city = await app.UnitIdAsync("TU-HN");
        var followUp = await office.GetByteArrayAsync($"/api/meetings/report.docx?org={city}&forum=standingCommittee&from=2026-11-01&to=2026-11-30");
        using var followUpWord = WordprocessingDocument.Open(new MemoryStream(followUp), false);
        var followUpText = followUpWord.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("tình hình thực hiện các kết luận", followUpText);
        Assert.Contains("Giao Ban Tổ chức Thành ủy hoàn thiện quy định", followUpText);
        var workbook = await office.GetByteArrayAsync("/api/meetings/report.xlsx?forum=standingCommittee&from=2026-11-01&to=2026-11-30");
        Assert.Contains(MiniExcelLibs.MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true).Cast<IDictionary<string, object>>(),
            r => (r["Kết luận"] as string)?.StartsWith("Giao Ban Tổ chức") == true);
    }
}

public class MeetingsConflictTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    [Fact]
    public async Task AMemberWithAnotherMeetingAtTheSameTime_IsFlagged()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var first = JsonDocument.Parse(await (await office.PostAsJsonAsync("/api/meetings", new { organisationCode = "TU-HN", forum = "standingCommittee", startsAt = "2026-12-15T08:00:00" }))
            .Content.ReadAsStringAsync()).RootElement;
        var second = await office.PostAsJsonAsync("/api/meetings", new { organisationCode = "TU-HN", forum = "standingMembers", startsAt = "2026-12-15T09:30:00" });
        var m = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        var conflicts = m.GetProperty("conflicts").EnumerateArray().ToList();
        Assert.NotEmpty(conflicts); // the secretary sits in both
        Assert.All(conflicts, c => Assert.Equal(first.GetProperty("id").GetString(), c.GetProperty("meetingId").GetString()));
        var later = JsonDocument.Parse(await (await office.PostAsJsonAsync("/api/meetings", new { organisationCode = "TU-HN", forum = "standingMembers", startsAt = "2026-12-15T14:00:00" }))
            .Content.ReadAsStringAsync()).RootElement;
        Assert.Empty(later.GetProperty("conflicts").EnumerateArray());
    }
}

public class MeetingsPeoplesCommitteeTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    [Fact]
    public async Task PeoplesCommittee_NoticeIsAStateDocument_NumberedInTheYear()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "P-NGHIADO");
        var created = await office.PostAsJsonAsync("/api/meetings", new { organisationCode = "P-NGHIADO-UBND", forum = "standingMembers", startsAt = "2026-06-02T08:00:00" });
        var m = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = m.GetProperty("id").GetString();
        var all = m.GetProperty("attendance").EnumerateArray().Select(a => new { personId = a.GetProperty("personId").GetString(), presence = "present" }).ToList();
        Assert.NotEmpty(all);
        var r = await office.PutAsJsonAsync($"/api/meetings/{id}/attendance", new { attendance = all, held = true, version = m.GetProperty("version").GetInt32() });
        m = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        r = await office.PostAsJsonAsync($"/api/meetings/{id}/conclusions", new { text = "Giao phòng chuyên môn hoàn thành báo cáo.", version = m.GetProperty("version").GetInt32() });
        m = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        r = await office.PostAsJsonAsync($"/api/meetings/{id}/issue-notice", new { version = m.GetProperty("version").GetInt32() });
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, body + string.Join("\n", app.LoggedErrors));
        Assert.Matches(@"^\d+/TB-UBND$", JsonDocument.Parse(body).RootElement.GetProperty("noticeSymbol").GetString());
    }
}
