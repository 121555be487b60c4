using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Resolute.Domain.Access;
using Resolute.Tests.Features.Assignments;

namespace Resolute.Tests.Infrastructure;

/// <summary>
/// Every query string and body field of the API, and the pages' search and filter fields, get text outside the Basic
/// Multilingual Plane, control characters, unpaired surrogates, out-of-range dates and numbers and undefined enum
/// values: the answer is a 4xx (or a 2xx that ignores them), never a 5xx.
/// </summary>
public class InputFuzzTests(ClockedResoluteFactory app) : IClassFixture<ClockedResoluteFactory>
{
    /// <summary>Values for query strings, as the raw (already escaped) text that follows "name=".</summary>
    private static readonly string[] QueryValues =
    [
        Uri.EscapeDataString("😀🀄𠀀 Hoàn Kiếm"), Uri.EscapeDataString("𠀀"), "%00", "a%0Db", "%01%1F%7F", "%ED%A0%80", "%F0%9F",
        "9999-12", "9999-12-31", "0001-01-01", "0000-00-00", "2026-13-45", "-1", "0", "2147483648", "99999999999999999999", "1e400",
        "bogus", Uri.EscapeDataString("\"*NEAR( OR) ^ -"), Uri.EscapeDataString("' OR 1=1 --"), new string('x', 5000), "", "%20",
        Uri.EscapeDataString("15-NQ/TW😀"), Uri.EscapeDataString("𠀀-NQ/TW"), "00000000-0000-0000-0000-000000000000",
    ];

    /// <summary>Values for JSON body fields, as JSON.</summary>
    private static readonly string[] JsonValues =
    [
        "\"😀🀄𠀀\"", "\"\\u0000x\"", "\"a\\rb\"", "\"\\ud800\"", "\"\\udc00x\"", "\"9999-12-31\"", "\"0001-01-01\"", "\"9999-12\"",
        "\"bogus\"", "99", "-1", "0", "1e400", "2147483648", "-9999999999999999999999", "true", "null", "[]", "{}", "[\"😀\"]",
        "\"" + new string('x', 10_000) + "\"", "\"15-NQ/TW😀\"", "\"𠀀-NQ/TW\"", "\"00000000-0000-0000-0000-000000000000\"",
    ];

    private readonly List<string> _failures = [];

    private async Task CheckAsync(string what, Task<HttpResponseMessage> request)
    {
        HttpResponseMessage r;
        try
        {
            r = await request;
        }
        catch (Exception e)
        {
            _failures.Add($"{what}: {e.GetType().Name} {e.Message}");
            return;
        }
        if ((int)r.StatusCode >= 500) _failures.Add($"{what}: {(int)r.StatusCode} {Truncate(await r.Content.ReadAsStringAsync())}");
    }

    private static string Truncate(string s) => s.Length > 300 ? s[..300] : s;

    private void AssertNoFailures() => Assert.True(_failures.Count == 0, $"{_failures.Count} answers were 5xx:\n" + string.Join("\n", _failures.Take(40)));

