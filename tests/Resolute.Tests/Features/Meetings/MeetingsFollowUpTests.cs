using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Meetings;
using Resolute.Domain.Programmes;
using Resolute.Tests.Infrastructure;
using Resolute.Tests.Infrastructure.Docx;

namespace Resolute.Tests.Features.Meetings;

/// <summary>
/// After the meetings: the dashboard's "conclusions of the standing committee" source, the follow-up by lead unit, the
/// calendar by week and by person, the minutes kept as a file, and the 2022 session that heard the 15-year review.
/// </summary>
public class MeetingsFollowUpTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    private static JsonElement Parse(string body) => JsonDocument.Parse(body).RootElement.Clone();

    private async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{url}: {(int)r.StatusCode} {body} {string.Join("\n", app.LoggedErrors)}");
        return Parse(body);
    }

    private Task<HashSet<Guid>> StandingCommitteeTaskIdsAsync() => app.WithDbAsync(async (db, _) =>
    {
        var meetings = await db.Meetings.IgnoreQueryFilters().Where(m => m.Forum == ProgrammeForum.StandingCommittee).Select(m => m.Id).ToListAsync();
        var points = await db.MeetingConclusions.IgnoreQueryFilters().Where(c => meetings.Contains(c.MeetingId)).ToListAsync();
        return points.SelectMany(c => c.TaskIds).ToHashSet();
    });

    [Fact]
    public async Task Dashboard_ConclusionsOfTheStandingCommittee_CountsOnlyTheTasksBornFromThem()
    {
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var city = await app.UnitIdAsync("TU-HN");
        var expected = await StandingCommitteeTaskIdsAsync();
        Assert.True(expected.Count >= 8, $"the demo's standing committee conclusions carry tasks ({expected.Count})");

        var all = await GetJsonAsync(leader, $"/api/dashboard?org={city}");
        var only = await GetJsonAsync(leader, $"/api/dashboard?org={city}&conclusions=standingCommittee");
        var total = only.GetProperty("totals").GetProperty("total").GetInt32();
        Assert.True(total < all.GetProperty("totals").GetProperty("total").GetInt32());
        // Drafts count too: every task made from a point is in the figures.
        Assert.Equal(expected.Count, total);
        Assert.Equal("standingCommittee", only.GetProperty("conclusionsOf").GetString());
        Assert.All(only.GetProperty("overdue").EnumerateArray(), t => Assert.Contains(Guid.Parse(t.GetProperty("id").GetString()!), expected));

        // The list behind the numbers takes the same filter.
        var list = await GetJsonAsync(leader, $"/api/assignments?org={city}&subtree=true&conclusions=standingCommittee&pageSize=200");
        Assert.Equal(expected.Count, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), t => Assert.Contains(Guid.Parse(t.GetProperty("id").GetString()!), expected));
        var none = Parse(await leader.GetStringAsync($"/api/assignments?org={city}&subtree=true&conclusions=executiveCommittee"));
        Assert.Equal(0, none.GetProperty("total").GetInt32());

        var bad = await leader.GetAsync($"/api/dashboard?org={city}&conclusions=btv");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("standingCommittee", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.GetAsync($"/api/assignments?conclusions=2")).StatusCode);

        // The page: the source filter, and its drill-down links carry it.
        var web = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Leader, "TU-HN"));
        var html = await web.GetStringAsync("/Assignments/Dashboard?unit=TU-HN&conclusions=StandingCommittee");
        Assert.Contains("data-testid=\"dashboard-source-tag\"", html);
        Assert.Contains("conclusions=StandingCommittee", html);
        var page = await web.GetStringAsync("/Assignments?unit=TU-HN&conclusions=StandingCommittee");
        Assert.Contains("data-testid=\"filter-conclusions\"", page);
    }

    [Fact]
    public async Task FollowUp_ByLeadUnit_AsJson_Page_Docx_AndWorkbook()
    {
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var city = await app.UnitIdAsync("TU-HN");
        var q = $"org={city}&forum=standingCommittee&from=2026-01-01&to=2026-12-31";
        var rows = Parse(await leader.GetStringAsync($"/api/meetings/report?{q}")).EnumerateArray().ToList();
        var byLead = Parse(await leader.GetStringAsync($"/api/meetings/report/by-lead?{q}")).EnumerateArray().ToList();
        Assert.Equal(rows.Count, byLead.Sum(l => l.GetProperty("points").GetInt32()));
        Assert.Equal(rows.Sum(r => r.GetProperty("tasks").GetArrayLength()), byLead.Sum(l => l.GetProperty("tasks").GetInt32()));
        var leads = byLead.Select(l => l.GetProperty("leadUnit").GetString()).ToList();
        Assert.Equal("Không giao đơn vị chủ trì", leads[^1]);
        Assert.Equal(leads.Count, leads.Distinct().Count());
        var btc = byLead.Single(l => l.GetProperty("leadUnit").GetString() == "Ban Tổ chức Thành ủy");
        var btcTasks = rows.Where(r => r.GetProperty("leadUnit").GetString() == "Ban Tổ chức Thành ủy").SelectMany(r => r.GetProperty("tasks").EnumerateArray()).ToList();
        Assert.Equal(btcTasks.Count(t => t.GetProperty("status").GetString() == "done-on-time"), btc.GetProperty("doneOnTime").GetInt32());
        Assert.Equal(btcTasks.Count(t => t.GetProperty("status").GetString() == "overdue"), btc.GetProperty("overdue").GetInt32());

        var docx = await leader.GetByteArrayAsync($"/api/meetings/report.docx?{q}");
        var text = Rendered.DocxText(docx);
        Assert.Contains("I. Tổng hợp theo đơn vị chủ trì", text);
        Assert.Contains("II. Chi tiết theo đơn vị chủ trì", text);
        Assert.Contains("Ban Tổ chức Thành ủy", text);

        var workbook = await leader.GetByteArrayAsync($"/api/meetings/report.xlsx?{q}");
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(workbook));
        Assert.Equal(["Chi tiết", "Theo đơn vị chủ trì"], sheets);

        var web = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Leader, "TU-HN"));
        var html = await web.GetStringAsync("/Meetings/FollowUp?unit=TU-HN&forum=StandingCommittee&from=2026-01-01&to=2026-12-31");
        Assert.Contains("data-testid=\"follow-up-by-lead\"", html);
        Assert.Contains("data-testid=\"follow-up-docx\"", html);
        Assert.Contains("Ban Tổ chức Thành ủy", html);
        // A period backwards is refused with its reason, on the page with its default period.
        var refused = await web.GetAsync("/Meetings/FollowUp?from=2026-05-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Ngày kết thúc phải sau ngày bắt đầu", await web.GetStringAsync(refused.Headers.Location!.ToString()));
    }

    [Fact]
    public async Task Calendar_ByWeek_AndAPersonsMeetings()
    {
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var city = await app.UnitIdAsync("TU-HN");
        var year = Parse(await leader.GetStringAsync($"/api/meetings?org={city}&from=2026-01-01&to=2026-12-31")).EnumerateArray().ToList();
        var first = year.OrderBy(m => m.GetProperty("startsAt").GetDateTime()).First();
        var detail = Parse(await leader.GetStringAsync($"/api/meetings/{first.GetProperty("id")}"));
        var member = detail.GetProperty("attendance")[0].GetProperty("personId").GetString();
        var mine = Parse(await leader.GetStringAsync($"/api/meetings?from=2026-01-01&to=2026-12-31&person={member}")).EnumerateArray().ToList();
        Assert.Contains(mine, m => m.GetProperty("id").GetString() == first.GetProperty("id").GetString());
        Assert.True(mine.Count <= year.Count);
        var stranger = Parse(await leader.GetStringAsync($"/api/meetings?person={Guid.NewGuid()}")).EnumerateArray().ToList();
        Assert.Empty(stranger);

        // The week holding the first meeting: Monday to Sunday, the meeting on its day.
        var day = DateOnly.FromDateTime(first.GetProperty("startsAt").GetDateTime().AddHours(7));
        var web = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Leader, "TU-HN"));
        var html = await web.GetStringAsync($"/Meetings?week={day:yyyy-MM-dd}");
        Assert.Contains("data-testid=\"meeting-week\"", html);
        Assert.Contains(first.GetProperty("name").GetString()!, html);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        Assert.Contains($"{monday:dd/MM/yyyy} – {monday.AddDays(6):dd/MM/yyyy}", html);
        var month = await web.GetStringAsync($"/Meetings?m={day:yyyy-MM}");
        Assert.Contains("data-testid=\"week-view\"", month);
    }

    [Fact]
    public async Task MinutesFile_KeptOnceHeld_NeverForASecretMeeting_ReadByWhoSeesTheMeeting()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        async Task<JsonElement> CallAsync(string secrecy, string startsAt)
        {
            var r = await office.PostAsJsonAsync("/api/meetings", new { organisationCode = "TU-HN", forum = "standingMembers", startsAt, secrecy });
            var body = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.Created, body);
            return Parse(body);
        }
        async Task<JsonElement> HoldAsync(JsonElement m)
        {
            var all = m.GetProperty("attendance").EnumerateArray().Select(a => new { personId = a.GetProperty("personId").GetString(), presence = "present" }).ToList();
            var r = await office.PutAsJsonAsync($"/api/meetings/{m.GetProperty("id")}/attendance", new { attendance = all, held = true, version = m.GetProperty("version").GetInt32() });
            var body = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.OK, body);
            return Parse(body);
        }
        MultipartFormDataContent File(byte[] bytes)
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(bytes), "file", "bien-ban-da-ky.docx");
            return form;
        }

        var m = await CallAsync("none", "2026-11-02T08:00:00");
        var id = m.GetProperty("id").GetString();
        var paper = await office.GetByteArrayAsync($"/api/meetings/{id}/invitation.docx");
        var early = await office.PostAsync($"/api/meetings/{id}/minutes-files", File(paper));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("chưa đính kèm biên bản", await early.Content.ReadAsStringAsync());
        await HoldAsync(m);
        var created = await office.PostAsync($"/api/meetings/{id}/minutes-files", File(paper));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = Parse(await created.Content.ReadAsStringAsync()).GetProperty("url").GetString()!;
        Assert.Equal(paper, await office.GetByteArrayAsync(url));
        var detail = Parse(await office.GetStringAsync($"/api/meetings/{id}"));
        Assert.Single(detail.GetProperty("minutesFiles").EnumerateArray());

        // A ward's office sees neither the city's meeting nor its minutes.
        var ward = await app.ApiClientAsync(ScopeRole.Office, "P-NGHIADO");
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ward.PostAsync($"/api/meetings/{id}/minutes-files", File(paper))).StatusCode);

        var secret = await HoldAsync(await CallAsync("secret", "2026-11-03T08:00:00"));
        var refused = await office.PostAsync($"/api/meetings/{secret.GetProperty("id")}/minutes-files", File(paper));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Cuộc họp mật", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Demo_TheSessionThatHeardTheFifteenYearReview()
    {
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var city = await app.UnitIdAsync("TU-HN");
        var list = Parse(await leader.GetStringAsync($"/api/meetings?org={city}&from=2022-04-12&to=2022-04-12")).EnumerateArray().ToList();
        var summary = Assert.Single(list);
        var m = Parse(await leader.GetStringAsync($"/api/meetings/{summary.GetProperty("id")}"));
        Assert.Contains("15-NQ/TW", m.GetProperty("name").GetString());
        Assert.Equal("noticeIssued", m.GetProperty("state").GetString());
        Assert.True(m.GetProperty("quorum").GetProperty("met").GetBoolean());
        Assert.Contains(m.GetProperty("attendance").EnumerateArray(), a => a.GetProperty("name").GetString() == "Nguyễn Thị Tuyến");
        Assert.Single(m.GetProperty("attendance").EnumerateArray(), a => a.GetProperty("presence").GetString() == "absentWithReason");
        Assert.Equal("234-BC/TU", m.GetProperty("agenda")[0].GetProperty("paperSymbol").GetString());
        Assert.Equal(5, m.GetProperty("conclusions").GetArrayLength());
        var statuses = m.GetProperty("conclusions").EnumerateArray().SelectMany(p => p.GetProperty("tasks").EnumerateArray())
            .Select(t => t.GetProperty("status").GetString()).ToList();
        Assert.Equal(3, statuses.Count);
        Assert.Contains("done-on-time", statuses);
        Assert.Contains("done-late", statuses);
        // The notice is numbered in the 2020–2025 term's series and registered.
        Assert.Matches(@"^\d{2}-TB/TU$", m.GetProperty("noticeSymbol").GetString());
        var term = await app.WithDbAsync((db, _) => db.Documents.IgnoreQueryFilters().Where(d => d.Id == m.GetProperty("noticeDocumentId").GetGuid())
            .Join(db.Terms, d => d.TermId, t => t.Id, (d, t) => t.Name).FirstAsync());
        Assert.Equal("Nhiệm kỳ 2020–2025", term);
    }
}
