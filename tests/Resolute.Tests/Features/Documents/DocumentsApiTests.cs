using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Documents;

public class DocumentsApiTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    private sealed record Row(Guid Id, string Symbol, string? Summary, string Secrecy, string IssuerName);
    private sealed record Page(int Total, List<Row> Items, int HiddenSecret);
    private sealed record Relation(Guid DocumentId, string Symbol, string Kind);
    private sealed record Doc(Guid Id, string Symbol, string? Summary, string? FullText, List<Relation> Implements, List<Relation> ImplementedBy);
    private sealed record Reference(string Raw, int Start, int Length, string System, string? Type, string? Abbr, string Number, string Symbol,
        string Issuer, int? Year, string? Date, Guid? DocumentId);

    private Task<Guid> TypeAsync(string system, string abbr, string? name = null) => app.WithDbAsync((db, _) =>
        db.DocumentTypes.Where(t => t.System.ToString() == system && t.Abbreviation == abbr && (name == null || t.Name == name)).Select(t => t.Id).FirstAsync());

    // Document numbers are at most four digits (Party) or five (state); a counter keeps them unique within a run.
    private static int _next = Random.Shared.Next(1000, 5000);
    private static string N() => Interlocked.Increment(ref _next).ToString();

    [Theory]
    [InlineData("dang", "Đảng")]
    [InlineData("nghi quyet", "Nghị quyết")]
    [InlineData("hoan kiem", "Hoàn Kiếm")]
    [InlineData("phuong thuc lanh dao", "phương thức lãnh đạo")]
    public async Task Search_WithoutDiacritics_FindsVietnameseText(string query, string expected)
    {
        var client = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var page = await client.GetFromJsonAsync<Page>($"/api/documents?q={Uri.EscapeDataString(query)}&pageSize=50");
        Assert.True(page!.Total > 0);
        Assert.Contains(page.Items, r => (r.Summary ?? "").Contains(expected, StringComparison.OrdinalIgnoreCase) || r.IssuerName.Contains(expected));
    }

    [Theory]
    [InlineData("\"đường* OR (")]
    [InlineData("NEAR(a b) AND -x")]
    [InlineData("'; DROP TABLE documents; --")]
    [InlineData("&|!:*()")]
    public async Task Search_QuerySyntaxInInput_NeverBreaksTheQuery(string query)
    {
        var client = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var response = await client.GetAsync($"/api/documents?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Search_ASymbolTypedWithTU_FindsTheRegisteredTW()
    {
        var client = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var page = await client.GetFromJsonAsync<Page>($"/api/documents?q={Uri.EscapeDataString("15-NQ/TƯ")}");
        Assert.Equal("15-NQ/TW", page!.Items[0].Symbol);
    }

    [Fact]
    public async Task Search_FindsWordsInTheFullText()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var type = await TypeAsync("State", "TB");
        (await client.PostAsJsonAsync("/api/documents", new
        {
            symbol = $"{N()}/TB-UBND",
            typeId = type,
            issuerCode = "UBND-HN",
            issuedOn = "2025-03-02",
            summary = "Thông báo kết quả",
            fullText = "Kết quả kiểm tra công tác chuyển đổi số ở phường Ô Chợ Dừa"
        })).EnsureSuccessStatusCode();
        var page = await client.GetFromJsonAsync<Page>($"/api/documents?q={Uri.EscapeDataString("chuyen doi so o cho dua")}");
        Assert.Contains(page!.Items, r => r.Summary == "Thông báo kết quả");
    }

    [Fact]
    public async Task Filter_BySubtreeAndPeriod_AndSortInVietnameseOrder()
    {
        var client = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var ward = await app.UnitIdAsync("P-HOANKIEM");
        var page = await client.GetFromJsonAsync<Page>($"/api/documents?subtree={ward}&pageSize=100");
        Assert.True(page!.Total >= 1);
        Assert.All(page.Items, r => Assert.Equal("Đảng ủy phường Hoàn Kiếm", r.IssuerName));

        var period = await client.GetFromJsonAsync<Page>("/api/documents?from=2007-07-01&to=2007-12-31&pageSize=100");
        Assert.Contains(period!.Items, r => r.Symbol == "15-NQ/TW");
        Assert.DoesNotContain(period.Items, r => r.Symbol == "10-CTr/TU");

        var sorted = await client.GetFromJsonAsync<Page>("/api/documents?q=TU&sort=alphabetical&status=inForce&pageSize=200");
        var summaries = sorted!.Items.Select(r => r.Summary ?? "").ToList();
        Assert.Equal(summaries.OrderBy(x => x, Resolute.Domain.Text.VietnameseText.Comparer).ToList(), summaries);
    }

    [Fact]
    public async Task Search_ExactDiacriticsRankFirst()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var type = await TypeAsync("State", "KH");
        foreach (var summary in new[] { "Kế hoạch về dương cầm", "Kế hoạch về đường giao thông", "Kế hoạch về đương nhiệm" })
            (await client.PostAsJsonAsync("/api/documents", new { symbol = $"{N()}/KH-UBND", typeId = type, issuerCode = "UBND-HN", issuedOn = "2025-01-02", summary }))
                .EnsureSuccessStatusCode();
        var page = await client.GetFromJsonAsync<Page>($"/api/documents?q={Uri.EscapeDataString("đường")}&pageSize=10");
        Assert.Equal("Kế hoạch về đường giao thông", page!.Items[0].Summary);
        Assert.True(page.Items.Count(r => r.Summary!.StartsWith("Kế hoạch về d") || r.Summary.StartsWith("Kế hoạch về đ")) >= 3);
    }

    [Fact]
    public async Task Lineage_TheCityProgrammeIsImplementedByOverFiveHundredDocuments()
    {
        var client = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var page = await client.GetFromJsonAsync<Page>("/api/documents?q=10-CTr%2FTU");
        var programme = page!.Items.First(r => r.Symbol == "10-CTr/TU");
        var doc = await client.GetFromJsonAsync<Doc>($"/api/documents/{programme.Id}");
        Assert.Contains(doc!.Implements, r => r.Symbol == "15-NQ/TW");
        Assert.True(doc.ImplementedBy.Count >= 500, $"{doc.ImplementedBy.Count} documents implement the programme");
    }

    [Fact]
    public async Task Secret_IsHiddenFromThoseNotOnTheList_ButCounted()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var page = await office.GetFromJsonAsync<Page>("/api/documents?pageSize=200&q=TU");
        Assert.DoesNotContain(page!.Items, r => r.Symbol == "88-CV/TU");
        Assert.True(page.HiddenSecret >= 2);

        var leader = app.CreateClient();
        leader.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync("lanhdao"));
        var cleared = await leader.GetFromJsonAsync<Page>("/api/documents?pageSize=200&q=TU");
        Assert.Contains(cleared!.Items, r => r.Symbol == "88-CV/TU" && r.Secrecy == "secret");
        var topSecret = cleared.Items.Single(r => r.Symbol == "301-BC/TU");
        Assert.Null(topSecret.Summary);
    }

    [Fact]
    public async Task Register_SecretWithContent_OrTopSecretWithSummary_IsRefused()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var type = await TypeAsync("Party", "CV");
        var response = await client.PostAsJsonAsync("/api/documents", new { symbol = $"{N()}-CV/TU", typeId = type, issuerCode = "TU-HN", issuedOn = "2025-12-01", summary = "Về việc X", secrecy = "secret", fullText = "Nội dung mật" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không được lưu nội dung", await response.Content.ReadAsStringAsync());

        response = await client.PostAsJsonAsync("/api/documents", new { symbol = $"{N()}-CV/TU", typeId = type, issuerCode = "TU-HN", issuedOn = "2025-12-01", summary = "Về việc Y", secrecy = "topSecret" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tuyệt mật không được ghi trích yếu", await response.Content.ReadAsStringAsync());

        response = await client.PostAsJsonAsync("/api/documents", new { symbol = $"{N()}-CV/TU", typeId = type, issuerCode = "TU-HN", issuedOn = "2025-12-01", secrecy = "topSecret", needToKnow = new[] { "lanhdao" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Register_Duplicate_NamesTheExistingRecord_AndTypeMismatchIsRefused()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var kh = await TypeAsync("Party", "KH");
        var response = await client.PostAsJsonAsync("/api/documents", new { symbol = "120-KH/TU", typeId = kh, issuerCode = "TU-HN", issuedOn = "2022-03-01", summary = "Trùng" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Văn bản số 120-KH/TU ngày 12/01/2022 của Thành ủy Hà Nội đã có trong sổ đăng ký.", await response.Content.ReadAsStringAsync());

        var nq = await TypeAsync("Party", "NQ");
        response = await client.PostAsJsonAsync("/api/documents", new { symbol = $"{N()}-KH/TU", typeId = nq, issuerCode = "TU-HN", issuedOn = "2025-12-01", summary = "Sai loại" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không khớp loại văn bản Nghị quyết", await response.Content.ReadAsStringAsync());

        response = await client.PostAsJsonAsync("/api/documents", new { symbol = "không phải số hiệu", typeId = nq, issuerCode = "TU-HN", issuedOn = "2025-12-01", summary = "x" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("không đúng dạng", body.GetProperty("errors").GetProperty("symbol")[0].GetString());
    }

    [Fact]
    public async Task Register_PartyDocument_GetsTheIssuersTerm_AndWardCannotRegisterForSibling()
    {
        var ward = await app.ApiClientAsync(ScopeRole.Office, "P-HOANKIEM");
        var kh = await TypeAsync("Party", "KH");
        var response = await ward.PostAsJsonAsync("/api/documents", new { symbol = $"{N()}-KH/ĐU", typeId = kh, issuerCode = "P-HOANKIEM", issuedOn = "2025-10-01", summary = "Kế hoạch của phường" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        response = await ward.PostAsJsonAsync("/api/documents", new { symbol = $"{N()}-KH/ĐU", typeId = kh, issuerCode = "P-CUANAM", issuedOn = "2025-10-01", summary = "Kế hoạch của phường khác" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Không tìm thấy cơ quan ban hành P-CUANAM trong phạm vi của bạn.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Extract_FindsReferencesInOrder_WithRegisteredDocuments()
    {
        var client = await app.ApiClientAsync(ScopeRole.Reporter, "P-HOANKIEM");
        var text = "Thực hiện Nghị quyết số 15-NQ/TƯ ngày 30/7/2007 của BCH Trung ương và Chương trình số 10-CTr/TU ngày 5 tháng 2 năm 2008 của Thành ủy; giai đoạn 2020-2025, đạt 95%.";
        var response = await client.PostAsync("/api/references/extract", new StringContent(text));
        response.EnsureSuccessStatusCode();
        var refs = (await response.Content.ReadFromJsonAsync<List<Reference>>())!;
        Assert.Equal(2, refs.Count);
        Assert.Equal("15-NQ/TƯ", refs[0].Raw);
        Assert.Equal(text.IndexOf("15-NQ/TƯ", StringComparison.Ordinal), refs[0].Start);
        Assert.Equal(("party", "nghị quyết", "NQ", "15", "15-NQ/TW", "TW", "2007-07-30"), (refs[0].System, refs[0].Type, refs[0].Abbr, refs[0].Number, refs[0].Symbol, refs[0].Issuer, refs[0].Date));
        Assert.NotNull(refs[0].DocumentId);
        Assert.Equal("2008-02-05", refs[1].Date);
        Assert.NotNull(refs[1].DocumentId);
    }

    [Fact]
    public async Task Link_OfferedFromCitations_AppearsBothWays()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var kh = await TypeAsync("Party", "KH");
        var n = N();
        var created = await client.PostAsJsonAsync("/api/documents", new { symbol = $"{n}-KH/TU", typeId = kh, issuerCode = "TU-HN", issuedOn = "2025-12-02", summary = "Kế hoạch thực hiện Nghị quyết số 15-NQ/TW ngày 30/7/2007" });
        var doc = (await created.Content.ReadFromJsonAsync<Doc>())!;
        var target = (await client.GetFromJsonAsync<Page>("/api/documents?q=15-NQ%2FTW"))!.Items.First(r => r.Symbol == "15-NQ/TW");
        (await client.PostAsJsonAsync($"/api/documents/{doc.Id}/relations", new { toId = target.Id, kind = "implements" })).EnsureSuccessStatusCode();
        var again = await client.PostAsJsonAsync($"/api/documents/{doc.Id}/relations", new { toId = target.Id, kind = "implements" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var up = await client.GetFromJsonAsync<Doc>($"/api/documents/{target.Id}");
        Assert.Contains(up!.ImplementedBy, r => r.DocumentId == doc.Id);
    }
}

public class LineageTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    private sealed record Count(string Key, int Value);
    private sealed record Node(Guid Id, Guid? ParentId, int Depth, string Symbol, string IssuerLevel);
    private sealed record Result(Node Root, List<Node> Descendants, List<Count> ByType, List<Count> ByLevel, List<Count> ByYear);
    private sealed record Row(Guid Id, string Symbol);
    private sealed record Page(List<Row> Items);

    private async Task<Guid> ResolutionAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Page>("/api/documents?q=15-NQ%2FTW"))!.Items.First(r => r.Symbol == "15-NQ/TW").Id;

    [Fact]
    public async Task Resolution15_HasOverFiveHundredImplementingDocuments_ByLevelAndYear()
    {
        var client = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var r = (await client.GetFromJsonAsync<Result>($"/api/documents/{await ResolutionAsync(client)}/lineage"))!;
        Assert.True(r.Descendants.Count > 500, $"{r.Descendants.Count}");
        Assert.Contains(r.ByLevel, c => c.Key == "province" || c.Key == "Province");
        Assert.True(r.ByLevel.Single(c => c.Key.Equals("district", StringComparison.OrdinalIgnoreCase)).Value >= 500);
        Assert.Contains(r.ByYear, c => c.Key == "2008");
        Assert.All(r.Descendants, n => Assert.True(n.Depth >= 1));
    }

    [Fact]
    public async Task Lineage_OfAWardUser_ShowsOnlyWhatTheyMaySee()
    {
        var ward = await app.ApiClientAsync(ScopeRole.Reporter, "P-HOANKIEM");
        var r = (await ward.GetFromJsonAsync<Result>($"/api/documents/{await ResolutionAsync(ward)}/lineage"))!;
        // The ward sees the Central resolution and the city's documents sent down, its own plan, and no other ward's.
        Assert.DoesNotContain(r.Descendants, n => n.IssuerLevel.Equals("district", StringComparison.OrdinalIgnoreCase));
        Assert.True(r.Descendants.Count(n => n.IssuerLevel.Equals("commune", StringComparison.OrdinalIgnoreCase)) <= 1);
    }

    [Fact]
    public async Task Lineage_ExportsToExcel()
    {
        var client = await app.SignedInClientAsync("lanhdao");
        var api = await app.ApiClientAsync(ScopeRole.Leader, "TU-HN");
        var id = await ResolutionAsync(api);
        var response = await client.GetAsync($"/Documents/Lineage/{id}?handler=Excel");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(stream);
        Assert.Equal(["Văn bản", "Theo loại", "Theo cấp", "Theo năm"], sheets);
        stream.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Văn bản").ToList();
        Assert.True(rows.Count > 500);
        Assert.Contains(rows, r => (string)((IDictionary<string, object>)r)["Số, ký hiệu"] == "10-CTr/TU");
    }
}

public class DocumentStatusTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    private sealed record Created(Guid Id, string Status);

    [Fact]
    public async Task Replaces_MarksTheOlderDocumentReplaced()
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var qc = await app.WithDbAsync((db, _) => db.DocumentTypes.Where(t => t.System == Resolute.Domain.Documents.DocumentSystem.Party && t.Abbreviation == "QC").Select(t => t.Id).FirstAsync());
        var n = Random.Shared.Next(1000, 4000);
        var older = (await (await client.PostAsJsonAsync("/api/documents", new { symbol = $"{n}-QC/TU", typeId = qc, issuerCode = "TU-HN", issuedOn = "2021-01-05", summary = "Quy chế cũ" })).Content.ReadFromJsonAsync<Created>())!;
        var newer = (await (await client.PostAsJsonAsync("/api/documents", new { symbol = $"{n + 1}-QC/TU", typeId = qc, issuerCode = "TU-HN", issuedOn = "2021-06-05", summary = "Quy chế mới" })).Content.ReadFromJsonAsync<Created>())!;
        Assert.Equal("inForce", older.Status);
        (await client.PostAsJsonAsync($"/api/documents/{newer.Id}/relations", new { toId = older.Id, kind = "replaces" })).EnsureSuccessStatusCode();
        Assert.Equal("replaced", (await client.GetFromJsonAsync<Created>($"/api/documents/{older.Id}"))!.Status);
    }
}