    [Fact]
    public async Task QueryStrings_OfEveryListEndpoint_AnswerBelow500()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var org = await app.UnitIdAsync("P-HOANKIEM");
        var endpoints = new (string Path, string[] Params)[]
        {
            ($"/api/assignments?subtree=true&org={org}", ["org", "status", "source", "dueFrom", "dueTo", "leader", "q", "parent", "page", "pageSize", "completedMonth", "sort", "subtree", "assigner"]),
            ("/api/documents?", ["q", "system", "type", "issuer", "from", "to", "page", "pageSize", "subtree", "status", "sort"]),
            ("/api/organisations?", ["q", "parentId", "includeEnded"]),
            ("/api/dashboard?", ["org"]),
            ("/api/reviews?", ["org", "subject"]),
            ("/api/notifications?", ["page"]),
        };
        foreach (var (path, names) in endpoints)
            foreach (var name in names)
                foreach (var value in QueryValues)
                    await CheckAsync($"GET {path} {name}={Truncate(value)}", client.GetAsync($"{path}&{name}={value}"));
        AssertNoFailures();
    }

    [Fact]
    public async Task BodyFields_OfTheCreatingWrites_AnswerBelow500()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var task = JsonSerializer.SerializeToNode(await AssignmentTestData.CompleteAsync(app, "TU-HN", "P-HOANKIEM", app.Today.AddDays(30), assign: false))!.AsObject();
        task["recurrence"] = "none";
        var type = await app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(db.DocumentTypes, t => t.Abbreviation == "KH" && t.System == Resolute.Domain.Documents.DocumentSystem.State), t => t.Id)));
        var bodies = new (string Path, JsonObject Body)[]
        {
            ("/api/assignments", task),
            ("/api/documents", new JsonObject
            {
                ["symbol"] = "991/KH-UBND", ["typeId"] = type, ["issuerCode"] = "P-HOANKIEM-UBND", ["issuedOn"] = "2026-03-01",
                ["signer"] = "Nguyễn Văn A", ["summary"] = "Kế hoạch kiểm thử", ["secrecy"] = "none", ["urgency"] = "normal", ["fullText"] = "Nội dung",
                ["holder"] = "Văn phòng", ["needToKnow"] = new JsonArray(),
            }),
            ("/api/organisations", new JsonObject
            {
                ["code"] = "FZ-1", ["name"] = "Chi bộ thử", ["fullName"] = "Chi bộ thử", ["kind"] = "partyCell", ["level"] = "commune",
                ["parentId"] = org(await app.UnitIdAsync("P-HOANKIEM")), ["validFrom"] = "2025-07-01",
            }),
            ("/api/reviews", new JsonObject
            {
                ["ownerCode"] = "TU-HN", ["kind"] = "preliminary", ["title"] = "Sơ kết thử", ["subjectNote"] = "Chuyên đề", ["periodFrom"] = "2025-01-01",
                ["periodTo"] = "2025-12-31", ["deadline"] = app.Today.AddDays(30).ToString("yyyy-MM-dd"), ["extraSections"] = "Mục thêm",
                ["reportedFigures"] = "Số chi bộ | chi bộ", ["recipientCodes"] = new JsonArray("P-HOANKIEM"), ["send"] = false,
            }),
        };
        foreach (var (path, body) in bodies)
            foreach (var field in body.Select(p => p.Key).ToList())
                foreach (var value in JsonValues)
                {
                    var copy = body.DeepClone().AsObject();
                    // A placeholder replaced by the raw JSON: JsonNode cannot hold an unpaired surrogate escape.
                    copy[field] = "__RAW__";
                    var json = copy.ToJsonString().Replace("\"__RAW__\"", value);
                    await CheckAsync($"POST {path} {field}={Truncate(value)}", client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json")));
                }
        foreach (var value in JsonValues)
            await CheckAsync($"POST /api/references/extract {Truncate(value)}",
                client.PostAsync("/api/references/extract", new StringContent("Theo Nghị quyết số 15-NQ/TW và " + value, Encoding.UTF8, "text/plain")));
        AssertNoFailures();

        static JsonNode org(Guid id) => JsonValue.Create(id.ToString())!;
    }

    [Fact]
    public async Task ProgressAndExtensionFields_OfATask_AnswerBelow500()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var created = await office.PostAsJsonAsync("/api/assignments", await AssignmentTestData.CompleteAsync(app, "TU-HN", "P-CUANAM", app.Today.AddDays(30)));
        var a = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = a.GetProperty("id").GetString();
        foreach (var (path, body) in new (string, JsonObject)[]
        {
            ($"/api/assignments/{id}/progress", new JsonObject { ["narrative"] = "Đang làm", ["percent"] = 30, ["proposesCompletion"] = false, ["actuals"] = new JsonArray() }),
            ($"/api/assignments/{id}/extensions", new JsonObject { ["newDeadline"] = app.Today.AddDays(60).ToString("yyyy-MM-dd"), ["reason"] = "Chờ hướng dẫn" }),
            ($"/api/assignments/{id}/state", new JsonObject { ["change"] = "pause", ["reason"] = "Chờ" }),
        })
            foreach (var field in body.Select(p => p.Key).Append("version").ToList())
                foreach (var value in JsonValues)
                {
                    var copy = body.DeepClone().AsObject();
                    var current = JsonDocument.Parse(await office.GetStringAsync($"/api/assignments/{id}")).RootElement.GetProperty("version").GetInt32();
                    copy["version"] = current;
                    copy[field] = "__RAW__";
                    var json = copy.ToJsonString().Replace("\"__RAW__\"", value);
                    await CheckAsync($"POST {path} {field}={Truncate(value)}", office.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json")));
                }
        AssertNoFailures();
    }

    [Fact]
    public async Task PageSearchFields_AndTheCultureSwitch_AnswerBelow500()
    {
        var client = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Office, "TU-HN"));
        var pages = new (string Path, string[] Params)[]
        {
            ("/Documents?", ["q", "system", "type", "from", "to", "page"]),
            ("/Assignments?", ["q", "status", "dueFrom", "dueTo", "org", "page", "completedMonth"]),
            ("/Organisations?", ["q"]),
            ("/Assignments/Dashboard?", ["unit"]),
            ("/Audit?", ["UserName", "Unit", "EntityType", "EntityId", "Before"]),
        };
        foreach (var (path, names) in pages)
            foreach (var name in names)
                foreach (var value in QueryValues)
                    await CheckAsync($"GET {path}{name}={Truncate(value)}", client.GetAsync($"{path}{name}={value}"));
        foreach (var returnUrl in new[] { "/\\evil.example", "//evil.example", "/%0D%0ASet-Cookie:x=1", "\u0000", "http://evil.example", "/Documents?q=😀", "/" + new string('a', 5000), "%" })
            await CheckAsync($"POST /culture returnUrl={Truncate(returnUrl)}",
                Infrastructure.ResoluteFactory.PostFormAsync(client, "/culture", new() { ["culture"] = "en-GB", ["returnUrl"] = returnUrl }, "/"));
        AssertNoFailures();
    }
}
