using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using CellError = Resolute.Web.Infrastructure.ExcelRows.CellError;

namespace Resolute.Web.Features.Documents;

/// <summary>
/// Imports an Excel register of documents (the downloadable template's columns). Every row is checked with the same
/// rules as the form; errors are listed by row and cell in Vietnamese; nothing is imported unless every row is valid.
/// </summary>
public static class ImportDocuments
{
    public static readonly string[] Columns =
        ["Số, ký hiệu", "Loại văn bản", "Mã cơ quan ban hành", "Ngày ban hành", "Trích yếu", "Người ký", "Độ mật", "Độ khẩn"];

    public const int MaxRows = 5_000;


    public sealed record Outcome(int Imported, List<CellError> Errors);

    public static byte[] Template()
    {
        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object>
        {
            ["Văn bản"] = new[] { Columns.ToDictionary(c => c, _ => (object?)null) },
            ["Hướng dẫn"] = new[]
            {
                new Dictionary<string, object?> { ["Cột"] = "Số, ký hiệu", ["Cách ghi"] = "Như trên văn bản: 120-KH/TU, 30/2020/NĐ-CP, 15/QĐ-UBND" },
                new Dictionary<string, object?> { ["Cột"] = "Loại văn bản", ["Cách ghi"] = "Tên hoặc viết tắt: Kế hoạch hoặc KH; Nghị quyết hoặc NQ" },
                new Dictionary<string, object?> { ["Cột"] = "Mã cơ quan ban hành", ["Cách ghi"] = "Mã đơn vị trong hệ thống: TU-HN, P-HOANKIEM, TW" },
                new Dictionary<string, object?> { ["Cột"] = "Ngày ban hành", ["Cách ghi"] = "Ngày dạng dd/mm/yyyy, ví dụ 05/03/2021" },
                new Dictionary<string, object?> { ["Cột"] = "Trích yếu", ["Cách ghi"] = "Bắt buộc, trừ văn bản Tuyệt mật (không ghi)" },
                new Dictionary<string, object?> { ["Cột"] = "Độ mật", ["Cách ghi"] = "Để trống, hoặc Mật, Tối mật, Tuyệt mật (chỉ đăng ký số, ký hiệu)" },
                new Dictionary<string, object?> { ["Cột"] = "Độ khẩn", ["Cách ghi"] = "Để trống, hoặc Khẩn, Thượng khẩn, Hỏa tốc" },
            },
        };
        MiniExcel.SaveAs(stream, sheets);
        return stream.ToArray();
    }

    public static async Task<Outcome> HandleAsync(ResoluteDbContext db, UserManager<User> users, Stream file, CancellationToken ct)
    {
        if (!db.Scope.HasAny(Permission.RegisterDocuments))
            throw new ForbiddenException("Chỉ văn phòng và quản trị hệ thống được nhập sổ văn bản.");
        var rows = await ExcelRows.ReadAsync(file, MaxRows, ct);
        var errors = ExcelRows.SheetErrors(rows, Columns.Take(5), MaxRows);
        if (errors.Count > 0) return new Outcome(0, errors);
        var header = rows![0].Keys.ToList();

        var types = await db.DocumentTypes.AsNoTracking().ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var excelRow = i + 2;
            string Text(string column) => ExcelRows.Text(row, column);
            void Error(string column, string message)
            {
                var index = header.IndexOf(column);
                errors.Add(new CellError(excelRow, column, index >= 0 ? ExcelRows.CellName(index, excelRow) : "", message));
            }

            var symbol = Text(Columns[0]);
            var parsed = ReferenceParser.Parse(symbol);
            if (parsed is null) { Error(Columns[0], symbol.Length == 0 ? "Số, ký hiệu không được để trống." : $"\"{symbol}\" không đúng dạng số, ký hiệu."); continue; }
            var typeText = Text(Columns[1]);
            var type = types.FirstOrDefault(t => t.System == parsed.System && (string.Equals(t.Name, typeText, StringComparison.OrdinalIgnoreCase)
                || (t.Abbreviation.Length > 0 && string.Equals(t.Abbreviation, typeText, StringComparison.OrdinalIgnoreCase)))
                && (parsed.Abbreviation is null || string.Equals(t.Abbreviation, parsed.Abbreviation, StringComparison.OrdinalIgnoreCase)));
            if (type is null) { Error(Columns[1], $"Loại văn bản \"{typeText}\" không có hoặc không khớp số, ký hiệu {parsed.Symbol}."); continue; }
            if (!TryDate(row.TryGetValue(Columns[3], out var d) ? d : null, out var issuedOn)) { Error(Columns[3], "Ngày ban hành phải có dạng dd/mm/yyyy."); continue; }
            if (!TryLevel(Text(Columns[6]), out Secrecy secrecy)) { Error(Columns[6], "Độ mật chỉ được để trống hoặc ghi Mật, Tối mật, Tuyệt mật."); continue; }
            if (!TryLevel(Text(Columns[7]), out Urgency urgency)) { Error(Columns[7], "Độ khẩn chỉ được để trống hoặc ghi Khẩn, Thượng khẩn, Hỏa tốc."); continue; }
            try
            {
                await new RegisterDocument(symbol, type.Id, null, Text(Columns[2]), issuedOn, NullIfEmpty(Text(Columns[5])), NullIfEmpty(Text(Columns[4])),
                    secrecy, urgency, null, null, null).HandleAsync(db, users, ct);
            }
            catch (DomainException e)
            {
                Error(e.Field switch { "issuerId" => Columns[2], "issuedOn" => Columns[3], "summary" => Columns[4], "typeId" => Columns[1], _ => Columns[0] }, e.Message);
                db.ChangeTracker.Clear();
            }
        }
        if (errors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new Outcome(0, errors);
        }
        await tx.CommitAsync(ct);
        return new Outcome(rows.Count, []);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    internal static bool TryDate(object? value, out DateOnly date)
    {
        date = default;
        switch (value)
        {
            case DateTime dt: date = DateOnly.FromDateTime(dt); return true;
            case double serial when serial > 0 && serial < 2_958_466: date = DateOnly.FromDateTime(DateTime.FromOADate(serial)); return true;
            case string s: return DateOnly.TryParseExact(s.Trim(), ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
            default: return false;
        }
    }

    private static bool TryLevel(string text, out Secrecy level)
    {
        level = Domain.Text.VietnameseText.Fold(text) switch
        {
            "" or "thuong" => Secrecy.None,
            "mat" => Secrecy.Confidential,
            "toi mat" => Secrecy.Secret,
            "tuyet mat" => Secrecy.TopSecret,
            _ => (Secrecy)(-1),
        };
        return Enum.IsDefined(level);
    }

    private static bool TryLevel(string text, out Urgency level)
    {
        level = Domain.Text.VietnameseText.Fold(text) switch
        {
            "" or "thuong" => Urgency.Normal,
            "khan" => Urgency.Urgent,
            "thuong khan" => Urgency.VeryUrgent,
            "hoa toc" => Urgency.Flash,
            _ => (Urgency)(-1),
        };
        return Enum.IsDefined(level);
    }
}
