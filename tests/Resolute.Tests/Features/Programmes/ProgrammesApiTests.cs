using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Tests.Infrastructure;
using Resolute.Web.Features.Programmes;

namespace Resolute.Tests.Features.Programmes;

public class ProgrammesApiTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    /// <summary>Last year: every month of it has ended, so items can be submitted on time or late whatever today is.</summary>
    private static readonly int Year = DateTime.UtcNow.Year - 1;

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<string> StandingMemberAsync() => app.WithDbAsync((db, _) =>
        (from pos in db.Positions.IgnoreQueryFilters()
         join o in db.Organisations.IgnoreQueryFilters() on pos.OrganisationId equals o.Id
         join p in db.People.IgnoreQueryFilters() on pos.PersonId equals p.Id
         where o.Code == "TU-HN-TT" && pos.IsLeader && pos.EndsOn == null
         orderby p.FullName
         select p.FullName).FirstAsync());

    private static object Item(string content, string unit, string member, int month, params string[] coordinators) => new
    {
        content,
        preparingUnitCode = unit,
        coordinatorCodes = coordinators,
        memberInCharge = member,
        forum = "standingCommittee",
        dueMonth = $"{Year}-{month:00}-01",
    };

    private async Task<(HttpClient Office, HttpClient Leader, JsonElement Programme)> DraftAsync(int items = 3)
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var p = await Json(await office.PostAsJsonAsync("/api/work-programmes", new
        {
            organisationCode = "TU-HN",
            body = "standingCommittee",
            kind = "annual",
            year = Year,
            preamble = "Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ Thành phố khóa XVIII,",
        }), HttpStatusCode.Created);
        var member = await StandingMemberAsync();
        var id = p.GetProperty("id").GetString();
        var version = p.GetProperty("version").GetInt32();
        string[] units = ["BTCTU", "BTGDVTU", "UBKTTU", "VPTU"];
        for (var i = 0; i < items; i++)
        {
            var body = JsonSerializer.SerializeToElement(Item($"Nội dung kiểm thử số {i + 1}", units[i % units.Length], member, i + 2, "VPTU" == units[i % units.Length] ? "BTCTU" : "VPTU"));
            var dict = body.EnumerateObject().ToDictionary(x => x.Name, x => (object)x.Value);
            dict["version"] = version;
            await Json(await office.PostAsJsonAsync($"/api/work-programmes/{id}/items", dict), HttpStatusCode.Created);
            version++;
        }
        return (office, leader, await Json(await office.GetAsync($"/api/work-programmes/{id}"), HttpStatusCode.OK));
    }

    [Fact]
    public async Task Draft_Title_Items_AndWhatIsMissing()
    {
        var (office, _, p) = await DraftAsync(2);
        Assert.Equal($"Chương trình công tác năm {Year} của Ban Thường vụ Thành ủy Hà Nội", p.GetProperty("title").GetString());
        Assert.Equal("draft", p.GetProperty("state").GetString());
        var items = p.GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        Assert.Equal("Ban Tổ chức Thành ủy", items[0].GetProperty("preparingUnit").GetString());
        Assert.Equal(["Văn phòng Thành ủy"], items[0].GetProperty("coordinators").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(0, p.GetProperty("gaps").GetArrayLength());

        // An item with nothing but its content: the programme lists what it lacks, and the leaders cannot approve it.
        var id = p.GetProperty("id").GetString();
        var added = await Json(await office.PostAsJsonAsync($"/api/work-programmes/{id}/items", new { content = "Chưa đủ thông tin", version = p.GetProperty("version").GetInt32() }), HttpStatusCode.Created);
        var again = await Json(await office.GetAsync($"/api/work-programmes/{id}"), HttpStatusCode.OK);
        Assert.Equal(4, again.GetProperty("gaps").GetArrayLength());
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var refused = await Json(await leader.PostAsJsonAsync($"/api/work-programmes/{id}/approve", new { version = again.GetProperty("version").GetInt32() }), HttpStatusCode.BadRequest);
        Assert.Contains("Nội dung số 3: chưa rõ cơ quan chủ trì chuẩn bị.", refused.GetProperty("title").GetString());

        // Removed again: the draft is complete.
        await Json(await office.DeleteAsync($"/api/work-programmes/{id}/items/{added.GetProperty("id")}?version={again.GetProperty("version").GetInt32()}"), HttpStatusCode.NoContent);
        Assert.Equal(0, (await Json(await office.GetAsync($"/api/work-programmes/{id}"), HttpStatusCode.OK)).GetProperty("gaps").GetArrayLength());
    }

    [Fact]
    public async Task Approve_RegistersTheCTr_AndItemsBecomeTasks_OnlyByTheLeaders()
    {
        var (office, leader, p) = await DraftAsync(3);
        var id = p.GetProperty("id").GetString();
        var version = p.GetProperty("version").GetInt32();
        await Json(await office.PostAsJsonAsync($"/api/work-programmes/{id}/approve", new { version }), HttpStatusCode.Forbidden);
        await Json(await leader.PostAsJsonAsync($"/api/work-programmes/{id}/approve", new { version = version - 1 }), HttpStatusCode.Conflict);
        await Json(await leader.PostAsJsonAsync($"/api/work-programmes/{id}/approve", new { }), HttpStatusCode.BadRequest);
        var approved = await Json(await leader.PostAsJsonAsync($"/api/work-programmes/{id}/approve", new { version }), HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("state").GetString());
        Assert.Matches(@"^\d{2,}-CTr/TU$", approved.GetProperty("documentSymbol").GetString());

        var first = approved.GetProperty("items")[0];
        var taskId = Guid.Parse(first.GetProperty("assignmentId").GetString()!);
        var task = await app.WithDbAsync((db, _) => db.Assignments.IgnoreQueryFilters().Include(a => a.Coordinators).FirstAsync(a => a.Id == taskId));
        Assert.Equal(AssignmentState.Assigned, task.State);
        Assert.Equal(new DateOnly(Year, 2, 28).AddDays(DateTime.IsLeapYear(Year) ? 1 : 0), task.Deadline);
        Assert.Equal(await app.UnitIdAsync("BTCTU"), task.LeadId);
        Assert.Equal(await app.UnitIdAsync("TU-HN"), task.AssignerId);
        Assert.Equal(Guid.Parse(approved.GetProperty("documentId").GetString()!), task.SourceDocumentId);
        Assert.Single(task.Coordinators);

        // Approved: the office can no longer change items freely.
        var v = approved.GetProperty("version").GetInt32();
        await Json(await office.PutAsJsonAsync($"/api/work-programmes/{id}/items/{first.GetProperty("id")}",
            new { content = "Sửa", version = v }), HttpStatusCode.Forbidden);
        var edit = await Json(await leader.PutAsJsonAsync($"/api/work-programmes/{id}/items/{first.GetProperty("id")}",
            new { content = "Sửa", version = v }), HttpStatusCode.BadRequest);
        Assert.Contains("đã được phê duyệt", edit.GetProperty("title").GetString());

        // The programme .docx is the registered CTr with its table.
        var docx = await office.GetByteArrayAsync($"/api/work-programmes/{id}/programme.docx");
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("THÀNH ỦY HÀ NỘI", text);
        Assert.Contains(approved.GetProperty("documentSymbol").GetString()!, text);
        Assert.Contains("CHƯƠNG TRÌNH", text.ToUpperInvariant());
        Assert.Contains("Nội dung kiểm thử số 3", text);
        Assert.Contains("Cơ quan chủ trì chuẩn bị", text);
    }

    [Fact]
    public async Task Postpone_Submit_Withdraw_Add_AndTheReportCountsThemAsRulesSay()
    {
        var (office, leader, p) = await DraftAsync(4); // February to May
        var id = p.GetProperty("id").GetString();
        var approved = await Json(await leader.PostAsJsonAsync($"/api/work-programmes/{id}/approve", new { version = p.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        var items = approved.GetProperty("items").EnumerateArray().ToList();
        var version = approved.GetProperty("version").GetInt32();
        async Task<JsonElement> State(int i, object body, HttpClient who, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var dict = JsonSerializer.SerializeToElement(body).EnumerateObject().ToDictionary(x => x.Name, x => (object)x.Value);
            dict["version"] = version;
            var r = await Json(await who.PostAsJsonAsync($"/api/work-programmes/{id}/items/{items[i].GetProperty("id")}/state", dict), expected);
            if (expected == HttpStatusCode.OK) version++;
            return r;
        }

        await State(0, new { change = "submitted", on = $"{Year}-02-20" }, office);                      // on time
        await State(1, new { change = "submitted", on = $"{Year}-04-03" }, office);                      // late (March)
        await State(2, new { change = "postponed", newMonth = $"{Year}-09-01", reason = "Chờ Trung ương hướng dẫn", decision = "TB số 45-TB/TU" }, office, HttpStatusCode.Forbidden);
        var postponed = await State(2, new { change = "postponed", newMonth = $"{Year}-09-01", reason = "Chờ Trung ương hướng dẫn", decision = "TB số 45-TB/TU" }, leader);
        Assert.Equal($"{Year}-04-01", postponed.GetProperty("dueMonth").GetString());
        Assert.Equal($"{Year}-09-01", postponed.GetProperty("dueMonthInForce").GetString());
        var withdrawnNoReason = await State(3, new { change = "withdrawn", decision = "TB số 46-TB/TU" }, leader, HttpStatusCode.BadRequest);
        Assert.Equal("reason", withdrawnNoReason.GetProperty("errors").EnumerateObject().First().Name);
        await State(3, new { change = "withdrawn", reason = "Lồng ghép vào đề án khác", decision = "TB số 46-TB/TU" }, leader);

        // The tasks follow: done on time, done late, deadline extended to September, withdrawn.
        var tasks = await app.WithDbAsync((db, _) => db.Assignments.IgnoreQueryFilters()
            .Where(a => items.Select(i => Guid.Parse(i.GetProperty("assignmentId").GetString()!)).Contains(a.Id)).ToListAsync());
        var byId = items.Select(i => tasks.First(t => t.Id == Guid.Parse(i.GetProperty("assignmentId").GetString()!))).ToList();
        Assert.Equal(new DateOnly(Year, 2, 20), byId[0].CompletedOn);
        Assert.Equal(new DateOnly(Year, 4, 3), byId[1].CompletedOn);
        Assert.Equal(new DateOnly(Year, 9, 30), byId[2].DeadlineInForce);
        Assert.Equal(new DateOnly(Year, 4, 30), byId[2].Deadline);
        Assert.Equal(AssignmentState.Withdrawn, byId[3].State);

        // An item added during the year: only with a decision; it becomes a task at once.
        var member = await StandingMemberAsync();
        var addBody = JsonSerializer.SerializeToElement(Item("Nội dung bổ sung", "BNCTU", member, 10)).EnumerateObject().ToDictionary(x => x.Name, x => (object)x.Value);
        addBody["version"] = version;
        await Json(await leader.PostAsJsonAsync($"/api/work-programmes/{id}/items", addBody), HttpStatusCode.BadRequest);
        addBody["decision"] = "Kết luận của Ban Thường vụ";
        var added = await Json(await leader.PostAsJsonAsync($"/api/work-programmes/{id}/items", addBody), HttpStatusCode.Created);
        Assert.True(added.GetProperty("added").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, added.GetProperty("assignmentId").ValueKind);

        // February to May: 4 due; 1 on time, 1 late, 1 postponed (counted in April), 1 withdrawn; October's addition is outside.
        var report = await Json(await office.GetAsync($"/api/work-programmes/{id}/report?from={Year}-02-01&to={Year}-05-31"), HttpStatusCode.OK);
        var total = report.GetProperty("total");
        Assert.Equal((4, 1, 1, 1, 1, 0), (total.GetProperty("due").GetInt32(), total.GetProperty("onTime").GetInt32(), total.GetProperty("late").GetInt32(),
            total.GetProperty("postponed").GetInt32(), total.GetProperty("withdrawn").GetInt32(), total.GetProperty("notYetSubmitted").GetInt32()));
        Assert.Contains(report.GetProperty("byPreparingUnit").EnumerateArray(), x => x.GetProperty("name").GetString() == "Ban Tổ chức Thành ủy");
        Assert.Equal(member, report.GetProperty("byMemberInCharge")[0].GetProperty("name").GetString());

        var history = (await Json(await office.GetAsync($"/api/work-programmes/{id}"), HttpStatusCode.OK)).GetProperty("history").EnumerateArray()
            .Select(h => h.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["approved", "submitted", "submitted", "postponed", "withdrawn", "added"], history);

        var docx = await office.GetByteArrayAsync($"/api/work-programmes/{id}/report.docx?from={Year}-02-01&to={Year}-05-31");
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Contains("có 4 nội dung đến hạn trình", word.MainDocumentPart!.Document.Body!.InnerText);
        var xlsx = await office.GetAsync($"/api/work-programmes/{id}/report.xlsx?from={Year}-02-01&to={Year}-05-31");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true, sheetName: "Noi dung").ToList();
        Assert.Equal(4, rows.Count);
    }

    private static MultipartFormDataContent Workbook(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows);
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(stream.ToArray()), "file", "noi-dung.xlsx");
        return form;
    }

    private static Dictionary<string, object?> Row(string content, string unit, string member, string forum, string month) => new()
    {
        [ProgrammeExcel.Content] = content,
        [ProgrammeExcel.Preparing] = unit,
        [ProgrammeExcel.Member] = member,
        [ProgrammeExcel.Forum] = forum,
        [ProgrammeExcel.Month] = month,
        [ProgrammeExcel.Type] = "Đề án",
    };

    [Fact]
    public async Task ExcelImport_AllOrNothing_WithErrorsByCell_AndTheExportReadsBack()
    {
        var (office, _, p) = await DraftAsync(1);
        var id = p.GetProperty("id").GetString();
        var member = await StandingMemberAsync();
        var bad = await office.PostAsync($"/api/work-programmes/{id}/items.xlsx", Workbook(
            Row("Đề án đúng", "BTCTU", member, "BTV", $"03/{Year}"),
            Row("Đề án sai nơi trình", "BTCTU", member, "Hội nghị", $"03/{Year}"),
            Row("Đề án sai đơn vị", "P-KHONGCO", member, "BCH", $"04/{Year}"),
            Row("Đề án sai năm", "VPTU", member, "BCH", $"04/{Year + 1}")));
        var errors = (await Json(bad, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(3, errors.Count);
        Assert.Equal(("D3", "Nơi trình chỉ ghi BCH, BTV hoặc TT."), (errors[0].GetProperty("cell").GetString(), errors[0].GetProperty("message").GetString()));
        Assert.Equal(ProgrammeExcel.Preparing, errors[1].GetProperty("column").GetString());
        Assert.Equal(ProgrammeExcel.Month, errors[2].GetProperty("column").GetString());
        Assert.Equal(1, (await Json(await office.GetAsync($"/api/work-programmes/{id}"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());

        var good = await Json(await office.PostAsync($"/api/work-programmes/{id}/items.xlsx", Workbook(
            Row("Đề án một", "BTCTU", member, "BTV", $"03/{Year}"),
            Row("Đề án hai", "UBKTTU", member, "Ban Thường vụ", $"05/{Year}"))), HttpStatusCode.OK);
        Assert.Equal(2, good.GetProperty("imported").GetInt32());
        var after = await Json(await office.GetAsync($"/api/work-programmes/{id}"), HttpStatusCode.OK);
        Assert.Equal(3, after.GetProperty("items").GetArrayLength());
        Assert.Equal("Đề án", after.GetProperty("items")[2].GetProperty("contentType").GetString());

        var export = await office.GetByteArrayAsync($"/api/work-programmes/{id}/items.xlsx");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(export), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("UBKTTU", rows[2][ProgrammeExcel.Preparing]);
        Assert.Equal($"05/{Year}", rows[2][ProgrammeExcel.Month]);
    }

    [Fact]
    public async Task Scope_TheCommitteeAndThePreparingUnitsSee_ASiblingWardDoesNot()
    {
        var (_, _, p) = await DraftAsync(1);
        var id = p.GetProperty("id").GetString();
        var ward = await app.ApiClientAsync(ScopeRole.Office, "P-HOANKIEM");
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"/api/work-programmes/{id}")).StatusCode);
        Assert.DoesNotContain(id!, await ward.GetStringAsync("/api/work-programmes"));
        var preparing = await app.ApiClientAsync(ScopeRole.Reporter, "BTCTU");
        var seen = await Json(await preparing.GetAsync($"/api/work-programmes/{id}"), HttpStatusCode.OK);
        Assert.Equal(1, seen.GetProperty("items").GetArrayLength());
        // A ward's office cannot draft the city's programme.
        await Json(await ward.PostAsJsonAsync("/api/work-programmes", new { organisationCode = "TU-HN", body = "standingCommittee", kind = "annual", year = Year }), HttpStatusCode.BadRequest);
        var own = await Json(await ward.PostAsJsonAsync("/api/work-programmes", new { organisationCode = "P-HOANKIEM", body = "executiveCommittee", kind = "annual", year = Year }), HttpStatusCode.Created);
        Assert.Equal($"Chương trình công tác năm {Year} của Ban Chấp hành Đảng bộ phường Hoàn Kiếm", own.GetProperty("title").GetString());
    }
}

public class ProgrammesDemoTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    [Fact]
    public async Task Demo_TheCitysWorkingYear_AndTheWardsAdoption()
    {
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var city = await app.UnitIdAsync("TU-HN");
        var list = JsonDocument.Parse(await leader.GetStringAsync($"/api/work-programmes?org={city}&year=2026")).RootElement;
        var titles = list.EnumerateArray().Select(p => p.GetProperty("title").GetString()).ToList();
        Assert.Contains("Chương trình công tác năm 2026 của Ban Chấp hành Đảng bộ thành phố Hà Nội", titles);
        Assert.Contains("Chương trình công tác năm 2026 của Ban Thường vụ Thành ủy Hà Nội", titles);
        Assert.Contains("Chương trình công tác năm 2026 của Thường trực Thành ủy Hà Nội", titles);
        Assert.Contains("Chương trình công tác toàn khóa của Ban Chấp hành Đảng bộ thành phố Hà Nội nhiệm kỳ 2025–2030", titles);

        var annual = list.EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "annual").ToList();
        var items = new List<JsonElement>();
        foreach (var p in annual)
        {
            var detail = JsonDocument.Parse(await leader.GetStringAsync($"/api/work-programmes/{p.GetProperty("id")}")).RootElement;
            Assert.Equal("approved", detail.GetProperty("state").GetString());
            Assert.Matches(@"^\d{2}-CTr/TU$", detail.GetProperty("documentSymbol").GetString());
            items.AddRange(detail.GetProperty("items").EnumerateArray());
        }
        Assert.InRange(items.Count, 35, 45);
        var statuses = items.GroupBy(i => i.GetProperty("status").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, statuses["postponed"]);
        Assert.Equal(1, statuses["withdrawn"]);
        Assert.True(statuses["submittedLate"] >= 3);
        Assert.True(statuses["submittedOnTime"] > statuses["submittedLate"]);
        Assert.Contains(items, i => i.GetProperty("secrecy").GetString() != "none" && i.GetProperty("content").GetString()!.StartsWith("Nội dung mật"));
        // Every item is a task of its preparing unit.
        Assert.All(items, i => Assert.NotEqual(JsonValueKind.Null, i.GetProperty("assignmentId").ValueKind));

        // The standing committee's items were heard at its meetings, whose notices are registered and whose points became tasks.
        var meetings = JsonDocument.Parse(await leader.GetStringAsync($"/api/meetings?org={city}&forum=standingCommittee&from=2026-01-01&to=2026-12-31")).RootElement.EnumerateArray().ToList();
        Assert.InRange(meetings.Count, 10, 20);
        Assert.All(meetings, m => Assert.Equal("noticeIssued", m.GetProperty("state").GetString()));
        var followUp = JsonDocument.Parse(await leader.GetStringAsync($"/api/meetings/report?org={city}&forum=standingCommittee&from=2026-01-01&to=2026-12-31")).RootElement.EnumerateArray().ToList();
        Assert.True(followUp.Count(r => r.GetProperty("tasks").GetArrayLength() > 0) >= 5);
        var taskStatuses = followUp.SelectMany(r => r.GetProperty("tasks").EnumerateArray()).Select(t => t.GetProperty("status").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "done-on-time", "done-late", "overdue", "draft" }, taskStatuses);

        var adoption = JsonDocument.Parse(await leader.GetStringAsync($"/api/work-programmes/adoption?org={city}&year=2026")).RootElement.EnumerateArray().ToList();
        Assert.Equal(126, adoption.Count);
        Assert.Equal(12, adoption.Count(a => a.GetProperty("state").GetString() == "approved"));
        Assert.Equal(2, adoption.Count(a => a.GetProperty("state").GetString() == "draft"));
    }
}
