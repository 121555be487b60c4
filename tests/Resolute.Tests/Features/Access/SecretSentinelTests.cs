using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;
using Resolute.Web.Data;
using Resolute.Web.Features.Notifications;
using static Resolute.Tests.Features.Assignments.AssignmentTestData;

namespace Resolute.Tests.Features.Access;

/// <summary>
/// A secret task and a secret document carry a sentinel title. Every path that copies text out of a record (the audit
/// trail, notifications and e-mail, the reminder letter and its full-text index, Excel exports, the calendar feed,
/// duplicate messages, lists, dashboards and searches) is then read as users who hold roles over the records but are
/// not on the need-to-know list: the sentinel appears in none of it (RULES.md §5). The cleared user does see it, so the
/// test knows the sentinel was there to leak.
/// </summary>
public class SecretSentinelTests(ClockedResoluteFactory app) : IClassFixture<ClockedResoluteFactory>
{
    private static string Text(HttpResponseMessage r) => r.Content.ReadAsStringAsync().GetAwaiter().GetResult();

    private static string DocxText(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task SecretTitles_AppearInNoOutput_ForUsersNotCleared()
    {
        var sentinel = "SENTINEL" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var taskTitle = $"Nhiệm vụ {sentinel} về quy hoạch cán bộ";
        var docSummary = $"Trích yếu {sentinel} về công tác cán bộ";

        // Cleared: the city office that creates both records. Not cleared: an administrator, an inspector and a leader
        // of the city, and the reporter and office of the ward that leads the task (with e-mail addresses).
        var clearedName = await app.CreateUserAsync(ScopeRole.Office, "TU-HN");
        var cleared = app.CreateClient();
        cleared.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(clearedName));
        var uncleared = new Dictionary<string, (ScopeRole Role, string Unit)>
        {
            [await app.CreateUserAsync(ScopeRole.Admin, "TU-HN")] = (ScopeRole.Admin, "TU-HN"),
            [await app.CreateUserAsync(ScopeRole.Inspector, "TU-HN")] = (ScopeRole.Inspector, "TU-HN"),
            [await app.CreateUserAsync(ScopeRole.Leader, "TU-HN")] = (ScopeRole.Leader, "TU-HN"),
            [await app.CreateUserAsync(ScopeRole.Reporter, "P-YENHOA")] = (ScopeRole.Reporter, "P-YENHOA"),
            [await app.CreateUserAsync(ScopeRole.Office, "P-YENHOA")] = (ScopeRole.Office, "P-YENHOA"),
        };
        await app.WithDbAsync(async (db, _) =>
        {
            foreach (var u in await db.Users.Where(u => uncleared.Keys.Contains(u.UserName!)).ToListAsync()) u.Email = u.UserName + "@example.vn";
            return await db.SaveChangesAsync();
        });

        // The secret task, due tomorrow, then edited (so the audit trail holds its title before and after).
        var body = await CompleteAsync(app, "TU-HN", "P-YENHOA", app.Today.AddDays(1), taskTitle);
        body["secrecy"] = "confidential";
        body["content"] = null;
        var created = await cleared.PostAsJsonAsync("/api/assignments", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var task = JsonDocument.Parse(Text(created)).RootElement;
        var taskId = task.GetProperty("id").GetString()!;
        body["title"] = taskTitle + " (sửa)";
        body["version"] = task.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await cleared.PutAsJsonAsync($"/api/assignments/{taskId}", body)).StatusCode);

        // The secret document.
        var type = await app.WithDbAsync((db, _) => db.DocumentTypes.Where(t => t.Abbreviation == "KH" && t.System == Resolute.Domain.Documents.DocumentSystem.Party).Select(t => t.Id).FirstAsync());
        var number = Random.Shared.Next(5000, 9000);
        var doc = await cleared.PostAsJsonAsync("/api/documents", new
        {
            symbol = $"{number}-KH/TU",
            typeId = type,
            issuerCode = "TU-HN",
            issuedOn = app.Today.AddDays(-3).ToString("yyyy-MM-dd"),
            summary = docSummary,
            secrecy = "confidential",
            urgency = "normal",
        });
        Assert.True(doc.StatusCode == HttpStatusCode.Created, Text(doc));
        var docId = JsonDocument.Parse(Text(doc)).RootElement.GetProperty("id").GetString()!;

