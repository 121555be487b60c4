using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using Resolute.Web.Infrastructure.Docx;
using UglyToad.PdfPig;

namespace Resolute.Tests.Infrastructure.Docx;

/// <summary>A generated .docx as an office reads it: its paragraphs' text, and the text of the PDF LibreOffice renders from it.</summary>
public static class Rendered
{
    public static string DocxText(byte[] docx)
    {
        using var w = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", w.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>
    /// The PDF's words, or null without LibreOffice (CI installs it; a test asserts it rendered when installed). With
    /// RESOLUTE_WRITE_IMAGES=1 the first page is written to docs/images/<paramref name="name"/>.png.
    /// </summary>
    public static async Task<string?> PdfTextAsync(byte[] docx, string name)
    {
        var pdf = await LibreOffice.ToPdfAsync(docx, default);
        Assert.True(pdf is not null || !LibreOffice.Available, $"LibreOffice is installed but did not render {name}");
        if (pdf is null) return null;
        if (Environment.GetEnvironmentVariable("RESOLUTE_WRITE_IMAGES") == "1" && File.Exists("/usr/bin/pdftoppm"))
        {
            var pdfPath = Path.Combine(Path.GetTempPath(), name + ".pdf");
            await File.WriteAllBytesAsync(pdfPath, pdf);
            using var p = Process.Start("/usr/bin/pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdfPath, Path.Combine(Repository.Root, "docs", "images", name)]);
            await p.WaitForExitAsync();
        }
        using var read = PdfDocument.Open(pdf);
        return string.Join("\n", read.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
