using System.Diagnostics;

namespace Resolute.Web.Infrastructure.Docx;

/// <summary>Turns a .docx into PDF through LibreOffice, where it is installed (it is optional: the app answers 501 without it).</summary>
public static class LibreOffice
{
    /// <summary>The PDF, or null when LibreOffice is not installed or did not convert the document.</summary>
    public static async Task<byte[]?> ToPdfAsync(byte[] docx, CancellationToken ct)
    {
        var exe = new[] { "/usr/bin/libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);
        if (exe is null) return null;
        var dir = Directory.CreateTempSubdirectory("resolute-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "van-ban.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var psi = new ProcessStartInfo(exe)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = dir.FullName,
            };
            // A profile of its own, so concurrent conversions (and a user's open LibreOffice) do not collide.
            foreach (var a in new[] { $"-env:UserInstallation=file://{dir.FullName}/profile", "--headless", "--convert-to", "pdf", "--outdir", dir.FullName, input })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(120));
            await p.WaitForExitAsync(timeout.Token);
            var pdf = Path.Combine(dir.FullName, "van-ban.pdf");
            return File.Exists(pdf) ? await File.ReadAllBytesAsync(pdf, ct) : null;
        }
        finally
        {
            try { dir.Delete(true); } catch (IOException) { }
        }
    }

    public static bool Available => new[] { "/usr/bin/libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.Any(File.Exists);
}
