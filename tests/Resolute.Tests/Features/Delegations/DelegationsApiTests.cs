using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Delegations;

/// <summary>
/// A supervision by the city's inspection commission of a ward: set up with its members, established (its decision
/// registered, the ward's reporting task given), the ward reports, a member from outside the ward's subtree reads the
/// report during the delegation (in the audit trail) and not after it ends; the conclusion's recommendations become
/// tasks, one of them accepted as done by the deciding body.
/// </summary>
public class DelegationsApiTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    private async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode} {body} {string.Join("\n", app.LoggedErrors)}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static int V(JsonElement x) => x.GetProperty("version").GetInt32();

    private Task<Guid> LeaderOfAsync(string code) => app.WithDbAsync((db, _) =>
        (from p in db.Positions.IgnoreQueryFilters()
         join o in db.Organisations.IgnoreQueryFilters() on p.OrganisationId equals o.Id
         where o.Code == code && p.IsLeader && p.EndsOn == null
         select p.PersonId).FirstAsync());

    [Fact]
    public async Task SetUp_Report_TemporaryAccess_Conclusion_Recommendations()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var today = await app.WithDbAsync((db, _) => Task.FromResult(db.Today));
        var head = await LeaderOfAsync("UBKTTU");
        var member = await LeaderOfAsync("BTCTU");
        // The member's own account works in the city's organisation board: the ward is outside its subtree.
        var outsider = await app.ApiClientAsync(ScopeRole.Reporter, "BTCTU", member);

        var d = await Json(await office.PostAsJsonAsync("/api/delegations", new
        {
            organisationCode = "UBKTTU",
            kind = "supervision",
            title = "Đoàn giám sát việc thực hiện quy chế làm việc của Đảng ủy phường Nghĩa Đô",
            subject = "Việc ban hành và thực hiện quy chế làm việc nhiệm kỳ 2025–2030",
            reviewFrom = "2025-07-01",
            reviewTo = today.ToString("yyyy-MM-dd"),
            startsOn = today.AddDays(-3).ToString("yyyy-MM-dd"),
            endsOn = today.AddDays(30).ToString("yyyy-MM-dd"),
            members = new object[] { new { personId = head, role = "head" }, new { personId = member, role = "member" } },
            visits = new object[] { new { unitCode = "P-NGHIADO", reportDeadline = today.AddDays(10).ToString("yyyy-MM-dd") } },
        }), HttpStatusCode.Created);
        var id = d.GetProperty("id").GetString();
        Assert.Equal("draft", d.GetProperty("state").GetString());

        // A ward's office cannot send its people into another ward (the members' access never reaches past the office's own).
        var wardOffice = await app.ApiClientAsync(ScopeRole.Office, "P-NGHIADO");
        var escalation = await wardOffice.PostAsJsonAsync("/api/delegations", new
        {
            organisationCode = "P-NGHIADO",
            kind = "survey",
            title = "Đoàn khảo sát",
            startsOn = today.ToString("yyyy-MM-dd"),
            endsOn = today.AddDays(5).ToString("yyyy-MM-dd"),
            members = new object[] { new { personId = member, role = "head" } },
            visits = new object[] { new { unitCode = "P-CUANAM" } },
        });
        Assert.Contains("trong phạm vi của bạn", (await Json(escalation, HttpStatusCode.BadRequest)).GetRawText());
        Assert.False(d.GetProperty("accessActive").GetBoolean());

        // Two heads are refused, with the reason.
        var twoHeads = await office.PutAsJsonAsync($"/api/delegations/{id}", new
        {
            version = V(d),
            organisationCode = "UBKTTU",
            kind = "supervision",
            title = "Đoàn giám sát",
            startsOn = today.ToString("yyyy-MM-dd"),
            endsOn = today.AddDays(30).ToString("yyyy-MM-dd"),
            members = new object[] { new { personId = head, role = "head" }, new { personId = member, role = "head" } },
        });
        Assert.Contains("đúng một Trưởng đoàn", (await Json(twoHeads, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("members")[0].GetString());

        d = await Json(await office.PostAsJsonAsync($"/api/delegations/{id}/establish", new { version = V(d) }), HttpStatusCode.OK);
        Assert.Equal("established", d.GetProperty("state").GetString());
        Assert.Matches(@"^\d{2}-QĐ/UBKTTU$", d.GetProperty("decisionSymbol").GetString());
        Assert.True(d.GetProperty("accessActive").GetBoolean());
        var report = d.GetProperty("visits")[0].GetProperty("report");
        var reportTask = report.GetProperty("id").GetString();

        // The ward reports on the outline through its reporting task.
        var ward = await app.ApiClientAsync(ScopeRole.Reporter, "P-NGHIADO");
        var task = await Json(await ward.GetAsync($"/api/assignments/{reportTask}"), HttpStatusCode.OK);
        // The outline is the review outline's (the standard sections, by default).
        Assert.Contains("Đề cương báo cáo:", task.GetProperty("content").GetString());
        await Json(await ward.PostAsJsonAsync($"/api/assignments/{reportTask}/progress", new
        {
            narrative = "Đảng ủy phường đã ban hành Quy chế làm việc số 01-QC/ĐU; báo cáo theo đề cương gửi kèm.",
            percent = 100,
            proposesCompletion = true,
            version = V(task),
        }), HttpStatusCode.Created);

        // The member, from outside the ward's subtree, reads it while the delegation runs; the read is in the audit trail.
        var read = await Json(await outsider.GetAsync($"/api/assignments/{reportTask}"), HttpStatusCode.OK);
        Assert.Contains("Quy chế làm việc số 01-QC/ĐU", read.GetRawText());
        var audited = await app.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "read-under-delegation").Select(a => a.After).ToListAsync());
        // Each entry names the delegations in force for the reader (the first as its subject) and the path read.
        audited = audited.Where(a => a!.Contains(id!)).ToList();
        Assert.Contains(audited, a => a!.Contains(reportTask!));
        // Reading only: the member cannot act in the ward.
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync($"/api/assignments/{reportTask}/progress",
            new { narrative = "x", percent = 10, version = V(read) })).StatusCode);

        // A working session and the conclusion, issued (KL), with two recommendations.
        d = await Json(await office.GetAsync($"/api/delegations/{id}"), HttpStatusCode.OK);
        d = await Json(await office.PostAsJsonAsync($"/api/delegations/{id}/sessions", new
        {
            version = V(d),
            unitCode = "P-NGHIADO",
            at = today.ToDateTime(new TimeOnly(8, 30)).ToString("yyyy-MM-ddTHH:mm:ss"),
            place = "Trụ sở Đảng ủy phường Nghĩa Đô",
            attendees = "Đoàn giám sát; Thường trực Đảng ủy phường",
            minutes = "Đảng ủy phường báo cáo; đoàn trao đổi.",
        }), HttpStatusCode.Created);
        Assert.Single(d.GetProperty("sessions").EnumerateArray());
        var violation = await office.PostAsJsonAsync($"/api/delegations/{id}/conclusions", new
        {
            version = V(d),
            unitCode = "P-NGHIADO",
            findings = new object[] { new { kind = "violation", text = "Vi phạm" } },
        });
        Assert.Contains("Chỉ kết luận kiểm tra", (await Json(violation, HttpStatusCode.BadRequest)).GetRawText());
        d = await Json(await office.PostAsJsonAsync($"/api/delegations/{id}/conclusions", new
        {
            version = V(d),
            unitCode = "P-NGHIADO",
            summary = "Đảng ủy phường ban hành quy chế làm việc kịp thời, đúng mẫu.",
            issue = true,
            findings = new object[]
            {
                new { kind = "strength", text = "Ban hành quy chế làm việc đúng thời hạn, theo quy chế mẫu." },
                new { kind = "shortcoming", text = "Chưa phân công cụ thể nhiệm vụ của từng ủy viên Ban Thường vụ." },
            },
            recommendations = new object[]
            {
                new { text = "Bổ sung phân công nhiệm vụ của từng ủy viên Ban Thường vụ Đảng ủy phường.", deadline = today.AddDays(20).ToString("yyyy-MM-dd") },
                new { text = "Rà soát chế độ họp, làm việc của Thường trực Đảng ủy phường.", deadline = today.AddDays(40).ToString("yyyy-MM-dd") },
            },
        }), HttpStatusCode.Created);
        var conclusion = d.GetProperty("conclusions")[0];
        Assert.Matches(@"^\d{2}-KL/UBKTTU$", conclusion.GetProperty("documentSymbol").GetString());
        var cid = conclusion.GetProperty("id").GetString();
        var recs = conclusion.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(2, recs.Count);
        var tasks = new List<string>();
        foreach (var r in recs)
        {
            var t = await Json(await office.PostAsJsonAsync($"/api/delegations/{id}/conclusions/{cid}/recommendations/{r.GetProperty("id")}/task", new { }), HttpStatusCode.Created);
            Assert.Equal("on-track", t.GetProperty("status").GetString());
            tasks.Add(t.GetProperty("id").GetString()!);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/delegations/{id}/conclusions/{cid}/recommendations/{recs[0].GetProperty("id")}/task", new { })).StatusCode);

        // The ward reports the first done; the deciding body accepts it, and the recommendation reads done.
        var first = await Json(await ward.GetAsync($"/api/assignments/{tasks[0]}"), HttpStatusCode.OK);
        var progress = await Json(await ward.PostAsJsonAsync($"/api/assignments/{tasks[0]}/progress", new
        {
            narrative = "Đã ban hành quyết định phân công nhiệm vụ.",
            percent = 100,
            proposesCompletion = true,
            version = V(first),
        }), HttpStatusCode.Created);
        first = await Json(await office.GetAsync($"/api/assignments/{tasks[0]}"), HttpStatusCode.OK);
        var reportId = first.GetProperty("progress").EnumerateArray().OrderBy(r => r.GetProperty("reportedAt").GetDateTime()).Last().GetProperty("id").GetString();
        await Json(await office.PostAsJsonAsync($"/api/assignments/{tasks[0]}/progress/{reportId}/review", new { accept = true, version = V(first) }), HttpStatusCode.OK);
        var state = await Json(await office.GetAsync("/api/delegations/recommendations?year=" + today.Year), HttpStatusCode.OK);
        var mine = state.EnumerateArray().Where(r => r.GetProperty("delegationId").GetString() == id).ToList();
        Assert.Equal(["done-on-time", "on-track"], mine.OrderBy(r => r.GetProperty("number").GetInt32()).Select(r => r.GetProperty("task").GetProperty("status").GetString()));

        // The delegation's period ends: the member no longer reads the ward's records.
        d = await Json(await office.GetAsync($"/api/delegations/{id}"), HttpStatusCode.OK);
        d = await Json(await office.PutAsJsonAsync($"/api/delegations/{id}", new
        {
            version = V(d),
            organisationCode = "UBKTTU",
            kind = "supervision",
            title = d.GetProperty("title").GetString(),
            startsOn = today.AddDays(-3).ToString("yyyy-MM-dd"),
            endsOn = today.AddDays(-1).ToString("yyyy-MM-dd"),
        }), HttpStatusCode.OK);
        Assert.False(d.GetProperty("accessActive").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/assignments/{reportTask}")).StatusCode);
        // The delegation itself stays visible to its member.
        await Json(await outsider.GetAsync($"/api/delegations/{id}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Demo_TheSeedsWorkingDelegation_AndThe2026Supervision()
    {
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var all2022 = (await Json(await leader.GetAsync("/api/delegations?year=2022"), HttpStatusCode.OK)).EnumerateArray().ToList();
        var working = Assert.Single(all2022, x => x.GetProperty("title").GetString() == "Đoàn công tác số 1 của Ban Chỉ đạo Đề án Trung ương 6");
        var w = await Json(await leader.GetAsync($"/api/delegations/{working.GetProperty("id")}"), HttpStatusCode.OK);
        Assert.Equal("workingDelegation", w.GetProperty("kind").GetString());
        Assert.Equal("15-NQ/TW", w.GetProperty("subjectSymbol").GetString());
        var session = Assert.Single(w.GetProperty("sessions").EnumerateArray());
        Assert.Equal("234-BC/TU", session.GetProperty("paperSymbol").GetString());
        Assert.Equal(new DateTime(2022, 4, 12, 7, 0, 0), session.GetProperty("at").GetDateTime());
        Assert.Contains("-TB/", w.GetProperty("conclusions")[0].GetProperty("documentSymbol").GetString());
        Assert.Contains(w.GetProperty("members").EnumerateArray(), m => m.GetProperty("role").GetString() == "head");

        var all2026 = (await Json(await leader.GetAsync("/api/delegations?year=2026"), HttpStatusCode.OK)).EnumerateArray().ToList();
        var supervision = Assert.Single(all2026, x => x.GetProperty("title").GetString() == "Đoàn giám sát việc ban hành và thực hiện quy chế làm việc của đảng ủy phường");
        var s = await Json(await leader.GetAsync($"/api/delegations/{supervision.GetProperty("id")}"), HttpStatusCode.OK);
        Assert.True(s.GetProperty("accessActive").GetBoolean());
        Assert.Equal(3, s.GetProperty("visits").GetArrayLength());
        Assert.All(s.GetProperty("visits").EnumerateArray(), v => Assert.StartsWith("done", v.GetProperty("report").GetProperty("status").GetString()));
        Assert.Equal(3, s.GetProperty("conclusions").GetArrayLength());
        Assert.All(s.GetProperty("conclusions").EnumerateArray(), c => Assert.Matches(@"^\d{2}-KL/UBKTTU$", c.GetProperty("documentSymbol").GetString()));
        var states = s.GetProperty("conclusions").EnumerateArray().SelectMany(c => c.GetProperty("recommendations").EnumerateArray())
            .Select(r => r.GetProperty("task").ValueKind == JsonValueKind.Null ? "none" : r.GetProperty("task").GetProperty("status").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "done-on-time", "done-late", "overdue", "on-track", "none" }, states);
    }

    [Fact]
    public async Task Documents_Decision_Conclusion_AndTheRecommendationsReport_PrintInThePartyFormat()
    {
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var list = (await Json(await leader.GetAsync("/api/delegations?year=2026"), HttpStatusCode.OK)).EnumerateArray().ToList();
        var id = list.Single(x => x.GetProperty("title").GetString() == "Đoàn giám sát việc ban hành và thực hiện quy chế làm việc của đảng ủy phường").GetProperty("id").GetString();
        var d = await Json(await leader.GetAsync($"/api/delegations/{id}"), HttpStatusCode.OK);
        var conclusion = d.GetProperty("conclusions")[0];

        var decision = await leader.GetByteArrayAsync($"/api/delegations/{id}/decision.docx");
        var decisionText = Infrastructure.Docx.Rendered.DocxText(decision);
        Assert.Contains(d.GetProperty("decisionSymbol").GetString()!, decisionText);
        Assert.Contains("Điều 1. Thành lập đoàn giám sát", decisionText);
        Assert.Contains("trưởng đoàn", decisionText);

        var docx = await leader.GetByteArrayAsync($"/api/delegations/{id}/conclusions/{conclusion.GetProperty("id")}.docx");
        var pdf = await Infrastructure.Docx.Rendered.PdfTextAsync(docx, "delegation-conclusion");
        foreach (var text in new[] { Infrastructure.Docx.Rendered.DocxText(docx), pdf }.OfType<string>())
        {
            Assert.Contains("THÀNH ỦY HÀ NỘI", text);
            Assert.Contains(conclusion.GetProperty("documentSymbol").GetString()!, text);
            Assert.Contains("KẾT LUẬN", text);
            Assert.Contains("KIẾN NGHỊ", text);
            Assert.Contains(conclusion.GetProperty("recommendations")[0].GetProperty("text").GetString()![..30], text);
        }

        var summary = Infrastructure.Docx.Rendered.DocxText(await leader.GetByteArrayAsync($"/api/delegations/{id}/report.docx"));
        Assert.Contains("KẾT QUẢ HOẠT ĐỘNG", summary.ToUpperInvariant());
        Assert.Contains("I. ĐẢNG ỦY PHƯỜNG", summary);
        Assert.Contains("Báo cáo theo đề cương: Hoàn thành", summary);

        var commission = await app.UnitIdAsync("UBKTTU");
        var report = Infrastructure.Docx.Rendered.DocxText(await leader.GetByteArrayAsync($"/api/delegations/recommendations.docx?org={commission}&year=2026"));
        Assert.Contains("tình hình thực hiện kiến nghị", report);
        Assert.Matches("quá hạn [1-9]", report);
        var workbook = await leader.GetByteArrayAsync($"/api/delegations/recommendations.xlsx?org={commission}&year=2026");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.True(rows.Count >= 6, $"{rows.Count} recommendations");
        Assert.Contains(rows, r => (r["Tình trạng"] as string) == "Chưa giao nhiệm vụ");
    }

    [Fact]
    public async Task InspectionProgramme_ByQuarter_Coverage_AndAWarningForTheSameSubjectTwice()
    {
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var commission = await app.UnitIdAsync("UBKTTU");
        var p = await Json(await leader.GetAsync($"/api/inspection-programmes?org={commission}&year=2026"), HttpStatusCode.OK);
        var q4 = p.GetProperty("quarters")[3].GetProperty("delegations").EnumerateArray().ToList();
        Assert.Contains(q4, d => d.GetProperty("state").GetString() == "established");
        Assert.True(q4.Count(d => d.GetProperty("state").GetString() == "draft") >= 2);
        var covered = p.GetProperty("coverage").EnumerateArray().Select(c => c.GetProperty("unit").GetString()).ToList();
        Assert.Contains("Đảng ủy phường Hoàn Kiếm", covered);
        Assert.Contains("Đảng ủy phường Ba Đình", covered);
        Assert.DoesNotContain("Đảng ủy phường Ngọc Hà", covered); // planned, not yet carried out
        var warning = Assert.Single(p.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("unit").GetString() == "Đảng ủy phường Hoàn Kiếm");
        Assert.Equal(2, warning.GetProperty("delegationIds").GetArrayLength());
        Assert.Equal("Nhiệm kỳ 2025–2030", p.GetProperty("term").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.GetAsync("/api/inspection-programmes?year=2026")).StatusCode);

        var web = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Inspector, "TU-HN"));
        var html = await web.GetStringAsync("/Delegations/Programme?year=2026");
        Assert.Contains("data-testid=\"programme-warning\"", html);
        Assert.Contains("Đảng ủy phường Hoàn Kiếm có 2 đoàn về cùng nội dung trong năm 2026", html);
    }
}
