using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;
using Resolute.Web.Features.Notifications;
using Resolute.Web.Features.Reviews;

namespace Resolute.Tests.Features.Reviews;

public class ReviewsApiTests(ClockedResoluteFactory app) : IClassFixture<ClockedResoluteFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> OpenAsync(HttpClient office, string[] wards, int days, string? figures = null) =>
        await Json(await office.PostAsJsonAsync("/api/reviews", new
        {
            ownerCode = "TU-HN",
            kind = "Preliminary",
            title = "Sơ kết kiểm thử " + Guid.NewGuid().ToString("N")[..6],
            subjectSymbol = "10-CTr/TU",
            periodFrom = app.Today.AddYears(-1).ToString("yyyy-MM-dd"),
            periodTo = app.Today.ToString("yyyy-MM-dd"),
            deadline = app.Today.AddDays(days).ToString("yyyy-MM-dd"),
            reportedFigures = figures,
            recipientCodes = wards,
            send = true,
        }), HttpStatusCode.Created);

    private static JsonElement Unit(JsonElement review, string name) =>
        review.GetProperty("units").EnumerateArray().First(u => u.GetProperty("unitName").GetString()!.Contains(name));

    [Fact]
    public async Task Demo_FifteenYearReview_CarriesTheSeedsCounts_AndReportsOnTheResolution()
    {
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var list = await Json(await leader.GetAsync("/api/reviews"), HttpStatusCode.OK);
        var fifteen = list.EnumerateArray().First(c => c.GetProperty("title").GetString()!.StartsWith("Tổng kết 15 năm"));
        Assert.Equal("15-NQ/TW", fifteen.GetProperty("subjectSymbol").GetString());
        var review = await Json(await leader.GetAsync($"/api/reviews/{fifteen.GetProperty("id")}"), HttpStatusCode.OK);
        var counts = review.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("items").GetArrayLength());
        Assert.Equal(7, counts["limitations"]);
        Assert.Equal(4, counts["lessons"]);
        Assert.Equal(8, counts["tasks"]);
        Assert.Equal(2, counts["breakthroughs"]);
        Assert.Equal(6, counts["recommendations"]);
        Assert.Equal("234-BC/TU", review.GetProperty("reportSymbol").GetString());
        // Every consolidated item names the units it came from.
        var first = review.GetProperty("sections")[1].GetProperty("items")[0];
        Assert.True(first.GetProperty("sources").GetArrayLength() > 0);
        // The register's lineage of 15-NQ/TW yields the document count, with a link to the records.
        var documents = review.GetProperty("figures").GetProperty("rows").EnumerateArray().First(r => r.GetProperty("key").GetString() == "documents");
        Assert.True(documents.GetProperty("cells").EnumerateArray().Last().GetProperty("value").GetDecimal() > 100);
        Assert.StartsWith("/Documents/Lineage/", documents.GetProperty("cells").EnumerateArray().Last().GetProperty("link").GetString());
        // Two rounds of the same subject exist for comparing.
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("title").GetString()!.StartsWith("Tổng kết 10 năm"));
    }

    [Fact]
    public async Task Campaign_UnitsReport_SiblingsDoNotSeeEachOther_AcceptReturnLateAndRemind()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var review = await OpenAsync(office, ["P-KIMLIEN", "P-HONGHA", "P-LANG"], 10, "Số cuộc kiểm tra | cuộc");
        var id = review.GetProperty("id").GetString();
        Assert.Equal("sent", review.GetProperty("state").GetString());
        Assert.All(review.GetProperty("units").EnumerateArray(), u => Assert.Equal("not-started", u.GetProperty("status").GetString()));
        // Each unit has the task of reporting, reminded as any task.
        Assert.All(review.GetProperty("units").EnumerateArray(), u => Assert.Equal(JsonValueKind.String, u.GetProperty("assignmentId").ValueKind));

        var kimLien = Unit(review, "Kim Liên");
        var reportId = kimLien.GetProperty("reportId").GetString();
        var figureKey = review.GetProperty("figures").GetProperty("rows").EnumerateArray().First(r => !r.GetProperty("computed").GetBoolean()).GetProperty("key").GetString();
        var reporter = await app.ApiClientAsync(ScopeRole.Reporter, "P-KIMLIEN");
        var sibling = await app.ApiClientAsync(ScopeRole.Reporter, "P-LANG");

        // The ward sees the campaign and only its own report.
        var seen = await Json(await reporter.GetAsync($"/api/reviews/{id}"), HttpStatusCode.OK);
        Assert.Single(seen.GetProperty("units").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.PutAsJsonAsync($"/api/reviews/reports/{reportId}", new { items = Array.Empty<object>() })).StatusCode);
        // Another ward, not asked, does not see the campaign at all.
        var stranger = await app.ApiClientAsync(ScopeRole.Office, "P-HOANKIEM");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/reviews/{id}")).StatusCode);

        // Empty submission is refused in Vietnamese; a draft saves; submitting proposes the task's completion.
        var empty = await Json(await reporter.PutAsJsonAsync($"/api/reviews/reports/{reportId}", new { submit = true, version = kimLien.GetProperty("version").GetInt32() }), HttpStatusCode.BadRequest);
        Assert.Contains("ít nhất một mục", empty.GetRawText());
        var draft = await Json(await reporter.PutAsJsonAsync($"/api/reviews/reports/{reportId}", new
        {
            items = new[] { new { sectionKey = "results", text = "Ban hành kế hoạch thực hiện" }, new { sectionKey = "limitations", text = "Kiểm tra còn ít" } },
            figures = new[] { new { key = figureKey, value = 4m } },
            version = kimLien.GetProperty("version").GetInt32(),
        }), HttpStatusCode.OK);
        Assert.Equal("drafting", draft.GetProperty("status").GetString());
        Assert.Equal(4m, draft.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == figureKey).GetProperty("value").GetDecimal());
        // A stale version is a conflict, nothing overwritten.
        Assert.Equal(HttpStatusCode.Conflict, (await reporter.PutAsJsonAsync($"/api/reviews/reports/{reportId}", new { submit = true, version = 0 })).StatusCode);
        var submitted = await Json(await reporter.PutAsJsonAsync($"/api/reviews/reports/{reportId}", new
        {
            items = draft.GetProperty("items").EnumerateArray().Select(i => new { id = i.GetProperty("id").GetString(), sectionKey = i.GetProperty("sectionKey").GetString(), text = i.GetProperty("text").GetString() }),
            figures = new[] { new { key = figureKey, value = 4m } },
            submit = true,
            version = draft.GetProperty("version").GetInt32(),
        }), HttpStatusCode.OK);
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(draft.GetProperty("items")[0].GetProperty("id").GetString(), submitted.GetProperty("items")[0].GetProperty("id").GetString());

        // The ward may not accept its own report; returning needs a comment; the city returns then accepts.
        var v = submitted.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsJsonAsync($"/api/reviews/reports/{reportId}/decision", new { accept = true, version = v })).StatusCode);
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        await Json(await leader.PostAsJsonAsync($"/api/reviews/reports/{reportId}/decision", new { accept = false, version = v }), HttpStatusCode.BadRequest);
        // Without the version read, a decision is refused: a delayed retry must not act on a report that changed since.
        await Json(await leader.PostAsJsonAsync($"/api/reviews/reports/{reportId}/decision", new { accept = false, comment = "Bổ sung số liệu" }), HttpStatusCode.BadRequest);
        var returned = await Json(await leader.PostAsJsonAsync($"/api/reviews/reports/{reportId}/decision", new { accept = false, comment = "Bổ sung số liệu", version = v }), HttpStatusCode.OK);
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        var resubmitted = await Json(await reporter.PutAsJsonAsync($"/api/reviews/reports/{reportId}", new
        {
            items = new[] { new { sectionKey = "results", text = "Ban hành kế hoạch thực hiện" }, new { sectionKey = "results", text = "Kiểm tra 4 chi bộ" } },
            figures = new[] { new { key = figureKey, value = 4m } },
            submit = true,
            version = returned.GetProperty("version").GetInt32(),
        }), HttpStatusCode.OK);
        var accepted = await Json(await leader.PostAsJsonAsync($"/api/reviews/reports/{reportId}/decision", new { accept = true, version = resubmitted.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        var taskId = accepted.GetProperty("assignmentId").GetString();
        var task = await Json(await office.GetAsync($"/api/assignments/{taskId}"), HttpStatusCode.OK);
        Assert.Equal("done-on-time", task.GetProperty("status").GetString());

        // Past the deadline the others are late, and the reminder job reminds them (and not the ward that reported).
        app.Time.Advance(TimeSpan.FromDays(11));
        var late = await Json(await office.GetAsync($"/api/reviews/{id}"), HttpStatusCode.OK);
        Assert.Equal("late", Unit(late, "Láng").GetProperty("status").GetString());
        Assert.Equal("accepted", Unit(late, "Kim Liên").GetProperty("status").GetString());
        var langUser = await app.CreateUserAsync(ScopeRole.Reporter, "P-LANG");
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Reminders>().RunOnceAsync(default);
        var langTask = Guid.Parse(Unit(late, "Láng").GetProperty("assignmentId").GetString()!);
        var kinds = await app.WithDbAsync((db, _) => (from n in db.Notifications
                                                      join u in db.Users on n.UserId equals u.Id
                                                      where n.AssignmentId == langTask && u.UserName == langUser
                                                      select n.Kind).ToListAsync());
        Assert.Contains("overdue", kinds);
        var doneTask = Guid.Parse(taskId!);
        Assert.False(await app.WithDbAsync((db, _) => db.Notifications.AnyAsync(n => n.AssignmentId == doneTask && n.Kind == "overdue")));
    }

    [Fact]
    public async Task Consolidated_Report_IsAnOfficialDocx_WithSixSectionsAndFigures_AndPdfWhenLibreOfficeIsThere()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var review = await OpenAsync(office, ["P-DONGDA", "P-BACHMAI"], 20);
        var id = Guid.Parse(review.GetProperty("id").GetString()!);
        var reportId = Unit(review, "Đống Đa").GetProperty("reportId").GetString();
        var reporter = await app.ApiClientAsync(ScopeRole.Office, "P-DONGDA");
        await Json(await reporter.PutAsJsonAsync($"/api/reviews/reports/{reportId}", new
        {
            items = new[] { new { sectionKey = "lessons", text = "Người đứng đầu phải gương mẫu" } },
            submit = true,
            version = Unit(review, "Đống Đa").GetProperty("version").GetInt32(),
        }), HttpStatusCode.OK);
        var item = (await Json(await office.GetAsync($"/api/reviews/{id}"), HttpStatusCode.OK)).GetProperty("units").EnumerateArray()
            .SelectMany(u => u.GetProperty("items").EnumerateArray()).First().GetProperty("id").GetGuid();
        await app.WithDbAsync(async (db, _) =>
        {
            await new EditConsolidation(id, null, "add", null, "lessons", "Phát huy vai trò nêu gương của người đứng đầu.", [item]).HandleAsync(db, default);
            // An override needs a reason.
            await Assert.ThrowsAsync<Resolute.Domain.Common.DomainException>(() => new OverrideFigure(id, "documents", null, 12, null).HandleAsync(db, default));
            db.ChangeTracker.Clear();
            await new OverrideFigure(id, "documents", null, 12, "Cộng văn bản giấy chưa số hóa").HandleAsync(db, default);
            return 0;
        });
        var detail = await Json(await office.GetAsync($"/api/reviews/{id}"), HttpStatusCode.OK);
        var lessons = detail.GetProperty("sections").EnumerateArray().First(s => s.GetProperty("key").GetString() == "lessons").GetProperty("items")[0];
        Assert.Contains("Đống Đa", lessons.GetProperty("sources")[0].GetProperty("unitName").GetString());
        var docCell = detail.GetProperty("figures").GetProperty("rows")[0].GetProperty("cells").EnumerateArray().Last();
        Assert.True(docCell.GetProperty("overridden").GetBoolean());
        Assert.Equal(12m, docCell.GetProperty("value").GetDecimal());

        var response = await office.GetAsync($"/api/reviews/{id}/report.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var text = string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
            Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
            Assert.Contains("THÀNH ỦY HÀ NỘI", text.ToUpperInvariant());
            Assert.Contains("-BC/TU", text);
            Assert.Contains("BÁO CÁO", text);
            foreach (var heading in new[] { "I. KẾT QUẢ ĐẠT ĐƯỢC", "II. HẠN CHẾ, YẾU KÉM VÀ NGUYÊN NHÂN", "III. BÀI HỌC KINH NGHIỆM", "IV. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", "V. GIẢI PHÁP ĐỘT PHÁ", "VI. KIẾN NGHỊ, ĐỀ XUẤT" })
                Assert.Contains(heading, text);
            Assert.Contains("1. Phát huy vai trò nêu gương của người đứng đầu.", text);
            Assert.Contains("T/M BAN THƯỜNG VỤ", text);
            Assert.Contains("Nơi nhận:", text);
            // The figures table: the overridden document count and the task rows.
            var cells = doc.MainDocumentPart.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
            Assert.Contains("Văn bản ban hành để triển khai thực hiện", cells);
            Assert.Contains("12", cells);
            Assert.Contains("Tỷ lệ hoàn thành đúng hạn", cells);
        }
        var annex = await office.GetAsync($"/api/reviews/{id}/annex.xlsx");
        Assert.Equal(HttpStatusCode.OK, annex.StatusCode);
        Assert.Equal((byte)'P', (await annex.Content.ReadAsByteArrayAsync())[0]);

        var pdf = await office.GetAsync($"/api/reviews/{id}/report.pdf");
        if (Resolute.Web.Infrastructure.Docx.LibreOffice.Available)
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            var head = (await pdf.Content.ReadAsByteArrayAsync())[..5];
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
        }
        else
        {
            Assert.Equal(HttpStatusCode.NotImplemented, pdf.StatusCode);
            Assert.Contains("LibreOffice", await pdf.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Opening_RefusesBadInput_InVietnamese()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var bad = await Json(await office.PostAsJsonAsync("/api/reviews", new
        {
            ownerCode = "TU-HN",
            title = "Sơ kết",
            subjectSymbol = "10-CTr/TU",
            periodFrom = "2026-01-01",
            periodTo = "2025-01-01",
            deadline = "2027-01-01",
        }), HttpStatusCode.BadRequest);
        Assert.Contains("ngày kết thúc phải sau ngày bắt đầu", bad.GetRawText());
        var outside = await Json(await office.PostAsJsonAsync("/api/reviews", new
        {
            ownerCode = "P-DONGDA",
            title = "Sơ kết",
            subjectSymbol = "10-CTr/TU",
            periodFrom = "2025-01-01",
            periodTo = "2026-01-01",
            deadline = "2027-01-01",
            recipientCodes = new[] { "TU-HN" },
        }), HttpStatusCode.BadRequest);
        Assert.Contains("không phải đơn vị cấp dưới", outside.GetRawText());
        var ward = await app.ApiClientAsync(ScopeRole.Reporter, "P-DONGDA");
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.PostAsJsonAsync("/api/reviews", new
        {
            ownerCode = "P-DONGDA",
            title = "Sơ kết",
            subjectSymbol = "10-CTr/TU",
            periodFrom = "2025-01-01",
            periodTo = "2026-01-01",
            deadline = "2027-01-01",
        })).StatusCode);
    }
}
