using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;
using static Resolute.Tests.Features.Assignments.AssignmentTestData;

namespace Resolute.Tests.Features.Assignments;

public class LetterCalendarExcelTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    [Fact]
    public async Task ReminderLetter_IsAnOfficialDocx_AndSendingRegistersIt()
    {
        // The demo leaves several wards with overdue tasks from the city; Thượng Cát is one of them.
        var overdueWard = await app.WithDbAsync(async (db, _) =>
        {
            var today = db.Today;
            var city = await db.Organisations.IgnoreQueryFilters().Where(o => o.Code == "TU-HN").Select(o => o.Id).SingleAsync();
            var lead = await db.Assignments.IgnoreQueryFilters()
                .Where(a => a.AssignerId == city && a.CompletedOn == null && a.State == Resolute.Domain.Assignments.AssignmentState.Assigned && a.DueOn < today && a.LeadId != city)
                .Select(a => a.LeadId).FirstAsync();
            return await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == lead).Select(o => o.Code).SingleAsync();
        });
        var office = await app.SignedInClientAsync("vanphong");
        var page = await office.GetStringAsync($"/Assignments/Letter?unit={overdueWard}");
        Assert.Contains("V/v đôn đốc thực hiện nhiệm vụ quá hạn", page);

        var docx = await office.GetAsync($"/Assignments/Letter?handler=Docx&unit={overdueWard}");
        var today = await app.WithDbAsync((db, _) => Task.FromResult(db.Today));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
            Assert.Contains("THÀNH ỦY HÀ NỘI", text);
            Assert.Matches(@"Số \d+-CV/TU", text);
            // RULES.md §4: a leading zero for days below 10 and for January and February only.
            Assert.Contains("Hà Nội, " + Resolute.Domain.Documents.OfficialHeader.WrittenDate(today), text);
            Assert.DoesNotContain("ĐẢNG BỘ THÀNH ỦY", text);
            Assert.Contains("Kính gửi: Đảng ủy phường", text);
            Assert.Contains("Số ngày quá hạn", text);
            Assert.Contains("T/L BAN THƯỜNG VỤ", text);
            Assert.Contains("Nơi nhận:", text);
            var font = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
            Assert.Equal("Times New Roman", font.RunFonts!.Ascii!.Value);
            Assert.Equal("28", font.FontSize!.Val!.Value);
        }

        var sent = await ResoluteFactory.PostFormAsync(office, $"/Assignments/Letter?unit={overdueWard}", []);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var documentUrl = sent.Headers.Location!.ToString();
        var id = documentUrl.Split('/').Last();
        var api = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var registered = JsonDocument.Parse(await api.GetStringAsync($"/api/documents/{id}")).RootElement;
        Assert.Matches(@"^\d+-CV/TU$", registered.GetProperty("symbol").GetString());
        Assert.Equal(1, registered.GetProperty("attachments").GetArrayLength());
        Assert.EndsWith(".docx", registered.GetProperty("attachments")[0].GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task CalendarFeed_ListsTheUsersDeadlines_WithoutSecretTasks()
    {
        var user = await app.CreateUserAsync(ScopeRole.Office, "TU-HN");
        var client = await app.SignedInClientAsync(user);
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var body = await CompleteAsync(app, "TU-HN", "P-PHUTHUONG", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)), "Nhiệm vụ có trong lịch; dấu phẩy, chấm phẩy");
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync("/api/assignments", body)).StatusCode);

        var profile = await ResoluteFactory.PostFormAsync(client, "/Account/Profile?handler=Calendar", [], "/Account/Profile");
        var html = await profile.Content.ReadAsStringAsync();
        var url = System.Text.RegularExpressions.Regex.Match(html, @"http://[^<""]+/calendar/[0-9a-f]+\.ics").Value;
        Assert.NotEmpty(url);
        var anonymous = app.CreateClient();
        var feed = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.Contains("SUMMARY:Hạn: Nhiệm vụ có trong lịch\\; dấu phẩy\\, chấm phẩy", ics.Replace("\r\n ", ""));
        Assert.DoesNotContain("quy hoạch cán bộ", ics.Replace("\r\n ", "")); // the demo's secret task
        // The office's committee's meetings stand beside the deadlines (the demo's standing committee met in November).
        Assert.Matches(@"SUMMARY:Phiên họp Ban Thường vụ lần thứ \d+\r\nDESCRIPTION:Thành ủy Hà Nội", ics.Replace("\r\n ", ""));
        Assert.Contains("DURATION:PT3H", ics);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/0000.ics")).StatusCode);
    }

    [Fact]
    public async Task ControlCharacters_AreStrippedOnInput_AndNeverReachTheCalendarFeed()
    {
        var user = await app.CreateUserAsync(ScopeRole.Office, "TU-HN");
        var client = await app.SignedInClientAsync(user);
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var marker = Guid.NewGuid().ToString("N")[..6];
        var body = await CompleteAsync(app, "TU-HN", "P-PHUTHUONG", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(25)), $"Lịch {marker}\u0000 có\rEND:VEVENT\r\nBEGIN:VEVENT");
        var created = await office.PostAsJsonAsync("/api/assignments", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var title = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString()!;
        Assert.DoesNotContain('\0', title);
        Assert.DoesNotContain('\r', title);

        // A title stored before input was cleaned (written straight to the database) is escaped in the feed all the same.
        var id = Guid.Parse(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        await app.WithDbAsync((db, _) => db.Database.ExecuteSqlRawAsync("UPDATE assignments SET \"Title\" = {0} WHERE \"Id\" = {1}",
            $"Cũ {marker}\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:giả mạo", id));
        var profile = await ResoluteFactory.PostFormAsync(client, "/Account/Profile?handler=Calendar", [], "/Account/Profile");
        var url = System.Text.RegularExpressions.Regex.Match(await profile.Content.ReadAsStringAsync(), @"http://[^<""]+/calendar/[0-9a-f]+\.ics").Value;
        var ics = await app.CreateClient().GetStringAsync(new Uri(url).PathAndQuery);
        Assert.DoesNotContain("\rEND:VEVENT\r", ics);
        Assert.Equal(ics.Split("BEGIN:VEVENT").Length - 1, ics.Split("END:VEVENT").Length - 1);
        Assert.Contains($"Cũ {marker}\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:giả mạo", ics.Replace("\r\n ", ""));
        Assert.DoesNotContain(ics.Replace("\r\n", ""), c => c == '\r');
    }

    [Fact]
    public async Task ExcelImport_IsAllOrNothing_WithVietnameseErrorsByCell_AndExportHasTheSameShape()
    {
        var office = await app.SignedInClientAsync("vanphong");
        var deadline = DateTime.UtcNow.AddDays(45).ToString("dd/MM/yyyy");
        var good = new Dictionary<string, object?>
        {
            ["Tên nhiệm vụ"] = "Tổ chức hội nghị chuyên đề về đổi mới phương thức lãnh đạo",
            ["Nội dung"] = "Hội nghị cấp phường",
            ["Văn bản giao (số, ký hiệu)"] = "10-CTr/TU",
            ["Điều, khoản, mục"] = null,
            ["Nguồn giao khác (kết luận, cuộc họp)"] = null,
            ["Đơn vị giao (mã)"] = "TU-HN",
            ["Đơn vị chủ trì (mã)"] = "P-TAYTUU",
            ["Lãnh đạo chịu trách nhiệm (họ tên)"] = null,
            ["Đơn vị phối hợp (mã, cách nhau dấu phẩy)"] = "P-TAYTUU-MTTQ",
            ["Đơn vị theo dõi (mã)"] = "TU-HN",
            ["Thời hạn"] = deadline,
            ["Chu kỳ báo cáo"] = null,
            ["Sản phẩm"] = "Báo cáo kết quả hội nghị",
            ["Chỉ tiêu"] = "Hội nghị được tổ chức",
            ["Đơn vị tính"] = "hội nghị",
            ["Mục tiêu"] = 1,
            ["Giao ngay"] = "Có",
        };
        var bad = new Dictionary<string, object?>(good) { ["Đơn vị chủ trì (mã)"] = "P-KHONGCO", ["Thời hạn"] = "31/02/2027" };
        var bad2 = new Dictionary<string, object?>(good) { ["Đơn vị chủ trì (mã)"] = "P-KHONGCO" };
        async Task<HttpResponseMessage> Upload(params Dictionary<string, object?>[] rows)
        {
            var stream = new MemoryStream();
            MiniExcel.SaveAs(stream, rows);
            var page = await office.GetStringAsync("/Assignments/Import");
            var token = ResoluteFactory.AntiforgeryToken(page);
            var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(stream.ToArray()), "file", "nhiem-vu.xlsx" } };
            return await office.PostAsync("/Assignments/Import", form);
        }
        var before = await app.WithDbAsync((db, _) => db.Assignments.IgnoreQueryFilters().CountAsync());
        var refused = await Upload(good, bad, bad2);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Thời hạn phải có dạng dd/mm/yyyy.", html);
        Assert.Contains("Không tìm thấy đơn vị chủ trì P-KHONGCO", html);
        Assert.Contains(">G4<", html); // the lead unit's cell on the third data row
        Assert.Equal(before, await app.WithDbAsync((db, _) => db.Assignments.IgnoreQueryFilters().CountAsync()));

        var ok = await Upload(good);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("Đã nhập 1 nhiệm vụ, trong đó đã giao 1", WebUtility.HtmlDecode(await ok.Content.ReadAsStringAsync()));

        var export = await office.GetAsync($"/Assignments?handler=Export&unit=P-TAYTUU&q={Uri.EscapeDataString("hoi nghi chuyen de")}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("Tổ chức hội nghị chuyên đề về đổi mới phương thức lãnh đạo", row["Tên nhiệm vụ"]);
        Assert.Equal("P-TAYTUU", row["Đơn vị chủ trì (mã)"]);
        Assert.Equal("Đang thực hiện, trong hạn", row["Tình trạng"]);
        Assert.Equal("P-TAYTUU-MTTQ", row["Đơn vị phối hợp (mã, cách nhau dấu phẩy)"]);
    }
}
