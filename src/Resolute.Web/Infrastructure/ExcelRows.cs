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

    /// <summary>A refused cell of an import: its row (1 is the header), its column's name, its address ("C5") and why.</summary>
    public sealed record CellError(int Row, string Column, string Cell, string Message);

    /// <summary>The spreadsheet address of a cell: column index 0 and row 5 is "A5"; 26 is "AA".</summary>
    public static string CellName(int index, int row)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name + row;
    }

    /// <summary>
    /// What is wrong with the sheet as a whole, before any row is read: not a workbook, a required column missing, no
    /// rows, more rows than one import takes. Empty when the rows may be read.
    /// </summary>
    public static List<CellError> SheetErrors(List<IDictionary<string, object?>>? rows, IEnumerable<string> required, int maxRows)
    {
        if (rows is null) return [new CellError(0, "", "", Unreadable)];
        var errors = new List<CellError>();
        var header = rows.FirstOrDefault()?.Keys.ToList();
        if (header is not null)
            foreach (var missing in required.Where(c => !header.Contains(c)))
                errors.Add(new CellError(1, missing, "", $"Thiếu cột \"{missing}\". Hãy dùng tệp mẫu."));
        if (rows.Count == 0) errors.Add(new CellError(2, "", "", "Tệp không có dòng dữ liệu nào."));
        if (rows.Count > maxRows) errors.Add(new CellError(0, "", "", $"Tệp có hơn {maxRows:N0} dòng: mỗi lần nhập tối đa {maxRows:N0} dòng, hãy chia thành nhiều tệp."));
        return errors;
    }

    /// <summary>A cell's text as typed (numbers and dates in the invariant culture), trimmed; empty when the cell is.</summary>
    public static string Text(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) && v is not null ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!.Trim() : "";
}
