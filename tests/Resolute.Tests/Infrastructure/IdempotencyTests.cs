using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Tests.Features.Assignments;

namespace Resolute.Tests.Infrastructure;

/// <summary>A retried creating write with the same Idempotency-Key makes one record; writes to a task name the version read.</summary>
public class IdempotencyTests(ClockedResoluteFactory app) : IClassFixture<ClockedResoluteFactory>
{
    private static HttpRequestMessage Post(string url, object body, string key)
    {
        var m = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        m.Headers.Add("Idempotency-Key", key);
        return m;
    }

    [Fact]
    public async Task RetriedCreate_WithTheSameKey_MakesOneTask_AndGetsTheFirstAnswer()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var title = "Nhiệm vụ gửi lại " + Guid.NewGuid().ToString("N")[..6];
        var body = await AssignmentTestData.CompleteAsync(app, "TU-HN", "P-HOANKIEM", app.Today.AddDays(20), title);
        var key = Guid.NewGuid().ToString();
        var first = await office.SendAsync(Post("/api/assignments", body, key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await office.SendAsync(Post("/api/assignments", body, key));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        var id1 = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var id2 = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        Assert.Equal(id1, id2);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.Assignments.IgnoreQueryFilters().CountAsync(a => a.Title == title)));

        // Several retries at once: still one.
        var burstTitle = title + " (đồng thời)";
        body["title"] = burstTitle;
        var burstKey = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => office.SendAsync(Post("/api/assignments", body, burstKey))));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, a.StatusCode.ToString()));
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.Assignments.IgnoreQueryFilters().CountAsync(a => a.Title == burstTitle)));

        // The same key on another request is refused; another account's key is its own.
        var misuse = await office.SendAsync(Post($"/api/assignments/{id1}/progress", new { narrative = "x", percent = 10, version = 1 }, key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, misuse.StatusCode);
        var otherOffice = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        body["title"] = title + " (người khác)";
        Assert.Equal(HttpStatusCode.Created, (await otherOffice.SendAsync(Post("/api/assignments", body, key))).StatusCode);
    }

    [Fact]
    public async Task RetriedProgressReport_IsRecordedOnce_AndAFailedWriteLeavesTheKeyUnused()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var created = JsonDocument.Parse(await (await office.PostAsJsonAsync("/api/assignments",
            await AssignmentTestData.CompleteAsync(app, "TU-HN", "P-CUANAM", app.Today.AddDays(20)))).Content.ReadAsStringAsync()).RootElement;
        var id = created.GetProperty("id").GetString();
        var version = created.GetProperty("version").GetInt32();
        var reporter = await app.ApiClientAsync(ScopeRole.Reporter, "P-CUANAM");
        var key = Guid.NewGuid().ToString();

        // Refused (no version): nothing written, so the same key may be used for the corrected request.
        var refused = await reporter.SendAsync(Post($"/api/assignments/{id}/progress", new { narrative = "Đang làm", percent = 30 }, key));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("version", await refused.Content.ReadAsStringAsync());

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await reporter.SendAsync(Post($"/api/assignments/{id}/progress", new { narrative = "Đang làm", percent = 30, version }, key))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.ProgressReports.CountAsync(r => r.AssignmentId == Guid.Parse(id!))));

        var badKey = await reporter.SendAsync(Post($"/api/assignments/{id}/progress", new { narrative = "x", percent = 30, version }, new string('k', 101)));
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
    }
}
