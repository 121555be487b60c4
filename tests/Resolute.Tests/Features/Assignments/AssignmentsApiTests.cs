using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;
using static Resolute.Tests.Features.Assignments.AssignmentTestData;

namespace Resolute.Tests.Features.Assignments;

public class AssignmentsApiTests(ClockedResoluteFactory app) : IClassFixture<ClockedResoluteFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The task's current version, read by the city office (API writes to a task must name it).</summary>
    private async Task<int> V(string? id)
    {
        _reader ??= await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        return (await Json(await _reader.GetAsync($"/api/assignments/{id}"), HttpStatusCode.OK)).GetProperty("version").GetInt32();
    }

    private HttpClient? _reader;

    private async Task<JsonElement> CreateAsync(HttpClient office, string assigner, string lead, int days, string? title = null)
    {
        var body = await CompleteAsync(app, assigner, lead, app.Today.AddDays(days), title ?? "Nhiệm vụ kiểm thử " + Guid.NewGuid().ToString("N")[..6]);
        return await Json(await office.PostAsJsonAsync("/api/assignments", body), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Draft_SaysWhichClearsAreMissing_AndCannotBeAssigned()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var draft = await Json(await office.PostAsJsonAsync("/api/assignments", new { assignerCode = "TU-HN", title = "Xây dựng đề án" }), HttpStatusCode.Created);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        var fields = draft.GetProperty("fiveClearGaps").EnumerateArray().Select(g => g.GetProperty("field").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "leadId", "leadLeaderId", "sourceDocumentId", "deadline", "followUpId", "output", "indicators" }, fields);

        var refused = await office.PostAsJsonAsync($"/api/assignments/{draft.GetProperty("id")}/assign", new { version = draft.GetProperty("version").GetInt32() });
        var problem = await Json(refused, HttpStatusCode.BadRequest);
        Assert.Equal("Chưa đủ 5 rõ để giao nhiệm vụ.", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Contains("Rõ người", errors.GetProperty("leadLeaderId")[0].GetString());
        Assert.Contains("Rõ hiệu quả", errors.GetProperty("indicators")[0].GetString());
        Assert.Contains("Rõ trách nhiệm", errors.GetProperty("followUpId")[0].GetString());
    }

    [Fact]
    public async Task Search_FindsEveryWord_WithOrWithoutDiacritics_AndAfterAnEdit()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var marker = "Kđxqwy" + Guid.NewGuid().ToString("N")[..5];
        var a = await CreateAsync(office, "TU-HN", "P-DONGDA", 30, $"Xử lý điểm ngập úng {marker} khu phố cổ");
        var id = a.GetProperty("id").GetString();
        async Task<List<string?>> Find(string q) => (await Json(await office.GetAsync($"/api/assignments?q={Uri.EscapeDataString(q)}&pageSize=200"), HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();

        Assert.Contains(id, await Find($"ngập úng {marker}"));
        Assert.Contains(id, await Find($"NGAP UNG {VietnameseFold(marker)}"));
        Assert.Contains(id, await Find($"{marker[..6]}"));           // the last word as a prefix
        Assert.DoesNotContain(id, await Find($"{marker} hạn hán"));  // every word must be there
        Assert.Empty(await Find("?!"));

        // With no unit filter the city office's scope covers the whole tree (the per-row scope check is set aside);
        // a ward's does not: the ward the task was given to finds it, a sibling ward does not.
        async Task<List<string?>> FindAs(HttpClient c, string q) => (await Json(await c.GetAsync($"/api/assignments?q={Uri.EscapeDataString(q)}&pageSize=200"), HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Contains(id, await FindAs(await app.ApiClientAsync(ScopeRole.Reporter, "P-DONGDA"), marker));
        Assert.DoesNotContain(id, await FindAs(await app.ApiClientAsync(ScopeRole.Leader, "P-HOANKIEM"), marker));

        var renamed = await Json(await office.GetAsync($"/api/assignments/{id}"), HttpStatusCode.OK);
        var body = await CompleteAsync(app, "TU-HN", "P-DONGDA", app.Today.AddDays(30), $"Chống hạn hán {marker}");
        body["version"] = renamed.GetProperty("version").GetInt32();
        await Json(await office.PutAsJsonAsync($"/api/assignments/{id}", body), HttpStatusCode.OK);
        Assert.Contains(id, await Find($"{marker} hạn hán"));
        Assert.DoesNotContain(id, await Find($"{marker} ngập"));
    }

    private static string VietnameseFold(string s) => Resolute.Domain.Text.VietnameseText.Fold(s);

    [Fact]
    public async Task Status_FollowsTheClock_AndTheListFiltersByIt()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var a = await CreateAsync(office, "TU-HN", "P-DONGDA", 2);
        var id = a.GetProperty("id").GetString();
        Assert.Equal("on-track", a.GetProperty("status").GetString());

        app.Time.Advance(TimeSpan.FromDays(3));
        {
            var now = await Json(await office.GetAsync($"/api/assignments/{id}"), HttpStatusCode.OK);
            Assert.Equal("overdue", now.GetProperty("status").GetString());
            var list = await Json(await office.GetAsync($"/api/assignments?status=overdue&org={await app.UnitIdAsync("P-DONGDA")}"), HttpStatusCode.OK);
            Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
            var onTrack = await Json(await office.GetAsync($"/api/assignments?status=on-track&org={await app.UnitIdAsync("P-DONGDA")}&pageSize=200"), HttpStatusCode.OK);
            Assert.DoesNotContain(onTrack.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        }
    }

    [Fact]
    public async Task CompletionCounts_OnlyWhenAccepted_OnTheDateItWasReported()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var reporter = await app.ApiClientAsync(ScopeRole.Reporter, "P-HAIBATRUNG");
        var a = await CreateAsync(office, "TU-HN", "P-HAIBATRUNG", 1);
        var id = a.GetProperty("id").GetString();
        var indicator = a.GetProperty("indicators")[0].GetProperty("id").GetString();

        app.Time.Advance(TimeSpan.FromDays(3)); // reported after the deadline: done late
        {
            var report = await Json(await reporter.PostAsJsonAsync($"/api/assignments/{id}/progress", new
            {
                version = await V(id),
                narrative = "Đã ban hành quy chế làm việc.",
                percent = 100,
                proposesCompletion = true,
                actuals = new[] { new { indicatorId = indicator, value = 1m } },
            }), HttpStatusCode.Created);
            Assert.Equal("pending", report.GetProperty("review").GetString());
            Assert.Equal("overdue", (await Json(await office.GetAsync($"/api/assignments/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString());

            // The reporter cannot accept its own report; the assigning unit can, a day later.
            Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsJsonAsync($"/api/assignments/{id}/progress/{report.GetProperty("id")}/review", new { version = await V(id), accept = true })).StatusCode);
            app.Time.Advance(TimeSpan.FromDays(1));
            var done = await Json(await office.PostAsJsonAsync($"/api/assignments/{id}/progress/{report.GetProperty("id")}/review", new { version = await V(id), accept = true, comment = "Đồng ý" }), HttpStatusCode.OK);
            Assert.Equal("done-late", done.GetProperty("status").GetString());
            Assert.Equal(app.Today.AddDays(-1).ToString("yyyy-MM-dd"), done.GetProperty("completedOn").GetString());
            Assert.Equal(1m, done.GetProperty("indicators")[0].GetProperty("actual").GetDecimal());
        }
    }

    [Fact]
    public async Task ReturnedReport_KeepsTheTaskOpen_AndNeedsAComment()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var reporter = await app.ApiClientAsync(ScopeRole.Reporter, "P-TAYHO");
        var id = (await CreateAsync(office, "TU-HN", "P-TAYHO", 20)).GetProperty("id").GetString();
        var report = await Json(await reporter.PostAsJsonAsync($"/api/assignments/{id}/progress", new { version = await V(id), narrative = "Xong", proposesCompletion = true }), HttpStatusCode.Created);
        var url = $"/api/assignments/{id}/progress/{report.GetProperty("id")}/review";
        var noComment = await Json(await office.PostAsJsonAsync(url, new { accept = false, version = await V(id) }), HttpStatusCode.BadRequest);
        Assert.Contains("ý kiến", noComment.GetProperty("errors").GetProperty("comment")[0].GetString());
        var returned = await Json(await office.PostAsJsonAsync(url, new { accept = false, comment = "Chưa có quy chế kèm theo.", version = await V(id) }), HttpStatusCode.OK);
        Assert.Equal("on-track", returned.GetProperty("status").GetString());
        Assert.Equal("returned", returned.GetProperty("progress")[0].GetProperty("review").GetString());
    }

    [Fact]
    public async Task Extension_MovesTheDeadlineInForce_AndKeepsTheOriginal()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var reporter = await app.ApiClientAsync(ScopeRole.Reporter, "P-LONGBIEN");
        var a = await CreateAsync(office, "TU-HN", "P-LONGBIEN", 5);
        var id = a.GetProperty("id").GetString();
        var original = a.GetProperty("deadline").GetString();
        var wanted = app.Today.AddDays(40).ToString("yyyy-MM-dd");

        var noReason = await reporter.PostAsJsonAsync($"/api/assignments/{id}/extensions", new { version = await V(id), newDeadline = wanted });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var ext = await Json(await reporter.PostAsJsonAsync($"/api/assignments/{id}/extensions", new { version = await V(id), newDeadline = wanted, reason = "Chờ hướng dẫn của Trung ương" }), HttpStatusCode.Created);
        Assert.Equal("pending", ext.GetProperty("decision").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsJsonAsync($"/api/assignments/{id}/extensions/{ext.GetProperty("id")}/decision", new { version = await V(id), approve = true })).StatusCode);
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var approved = await Json(await leader.PostAsJsonAsync($"/api/assignments/{id}/extensions/{ext.GetProperty("id")}/decision", new { version = await V(id), approve = true }), HttpStatusCode.OK);
        Assert.Equal(original, approved.GetProperty("deadline").GetString());
        Assert.Equal(wanted, approved.GetProperty("deadlineInForce").GetString());

        app.Time.Advance(TimeSpan.FromDays(10));
        {
            var later = await Json(await office.GetAsync($"/api/assignments/{id}"), HttpStatusCode.OK);
            Assert.Equal("on-track", later.GetProperty("status").GetString());
            Assert.Equal("overdue", later.GetProperty("statusAgainstOriginal").GetString());
        }
    }

    [Fact]
    public async Task Cascade_GivesEachWardItsOwnTask_AndRollsUp()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var parent = await CreateAsync(office, "TU-HN", "TU-HN", 60, "Lãnh đạo xây dựng quy chế làm việc ở cơ sở");
        var id = parent.GetProperty("id").GetString();
        var wards = new[] { "P-BACHMAI", "P-CUANAM", "P-HOANKIEM" };
        var children = await Json(await office.PostAsJsonAsync($"/api/assignments/{id}/cascade",
            new { targets = wards.Select(w => new { unitCode = w }) }), HttpStatusCode.Created);
        Assert.Equal(3, children.GetArrayLength());
        Assert.All(children.EnumerateArray(), c => Assert.Equal("on-track", c.GetProperty("status").GetString()));

        // The ward sees the task the city gave it; its reporter completes it.
        var child = children.EnumerateArray().First(c => c.GetProperty("leadId").GetGuid() == app.UnitIdAsync("P-CUANAM").Result).GetProperty("id").GetString();
        var ward = await app.ApiClientAsync(ScopeRole.Reporter, "P-CUANAM");
        var detail = await Json(await ward.GetAsync($"/api/assignments/{child}"), HttpStatusCode.OK);
        Assert.Equal(id, detail.GetProperty("parentId").GetString());
        var indicator = detail.GetProperty("indicators")[0].GetProperty("id").GetString();
        var r = await Json(await ward.PostAsJsonAsync($"/api/assignments/{child}/progress", new
        {
            version = detail.GetProperty("version").GetInt32(),
            narrative = "Đảng ủy phường đã ban hành quy chế.",
            proposesCompletion = true,
            actuals = new[] { new { indicatorId = indicator, value = 1m } },
        }), HttpStatusCode.Created);
        await Json(await office.PostAsJsonAsync($"/api/assignments/{child}/progress/{r.GetProperty("id")}/review", new { version = await V(child), accept = true }), HttpStatusCode.OK);

        var rolled = await Json(await office.GetAsync($"/api/assignments/{id}"), HttpStatusCode.OK);
        Assert.Equal(3, rolled.GetProperty("children").GetProperty("total").GetInt32());
        Assert.Equal(1, rolled.GetProperty("children").GetProperty("doneOnTime").GetInt32());
        Assert.Equal(2, rolled.GetProperty("children").GetProperty("onTrack").GetInt32());
        var roll = rolled.GetProperty("indicatorRollup")[0];
        Assert.Equal(3m, roll.GetProperty("target").GetDecimal());
        Assert.Equal(1m, roll.GetProperty("actual").GetDecimal());

        // A sibling ward sees none of it.
        var sibling = await app.ApiClientAsync(ScopeRole.Reporter, "P-BADINH");
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.GetAsync($"/api/assignments/{child}")).StatusCode);
        var list = await Json(await sibling.GetAsync($"/api/assignments?parent={id}"), HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task CascadedDeadline_LaterThanTheParents_WaitsForTheParentsAssigner()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var parent = await CreateAsync(office, "TU-HN", "P-VANMIEUQUOCTUGIAM", 30);
        var wardOffice = await app.ApiClientAsync(ScopeRole.Office, "P-VANMIEUQUOCTUGIAM");
        var late = app.Today.AddDays(45).ToString("yyyy-MM-dd");
        var children = await Json(await wardOffice.PostAsJsonAsync($"/api/assignments/{parent.GetProperty("id")}/cascade",
            new { targets = new[] { new { unitCode = "P-VANMIEUQUOCTUGIAM-UBND", deadline = late } } }), HttpStatusCode.Created);
        var child = children[0];
        Assert.Equal("draft", child.GetProperty("status").GetString());
        Assert.Contains(child.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("message").GetString()!.Contains("cần đơn vị giao nhiệm vụ cấp trên đồng ý"));
        var childId = child.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await wardOffice.PostAsync($"/api/assignments/{childId}/approve-deadline", null)).StatusCode);
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        await Json(await leader.PostAsync($"/api/assignments/{childId}/approve-deadline", null), HttpStatusCode.OK);
        var assigned = await Json(await wardOffice.PostAsJsonAsync($"/api/assignments/{childId}/assign", new { version = await V(childId) }), HttpStatusCode.OK);
        Assert.Equal("on-track", assigned.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ConcurrentEdits_TheSecondWriterGetsAConflict()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var a = await CreateAsync(office, "TU-HN", "P-OCHODUA", 30);
        var id = a.GetProperty("id").GetString();
        var version = a.GetProperty("version").GetInt32();
        var body = await CompleteAsync(app, "TU-HN", "P-OCHODUA", app.Today.AddDays(30), "Tên đã sửa lần một");
        body["version"] = version;
        await Json(await office.PutAsJsonAsync($"/api/assignments/{id}", body), HttpStatusCode.OK);
        body["title"] = "Tên đã sửa lần hai";
        var conflict = await Json(await office.PutAsJsonAsync($"/api/assignments/{id}", body), HttpStatusCode.Conflict);
        Assert.Contains("người khác", conflict.GetProperty("title").GetString());
        var reporter = await app.ApiClientAsync(ScopeRole.Reporter, "P-OCHODUA");
        Assert.Equal(HttpStatusCode.Conflict, (await reporter.PostAsJsonAsync($"/api/assignments/{id}/progress", new { narrative = "Đang làm", percent = 30, version })).StatusCode);
        var now = await Json(await office.GetAsync($"/api/assignments/{id}"), HttpStatusCode.OK);
        Assert.Equal("Tên đã sửa lần một", now.GetProperty("title").GetString());
    }

    [Fact]
    public async Task PauseAndWithdraw_NeedAReason_AndTheAssigningUnit()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var id = (await CreateAsync(office, "TU-HN", "P-GIANGVO", 30)).GetProperty("id").GetString();
        var wardOffice = await app.ApiClientAsync(ScopeRole.Office, "P-GIANGVO");
        Assert.Equal(HttpStatusCode.Forbidden, (await wardOffice.PostAsJsonAsync($"/api/assignments/{id}/state", new { version = await V(id), change = "pause", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/assignments/{id}/state", new { version = await V(id), change = "pause" })).StatusCode);
        var paused = await Json(await office.PostAsJsonAsync($"/api/assignments/{id}/state", new { version = await V(id), change = "pause", reason = "Chờ sắp xếp tổ chức bộ máy" }), HttpStatusCode.OK);
        Assert.Equal("paused", paused.GetProperty("status").GetString());
        var withdrawn = await Json(await office.PostAsJsonAsync($"/api/assignments/{id}/state", new { version = await V(id), change = "withdraw", reason = "Nhiệm vụ không còn phù hợp" }), HttpStatusCode.OK);
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal("Nhiệm vụ không còn phù hợp", withdrawn.GetProperty("stateReason").GetString());
    }

    [Fact]
    public async Task SecretTask_IsARegisterEntry_SeenOnlyByTheNeedToKnowList()
    {
        var officeName = await app.CreateUserAsync(ScopeRole.Office, "TU-HN");
        var cleared = await app.CreateUserAsync(ScopeRole.Leader, "TU-HN");
        var office = app.CreateClient();
        office.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(officeName));
        var body = await CompleteAsync(app, "TU-HN", "P-THANHXUAN", app.Today.AddDays(30), "Nhiệm vụ mật về công tác cán bộ");
        body["secrecy"] = "confidential";
        body["needToKnow"] = new[] { cleared };
        var withContent = await office.PostAsJsonAsync("/api/assignments", body);
        Assert.Equal(HttpStatusCode.BadRequest, withContent.StatusCode);
        body["content"] = null;
        var a = await Json(await office.PostAsJsonAsync("/api/assignments", body), HttpStatusCode.Created);
        var id = a.GetProperty("id").GetString();

        var clearedClient = app.CreateClient();
        clearedClient.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(cleared));
        Assert.Equal(HttpStatusCode.OK, (await clearedClient.GetAsync($"/api/assignments/{id}")).StatusCode);
        var other = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/assignments/{id}")).StatusCode);
        var org = await app.UnitIdAsync("P-THANHXUAN");
        var list = await Json(await other.GetAsync($"/api/assignments?org={org}"), HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        Assert.True(list.GetProperty("hiddenSecret").GetInt32() >= 1);
        var dash = await Json(await other.GetAsync($"/api/dashboard?org={org}"), HttpStatusCode.OK);
        Assert.True(dash.GetProperty("hiddenSecret").GetInt32() >= 1);
    }

    [Fact]
    public async Task RecurringTask_MissingItsCycleReport_IsOverdue()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var body = await CompleteAsync(app, "TU-HN", "P-KIMLIEN", app.Today.AddDays(30), "Báo cáo tình hình thực hiện quy chế hằng tháng");
        body["deadline"] = null;
        body["milestones"] = null;
        body["recurrence"] = "monthly";
        var a = await Json(await office.PostAsJsonAsync("/api/assignments", body), HttpStatusCode.Created);
        Assert.Equal("recurring", a.GetProperty("status").GetString());
        var due = DateOnly.Parse(a.GetProperty("nextReportDue").GetString()!);
        var days = due.DayNumber - app.Today.DayNumber + 1;
        app.Time.Advance(TimeSpan.FromDays(days));
        {
            var id = a.GetProperty("id").GetString();
            Assert.Equal("overdue", (await Json(await office.GetAsync($"/api/assignments/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString());
            var reporter = await app.ApiClientAsync(ScopeRole.Reporter, "P-KIMLIEN");
            await Json(await reporter.PostAsJsonAsync($"/api/assignments/{id}/progress", new { version = await V(id), narrative = "Báo cáo tháng", percent = 50 }), HttpStatusCode.Created);
            var after = await Json(await office.GetAsync($"/api/assignments/{id}"), HttpStatusCode.OK);
            Assert.Equal("recurring", after.GetProperty("status").GetString());
            Assert.True(DateOnly.Parse(after.GetProperty("nextReportDue").GetString()!) > app.Today);
        }
    }

    [Fact]
    public async Task Dashboard_CountsMatchTheListBehindEachNumber()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        await CreateAsync(office, "TU-HN", "P-HOANGMAI", 10);
        var org = await app.UnitIdAsync("TU-HN");
        var dash = await Json(await office.GetAsync($"/api/dashboard?org={org}"), HttpStatusCode.OK);
        var totals = dash.GetProperty("totals");
        foreach (var (status, key) in new[] { ("on-track", "onTrack"), ("overdue", "overdue"), ("done-on-time", "doneOnTime"), ("done-late", "doneLate"), ("draft", "draft") })
        {
            var list = await Json(await office.GetAsync($"/api/assignments?org={org}&subtree=true&status={status}&pageSize=1"), HttpStatusCode.OK);
            Assert.Equal(totals.GetProperty(key).GetInt32(), list.GetProperty("total").GetInt32());
        }
        Assert.Equal(totals.GetProperty("total").GetInt32(), dash.GetProperty("units").EnumerateArray().Sum(u => u.GetProperty("counts").GetProperty("total").GetInt32()));
        Assert.Equal(12, dash.GetProperty("trend").GetArrayLength());
    }

    [Fact]
    public async Task BadFilters_AreVietnameseErrors()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var r = await Json(await office.GetAsync("/api/assignments?status=late&dueFrom=hom-nay"), HttpStatusCode.BadRequest);
        Assert.Contains("Tình trạng phải là", r.GetProperty("errors").GetProperty("status")[0].GetString());
        Assert.Contains("yyyy-MM-dd", r.GetProperty("errors").GetProperty("dueFrom")[0].GetString());
    }

    [Fact]
    public async Task TaskSearch_PutsExactDiacriticsFirst_AndFindsBothWithout()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var marker = Guid.NewGuid().ToString("N")[..6];
        // The one without the exact word falls due first, so only the ranking can put the other ahead of it.
        await CreateAsync(office, "TU-HN", "P-HOANGMAI", 10, $"Kiểm tra {marker} dương tính");
        await CreateAsync(office, "TU-HN", "P-HOANGMAI", 40, $"Kiểm tra {marker} đường giao thông");
        var exact = await Json(await office.GetAsync($"/api/assignments?q={Uri.EscapeDataString(marker + " đường")}"), HttpStatusCode.OK);
        var titles = exact.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(2, titles.Count);
        Assert.Contains("đường", titles[0]);
        var folded = await Json(await office.GetAsync($"/api/assignments?q={marker}%20duong"), HttpStatusCode.OK);
        Assert.Equal(2, folded.GetProperty("total").GetInt32());
    }
}
