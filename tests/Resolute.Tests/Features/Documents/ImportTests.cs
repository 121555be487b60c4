using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Documents;

public class ImportTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    // Party numbers have at most four digits.
    private static int _next = Random.Shared.Next(1000, 5000);

    private static byte[] Workbook(params object?[][] rows)
    {
        string[] columns = ["Số, ký hiệu", "Loại văn bản", "Mã cơ quan ban hành", "Ngày ban hành", "Trích yếu", "Người ký", "Độ mật", "Độ khẩn"];
        var data = rows.Select(r => columns.Select((c, i) => (c, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.c, x => x.v)).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, data);
        return stream.ToArray();
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file)
    {
        var page = await client.GetStringAsync("/Documents/Import");
        var token = ResoluteFactory.AntiforgeryToken(page);
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(file), "file", "so-van-ban.xlsx" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync("/Documents/Import", form);
    }

    private Task<int> CountAsync() => app.WithDbAsync((db, _) => db.Documents.IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task ValidRegister_IsImportedWhole()
    {
        var client = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Office, "TU-HN"));
        var before = await CountAsync();
        var a = Interlocked.Increment(ref _next);
        var b = Interlocked.Increment(ref _next);
        var response = await UploadAsync(client, Workbook(
            [$"{a}-KH/TU", "Kế hoạch", "TU-HN", "05/03/2021", "Kế hoạch nhập từ Excel", "Nguyễn Văn A", "", ""],
            [$"{b}/QĐ-UBND", "QĐ", "UBND-HN", new DateTime(2024, 1, 10), "Quyết định nhập từ Excel", "", "", "Khẩn"]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã nhập 2 văn bản.", await response.Content.ReadAsStringAsync());
        Assert.Equal(before + 2, await CountAsync());
    }

    [Fact]
    public async Task InvalidRows_AreListedByRowAndCell_AndNothingIsImported()
    {
        var client = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Office, "TU-HN"));
        var before = await CountAsync();
        var ok = Interlocked.Add(ref _next, 10);
        var response = await UploadAsync(client, Workbook(
            [$"{ok}-KH/TU", "Kế hoạch", "TU-HN", "05/03/2021", "Dòng đúng", "", "", ""],
            ["không phải số", "Kế hoạch", "TU-HN", "05/03/2021", "Sai số hiệu", "", "", ""],
            [$"{ok + 1}-KH/TU", "Kế hoạch", "KHONG-CO", "05/03/2021", "Sai đơn vị", "", "", ""],
            [$"{ok + 2}-KH/TU", "Kế hoạch", "TU-HN", "31/02/2021", "Sai ngày", "", "", ""],
            [$"{ok}-KH/TU", "Kế hoạch", "TU-HN", "06/03/2021", "Trùng dòng 2", "", "", ""],
            [$"{ok + 3}-KH/TU", "Nghị quyết", "TU-HN", "05/03/2021", "Sai loại", "", "Bí mật", ""]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Chưa nhập văn bản nào", html);
        Assert.Contains("A3", html);
        Assert.Contains("\"không phải số\" không đúng dạng số, ký hiệu.", html);
        Assert.Contains("C4", html);
        Assert.Contains("Không tìm thấy cơ quan ban hành KHONG-CO", html);
        Assert.Contains("D5", html);
        Assert.Contains("đã có trong sổ đăng ký", html);
        Assert.Contains("B7", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Template_HasTheColumns_AndANonExcelFileIsRefusedPolitely()
    {
        var client = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Office, "TU-HN"));
        var template = await client.GetByteArrayAsync("/Documents/Import?handler=Template");
        using var stream = new MemoryStream(template);
        var headers = MiniExcel.GetColumns(stream, useHeaderRow: true).ToList();
        Assert.Equal("Số, ký hiệu", headers[0]);
        Assert.Contains("Ngày ban hành", headers);

        var response = await UploadAsync(client, "not a spreadsheet"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tệp không phải bảng tính Excel", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
