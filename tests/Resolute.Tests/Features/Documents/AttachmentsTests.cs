using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Documents;

public class AttachmentsTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    private sealed record Created(Guid Id);
    private sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, string Url);
    private sealed record Row(Guid Id, string Symbol);
    private sealed record Page(int Total, List<Row> Items);

    private static int _next = Random.Shared.Next(5000, 9000);

    private async Task<(HttpClient Client, Guid DocumentId)> NewDocumentAsync(string secrecy = "none")
    {
        var client = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var type = await app.WithDbAsync((db, _) => db.DocumentTypes.Where(t => t.System == Resolute.Domain.Documents.DocumentSystem.State && t.Abbreviation == "BC").Select(t => t.Id).FirstAsync());
        var response = await client.PostAsJsonAsync("/api/documents", new
        {
            symbol = $"{Interlocked.Increment(ref _next)}/BC-UBND",
            typeId = type,
            issuerCode = "UBND-HN",
            issuedOn = "2025-06-01",
            summary = "Báo cáo kèm tệp",
            secrecy,
            needToKnow = Array.Empty<string>(),
        });
        response.EnsureSuccessStatusCode();
        return (client, (await response.Content.ReadFromJsonAsync<Created>())!.Id);
    }

    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }
        return stream.ToArray();
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", name);
        return form;
    }

    [Fact]
    public async Task Docx_IsStoredByHash_ItsTextBecomesSearchable_AndDownloadsIntact()
    {
        var (client, id) = await NewDocumentAsync();
        var bytes = Docx("Kết quả thí điểm chuyển đổi số ở phường Láng và phường Ô Chợ Dừa, mã kiểm thử XK" + id.ToString("N")[..6]);
        var response = await client.PostAsync($"/api/documents/{id}/attachments", Upload(bytes, "bao-cao.docx"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var a = (await response.Content.ReadFromJsonAsync<AttachmentDto>())!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), a.Sha256);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", a.ContentType);
        Assert.True(File.Exists(Path.Combine(app.AttachmentsPath, a.Sha256[..2], a.Sha256)));

        var page = await client.GetFromJsonAsync<Page>($"/api/documents?q={Uri.EscapeDataString("xk" + id.ToString("N")[..6] + " cho dua")}");
        Assert.Contains(page!.Items, r => r.Id == id);
        Assert.Equal(bytes, await client.GetByteArrayAsync(a.Url));
    }

    [Fact]
    public async Task FileNamedPdf_ThatIsNot_IsRefusedByContent()
    {
        var (client, id) = await NewDocumentAsync();
        var response = await client.PostAsync($"/api/documents/{id}/attachments", Upload("just text, not a PDF"u8.ToArray(), "bao-cao.pdf"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("nhận biết theo nội dung", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TooLarge_IsRefusedWith413_AndNothingIsKept()
    {
        var (client, id) = await NewDocumentAsync();
        var big = new byte[3 * 1024 * 1024];
        "%PDF-"u8.CopyTo(big);
        var response = await client.PostAsync($"/api/documents/{id}/attachments", Upload(big, "lon.pdf"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Directory.Exists(app.AttachmentsPath) ? Directory.GetFiles(app.AttachmentsPath, ".upload-*") : []);
    }

    [Fact]
    public async Task SecretDocument_AcceptsNoAttachment()
    {
        var (client, id) = await NewDocumentAsync("confidential");
        var response = await client.PostAsync($"/api/documents/{id}/attachments", Upload(Docx("mật"), "mat.docx"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Văn bản mật không được đính kèm tệp", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pdf_TextIsExtracted()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var marker = "pdfmarker" + Random.Shared.Next(100000, 999999);
        page.AddText($"Bao cao tong ket {marker}", 12, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);
        var (client, id) = await NewDocumentAsync();
        var response = await client.PostAsync($"/api/documents/{id}/attachments", Upload(builder.Build(), "bao-cao.pdf"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var found = await client.GetFromJsonAsync<Page>($"/api/documents?q={marker}");
        Assert.Contains(found!.Items, r => r.Id == id);
    }
}