        // Reminders: due tomorrow today, then overdue and escalated to the city's leaders.
        async Task RemindAsync()
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Reminders>().RunOnceAsync(default);
        }
        await RemindAsync();
        app.Time.Advance(TimeSpan.FromDays(6));
        await RemindAsync();

        // The reminder letter to the ward, drafted and sent by the cleared office.
        var clearedPages = await app.SignedInClientAsync(clearedName);
        var letterPage = await clearedPages.GetAsync("/Assignments/Letter?unit=P-YENHOA");
        var letterDocx = await (await clearedPages.GetAsync("/Assignments/Letter?handler=Docx&unit=P-YENHOA")).Content.ReadAsByteArrayAsync();
        var sent = await ResoluteFactory.PostFormAsync(clearedPages, "/Assignments/Letter?unit=P-YENHOA", [], "/Assignments/Letter?unit=P-YENHOA");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var letterId = sent.Headers.Location!.ToString().Split('/').Last();
        var outputs = new List<(string What, string Text)>
        {
            ("letter page", Text(letterPage)),
            ("letter .docx", DocxText(letterDocx)),
        };
        Assert.Contains("nhiệm vụ thuộc danh mục bí mật", DocxText(letterDocx));

        // A ward office registering the same number (it cannot see the secret entry) is told only that it is taken.
        var otherOffice = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var duplicate = await otherOffice.PostAsJsonAsync("/api/documents", new
        {
            symbol = $"{number}-KH/TU",
            typeId = type,
            issuerCode = "TU-HN",
            issuedOn = app.Today.AddDays(-3).ToString("yyyy-MM-dd"),
            summary = "Kế hoạch khác",
            secrecy = "none",
            urgency = "normal",
        });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var duplicateText = Text(duplicate);
        Assert.DoesNotContain(app.Today.AddDays(-3).ToString("dd/MM/yyyy"), duplicateText);
        outputs.Add(("duplicate message", duplicateText));

        // Every output, for every user not cleared.
        foreach (var (name, (role, unit)) in uncleared)
        {
            var api = app.CreateClient();
            api.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(name));
            var pages = await app.SignedInClientAsync(name);
            var org = await app.UnitIdAsync("P-YENHOA");
            async Task Read(string what, HttpClient c, string url) => outputs.Add(($"{name} ({role}) {what}", Text(await c.GetAsync(url))));
            await Read("task list", api, $"/api/assignments?org={org}&subtree=true&pageSize=200");
            await Read("task search", api, $"/api/assignments?q={sentinel}");
            await Read("task", api, $"/api/assignments/{taskId}");
            await Read("dashboard", api, $"/api/dashboard?org={org}");
            await Read("document search", api, $"/api/documents?q={sentinel}");
            await Read("document", api, $"/api/documents/{docId}");
            await Read("letter", api, $"/api/documents/{letterId}");
            await Read("letter search", api, $"/api/documents?q={sentinel}");
            await Read("notifications", api, "/api/notifications");
            await Read("notifications page", pages, "/Notifications");
            await Read("my work", pages, "/Assignments/MyWork");
            await Read("home", pages, "/");
            await Read("task list page", pages, "/Assignments?org=P-YENHOA");
            await Read("excel export", pages, "/Assignments?handler=Export&org=P-YENHOA");
            if (role is ScopeRole.Admin or ScopeRole.Inspector)
            {
                await Read("audit page", pages, "/Audit");
                await Read("audit of the task", pages, $"/Audit?EntityType=Assignment&EntityId={taskId}");
                await Read("audit of the document", pages, $"/Audit?EntityType=Document&EntityId={docId}");
                await Read("audit of notifications", pages, "/Audit?EntityType=Notification");
            }
            var export = await pages.GetAsync("/Assignments?handler=Export&org=P-YENHOA");
            if (export.Content.Headers.ContentType?.MediaType?.Contains("spreadsheet") == true)
            {
                using var zip = new ZipArchive(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
                foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml")))
                    outputs.Add(($"{name} excel {entry.FullName}", new StreamReader(entry.Open()).ReadToEnd()));
            }
        }

        // What is stored for them: their notifications, and the e-mail outbox (never a secret item, cleared or not).
        var unclearedNames = uncleared.Keys.ToList();
        var stored = await app.WithDbAsync((db, _) => (from n in db.Notifications.IgnoreQueryFilters()
                                                       join u in db.Users on n.UserId equals u.Id
                                                       where unclearedNames.Contains(u.UserName!)
                                                       select new { n.Title, n.Body, n.AssignmentId, n.EmailState }).ToListAsync());
        Assert.Contains(stored, n => n.AssignmentId == Guid.Parse(taskId) && n.Title.Contains("nhiệm vụ mật"));
        outputs.AddRange(stored.Select(n => ("stored notification", $"{n.Title} {n.Body}")));
        Assert.False(await app.WithDbAsync((db, _) => db.Notifications.IgnoreQueryFilters()
            .AnyAsync(n => n.AssignmentId == Guid.Parse(taskId) && n.EmailState != EmailState.None)));
        // The letter's document, as stored and as indexed for search.
        var letterStored = await app.WithDbAsync((db, _) => db.Documents.IgnoreQueryFilters().Where(d => d.Id == Guid.Parse(letterId))
            .Select(d => (d.Summary ?? "") + " " + (d.AttachmentText ?? "") + " " + d.SearchText).FirstAsync());
        outputs.Add(("letter as stored and indexed", letterStored));

        var leaks = outputs.Where(o => o.Text.Contains(sentinel, StringComparison.OrdinalIgnoreCase)).Select(o => o.What).ToList();
        Assert.True(leaks.Count == 0, "The secret title leaked in: " + string.Join("; ", leaks));

        // The control: the cleared office sees the title in the audit trail and in its own notification, so the
        // sentinel was there to leak.
        await app.WithDbAsync(async (db, _) =>
        {
            var id = await db.Users.Where(u => u.UserName == clearedName).Select(u => u.Id).SingleAsync();
            var city = await db.Organisations.IgnoreQueryFilters().Where(o => o.Code == "TU-HN").Select(o => o.Id).SingleAsync();
            db.RoleGrants.Add(new Resolute.Web.Data.RoleGrant { UserId = id, Role = ScopeRole.Admin, OrganisationId = city });
            return await db.SaveChangesAsync();
        });
        var clearedAdmin = await app.SignedInClientAsync(clearedName);
        Assert.Contains(sentinel, await clearedAdmin.GetStringAsync($"/Audit?EntityType=Assignment&EntityId={taskId}"));
    }
}
