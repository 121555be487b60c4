using MiniExcelLibs;

namespace Resolute.Web.Infrastructure;

/// <summary>The rows of an uploaded workbook's first sheet, keyed by the header row; blank rows left out.</summary>
public static class ExcelRows
{
    public const string Unreadable = "Tệp không phải bảng tính Excel (.xlsx) đọc được. Hãy dùng tệp mẫu.";

    /// <summary>
    /// The rows, at most <paramref name="maxRows"/> + 1 of them (one more than allowed, so the caller can say the file is
    /// too long without the rest being read: the sheet is streamed), or null when the file is not a workbook MiniExcel
    /// can read.
    /// </summary>
    public static async Task<List<IDictionary<string, object?>>?> ReadAsync(Stream file, int maxRows, CancellationToken ct)
    {
        try
        {
            await using var copy = new MemoryStream();
            await file.CopyToAsync(copy, ct);
            copy.Position = 0;
            // A workbook that unpacks to far more than its size (a zip bomb) is refused before any sheet is read.
            using (var zip = new System.IO.Compression.ZipArchive(copy, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true))
                Infrastructure.Files.FileStore.CheckExpansion(zip);
            copy.Position = 0;
            var sheet = MiniExcel.GetSheetNames(copy).FirstOrDefault();
            copy.Position = 0;
            return MiniExcel.Query(copy, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()
                .Where(r => r.Values.Any(v => v is not null && v.ToString()!.Trim().Length > 0)).Take(maxRows + 1).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }
}
