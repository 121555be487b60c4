using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Documents;

/// <summary>Uploads and pasted text that would tie up the server are refused early, with a clear message.</summary>
public class InputLimitsTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    /// <summary>A .docx whose document part unpacks to <paramref name="megabytes"/> MB of text from a few hundred KB.</summary>
    private static byte[] DocxBomb(int megabytes)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                w.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var head = Encoding.UTF8.GetBytes("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>");
            part.Write(head);
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));
            for (var i = 0; i < megabytes; i++) part.Write(chunk);
            part.Write(Encoding.UTF8.GetBytes("</w:t></w:r></w:p></w:body></w:document>"));
        }
        return ms.ToArray();
    }

    private async Task<string> DocumentAsync(HttpClient office)
    {
        var type = await app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(db.DocumentTypes, t => t.Abbreviation == "KH" && t.System == Resolute.Domain.Documents.DocumentSystem.State), t => t.Id)));
        var r = await office.PostAsJsonAsync("/api/documents", new
        {
            symbol = $"{Random.Shared.Next(100, 9999)}/KH-UBND",
            typeId = type,
            issuerCode = "P-HOANKIEM-UBND",
            issuedOn = "2026-02-01",
            summary = "Kế hoạch có tệp đính kèm",
            secrecy = "none",
            urgency = "normal",
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task DocxBomb_IsRefused_WithAClearMessage_AndNothingAttached()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var id = await DocumentAsync(office);
        var bomb = DocxBomb(120);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"{bomb.Length} bytes");
        var form = new MultipartFormDataContent { { new ByteArrayContent(bomb), "file", "bao-cao.docx" } };
        var r = await office.PostAsync($"/api/documents/{id}/attachments", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Contains("giải nén lớn bất thường", await r.Content.ReadAsStringAsync());
        var doc = JsonDocument.Parse(await office.GetStringAsync($"/api/documents/{id}")).RootElement;
        Assert.Equal(0, doc.GetProperty("attachments").GetArrayLength());
    }

    [Fact]
    public async Task LongDocx_KeepsAtMostTheCapOfSearchableText()
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var id = await DocumentAsync(office);
        // 3 MB of text, packed far below the expansion limits' ratio? Text compresses ~1000×: use varied words.
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                w.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using var w2 = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open());
            w2.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            var rng = new Random(7);
            for (var i = 0; i < 60_000; i++) w2.Write($"<w:p><w:r><w:t>đoạn {i} {rng.Next():x8} {rng.Next():x8}</w:t></w:r></w:p>");
            w2.Write("</w:body></w:document>");
        }
        var form = new MultipartFormDataContent { { new ByteArrayContent(ms.ToArray()), "file", "dai.docx" } };
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsync($"/api/documents/{id}/attachments", form)).StatusCode);
        var length = await app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            System.Linq.Queryable.Select(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Documents).Where(d => d.Id == Guid.Parse(id)),
                d => d.AttachmentText!.Length)));
        Assert.InRange(length, Resolute.Domain.Documents.Document.AttachmentTextMaxLength - 1000, Resolute.Domain.Documents.Document.AttachmentTextMaxLength);
    }

    [Fact]
    public async Task ExcelImport_OverTheRowLimit_StopsReadingAndSaysSo()
    {
        var office = await app.SignedInClientAsync("vanphong");
        string[] columns = ["Số, ký hiệu", "Loại văn bản", "Mã cơ quan ban hành", "Ngày ban hành", "Trích yếu"];
        var rows = Enumerable.Range(1, Resolute.Web.Features.Documents.ImportDocuments.MaxRows + 50)
            .Select(i => columns.ToDictionary(c => c, c => (object?)(c == "Trích yếu" ? "Dòng " + i : "x")));
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows);
        var page = await office.GetStringAsync("/Documents/Import");
        var token = ResoluteFactory.AntiforgeryToken(page);
        var form = new MultipartFormDataContent { { new ByteArrayContent(stream.ToArray()), "file", "qua-dai.xlsx" }, { new StringContent(token), "__RequestVerificationToken" } };
        var r = await office.PostAsync("/Documents/Import", form);
        Assert.Contains("tối đa 5.000 dòng", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()).Replace(",", "."));
    }

    [Fact]
    public async Task ReferenceExtraction_OverTheTextCap_Is413_AndThousandsOfReferencesAreOneAnswer()
    {
        var api = await app.ApiClientAsync(ScopeRole.Reporter, "P-HOANKIEM");
        var tooLong = new string('a', Resolute.Web.Features.Documents.DocumentsApi.ExtractMaxChars + 1);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await api.PostAsync("/api/references/extract", new StringContent(tooLong))).StatusCode);

        var text = string.Join(" ", Enumerable.Range(0, 5000).Select(i => i % 2 == 0 ? "Nghị quyết số 15-NQ/TW" : $"Kế hoạch số {i}-KH/TU"));
        var r = await api.PostAsync("/api/references/extract", new StringContent(text));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var refs = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(5000, refs.GetArrayLength());
        var registered = refs.EnumerateArray().First(x => x.GetProperty("symbol").GetString() == "15-NQ/TW").GetProperty("documentId").GetString();
        Assert.NotNull(registered);
        Assert.All(refs.EnumerateArray().Where(x => x.GetProperty("symbol").GetString() == "15-NQ/TW"), x => Assert.Equal(registered, x.GetProperty("documentId").GetString()));
    }

    [Fact]
    public async Task ExcelRows_StopsReadingOneRowPastTheLimit()
    {
        var rows = Enumerable.Range(1, 500).Select(i => new Dictionary<string, object?> { ["A"] = i, ["B"] = "dòng " + i });
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows);
        stream.Position = 0;
        var read = await Resolute.Web.Infrastructure.ExcelRows.ReadAsync(stream, 10, default);
        Assert.Equal(11, read!.Count);
    }

    /// <summary>Counts the commands a context sends.</summary>
    private sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public int Count;

        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task ReferenceMatching_IsOneQuery_HoweverManyReferences()
    {
        _ = app.Services;
        var counter = new CommandCounter();
        var keyring = new Resolute.Web.Data.AuditKeyring(app.AuditKeyFile);
        await using Resolute.Web.Data.ResoluteDbContext db = TestDatabase.IsPostgres
            ? new Resolute.Web.Data.PostgresResoluteDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Resolute.Web.Data.PostgresResoluteDbContext>()
                .UseNpgsql(app.ConnectionString).AddInterceptors(counter).Options, Resolute.Web.Infrastructure.Access.AccessScope.System(), TimeProvider.System, keyring)
            : new Resolute.Web.Data.SqliteResoluteDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Resolute.Web.Data.SqliteResoluteDbContext>()
                .UseSqlite(app.ConnectionString).AddInterceptors(counter).Options, Resolute.Web.Infrastructure.Access.AccessScope.System(), TimeProvider.System, keyring);
        var text = string.Join(" ", Enumerable.Range(1, 800).Select(i => $"Kế hoạch số {i}-KH/TU, Nghị quyết số 15-NQ/TW"));
        var refs = Resolute.Domain.Documents.ReferenceParser.Find(text);
        Assert.Equal(1600, refs.Count);
        var matches = await Resolute.Web.Features.Documents.DocumentQueries.MatchAllAsync(db, refs, default);
        Assert.Equal(1, counter.Count);
        Assert.Contains(matches, m => m is not null);
    }
}
