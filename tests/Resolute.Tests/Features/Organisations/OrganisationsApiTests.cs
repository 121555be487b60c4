using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Organisations;

public class OrganisationsApiTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    private sealed record Unit(Guid Id, Guid? ParentId, string Code, string Name, string Kind, string Level, DateOnly ValidFrom, DateOnly? ValidTo, Guid? SuccessorId);

    private static async Task<List<Unit>> ListAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<List<Unit>>("/api/organisations" + query))!;

    private static async Task<Unit> CreateAsync(HttpClient client, string code, Guid parentId)
    {
        var response = await client.PostAsJsonAsync("/api/organisations", new
        {
            code,
            name = $"Chi bộ {code}",
            kind = "partyCell",
            level = "commune",
            parentId,
            validFrom = "2025-07-01",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Unit>())!;
    }

    private static string NewCode() => "T-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task List_WithoutCredentials_Answers401ProblemDetails()
    {
        var response = await app.CreateClient().GetAsync("/api/organisations");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_WithRevokedOrUnknownToken_Answers401()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "rsl_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/organisations")).StatusCode);
    }

    [Fact]
    public async Task List_CityUser_SeesWholeCityWithDemoShape()
    {
        var client = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var units = await ListAsync(client);
        var root = units.Single(u => u.Code == "TU-HN");
        var communes = units.Where(u => u.ParentId == root.Id && u.Level == "commune" && u.Kind == "partyCommittee").ToList();
        Assert.Equal(126, communes.Count);
        var districts = units.Where(u => u.Level == "district").ToList();
        Assert.Equal(30, districts.Count);
        Assert.All(districts, d =>
        {
            Assert.Equal(new DateOnly(2025, 6, 30), d.ValidTo);
            Assert.NotNull(d.SuccessorId);
        });
        // The Central bodies are outside the city's subtree.
        Assert.DoesNotContain(units, u => u.Code == "TW");
    }

    [Fact]
    public async Task List_WardUser_SeesOnlyOwnSubtree()
    {
        var client = await app.ApiClientAsync(ScopeRole.Reporter, "P-HOANKIEM");
        var units = await ListAsync(client);
        Assert.Contains(units, u => u.Code == "P-HOANKIEM");
        Assert.Contains(units, u => u.Code == "P-HOANKIEM-UBND");
        Assert.All(units, u => Assert.StartsWith("P-HOANKIEM", u.Code));

        var sibling = await app.UnitIdAsync("P-CUANAM");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/organisations/{sibling}")).StatusCode);
        var above = await app.UnitIdAsync("TU-HN");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/organisations/{above}")).StatusCode);
    }

    [Fact]
    public async Task List_SearchWithoutDiacritics_FindsVietnameseNames()
    {
        var client = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var units = await ListAsync(client, "?q=hoan%20kiem&includeEnded=false");
        Assert.Contains(units, u => u.Name == "Đảng ủy phường Hoàn Kiếm");
        var dong = await ListAsync(client, "?q=dong%20da");
        Assert.Contains(dong, u => u.Name == "Đảng ủy phường Đống Đa");
    }

    [Fact]
    public async Task List_IsInVietnameseOrder()
    {
        var client = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var root = await app.UnitIdAsync("TU-HN");
        var names = (await ListAsync(client, $"?parentId={root}&includeEnded=false"))
            .Where(u => u.Name.StartsWith("Đảng ủy phường ")).Select(u => u.Name).ToList();
        Assert.Equal(names.OrderBy(n => n, Resolute.Domain.Text.VietnameseText.Comparer).ToList(), names);
        // "Đống Đa" sorts after every "D…" ward name and "Ô Chợ Dừa" after "Ngọc Hà".
        Assert.True(names.IndexOf("Đảng ủy phường Đống Đa") > names.IndexOf("Đảng ủy phường Dương Nội"));
    }

    [Fact]
    public async Task Create_InvalidBody_Answers400WithVietnameseMessagesPerField()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var response = await client.PostAsJsonAsync("/api/organisations", new { code = "", kind = "partyCell" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Dữ liệu không hợp lệ.", body.GetProperty("title").GetString());
        var errors = body.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name.ToLowerInvariant(), p => p.Value[0].GetString());
        Assert.Equal("Mã đơn vị không được để trống.", errors["code"]);
        Assert.Equal("Tên ngắn không được để trống.", errors["name"]);
        Assert.Equal("Cần nhập ngày thành lập.", errors["validfrom"]);
    }

    [Fact]
    public async Task Create_MalformedJson_Answers400NotServerError()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var response = await client.PostAsync("/api/organisations", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_DuplicateCode_NamesTheExistingUnit()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var root = await app.UnitIdAsync("TU-HN");
        var response = await client.PostAsJsonAsync("/api/organisations", new
        {
            code = "p-hoankiem",
            name = "Trùng",
            kind = "partyCell",
            level = "commune",
            parentId = root,
            validFrom = "2025-07-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Đảng ủy phường Hoàn Kiếm", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_ByLeader_IsForbidden_AndBySiblingOffice_IsNotFound()
    {
        var leader = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var ward = await app.UnitIdAsync("P-BADINH");
        var response = await leader.PostAsJsonAsync("/api/organisations", new { code = NewCode(), name = "X", kind = "partyCell", level = "commune", parentId = ward, validFrom = "2025-07-01" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        var sibling = await app.ApiClientAsync(ScopeRole.Office, "P-NGOCHA");
        response = await sibling.PostAsJsonAsync("/api/organisations", new { code = NewCode(), name = "X", kind = "partyCell", level = "commune", parentId = ward, validFrom = "2025-07-01" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Move_UnderOwnDescendant_IsRefusedWithClearMessage()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "P-GIANGVO");
        var ward = await app.UnitIdAsync("P-GIANGVO");
        var cell = await CreateAsync(client, NewCode(), ward);
        var sub = await CreateAsync(client, NewCode(), cell.Id);

        var response = await client.PostAsJsonAsync($"/api/organisations/{cell.Id}/move", new { parentId = sub.Id });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("là đơn vị cấp dưới của nó", body.GetProperty("errors").GetProperty("parentId")[0].GetString());
    }

    [Fact]
    public async Task Move_ToAnotherParent_MovesTheWholeSubtree()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var a = await CreateAsync(client, NewCode(), await app.UnitIdAsync("P-LANG"));
        var child = await CreateAsync(client, NewCode(), a.Id);
        var target = await app.UnitIdAsync("P-KIMLIEN");

        var response = await client.PostAsJsonAsync($"/api/organisations/{a.Id}/move", new { parentId = target });
        response.EnsureSuccessStatusCode();

        // A user of the new parent now sees the grandchild; a user of the old parent no longer does.
        var newSide = await app.ApiClientAsync(ScopeRole.Reporter, "P-KIMLIEN");
        Assert.Equal(HttpStatusCode.OK, (await newSide.GetAsync($"/api/organisations/{child.Id}")).StatusCode);
        var oldSide = await app.ApiClientAsync(ScopeRole.Reporter, "P-LANG");
        Assert.Equal(HttpStatusCode.NotFound, (await oldSide.GetAsync($"/api/organisations/{child.Id}")).StatusCode);
    }

    [Fact]
    public async Task Merge_EndsUnitNamesSuccessorAndMovesChildren()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var ward = await app.UnitIdAsync("P-BACHMAI");
        var a = await CreateAsync(client, NewCode(), ward);
        var b = await CreateAsync(client, NewCode(), ward);
        var child = await CreateAsync(client, NewCode(), a.Id);

        var response = await client.PostAsJsonAsync($"/api/organisations/{a.Id}/merge", new { intoId = b.Id, on = "2026-01-31", reason = "Sáp nhập theo Quyết định số 12-QĐ/ĐU" });
        response.EnsureSuccessStatusCode();
        var merged = await client.GetFromJsonAsync<Unit>($"/api/organisations/{a.Id}");
        Assert.Equal(new DateOnly(2026, 1, 31), merged!.ValidTo);
        Assert.Equal(b.Id, merged.SuccessorId);
        Assert.Equal(b.Id, (await client.GetFromJsonAsync<Unit>($"/api/organisations/{child.Id}"))!.ParentId);
    }

    [Fact]
    public async Task Dissolve_WithActiveChildren_IsRefused_ThenAllowedOnceEmpty()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var ward = await app.UnitIdAsync("P-VINHTUY");
        var a = await CreateAsync(client, NewCode(), ward);
        var child = await CreateAsync(client, NewCode(), a.Id);

        var response = await client.PostAsJsonAsync($"/api/organisations/{a.Id}/dissolve", new { on = "2026-02-01", reason = "Giải thể" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("còn 1 đơn vị trực thuộc", await response.Content.ReadAsStringAsync());

        (await client.PostAsJsonAsync($"/api/organisations/{child.Id}/dissolve", new { on = "2026-02-01", reason = "Giải thể" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/organisations/{a.Id}/dissolve", new { on = "2026-02-01", reason = "Giải thể", successorId = ward })).EnsureSuccessStatusCode();
        var ended = await client.GetFromJsonAsync<Unit>($"/api/organisations/{a.Id}");
        Assert.Equal(ward, ended!.SuccessorId);
    }

    [Fact]
    public async Task Get_UnknownId_Answers404()
    {
        var client = await app.ApiClientAsync(ScopeRole.Admin, "TU-HN");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/organisations/{Guid.NewGuid()}")).StatusCode);
    }
}
