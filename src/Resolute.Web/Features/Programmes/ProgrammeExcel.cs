using MiniExcelLibs;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Domain.Programmes;
using Resolute.Domain.Text;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using CellError = Resolute.Web.Infrastructure.ExcelRows.CellError;

namespace Resolute.Web.Features.Programmes;

/// <summary>
/// A programme's items as a workbook: the template, the export (the same columns plus each item's state) and the import
/// into a draft — every row checked, errors by row and cell in Vietnamese, all rows or none.
/// </summary>
public static class ProgrammeExcel
{
    public const int MaxRows = 1_000;

    public const string Content = "Nội dung", Type = "Loại văn bản trình", Source = "Căn cứ (số, ký hiệu)", SourceNote = "Điều, khoản hoặc kết luận",
        Preparing = "Cơ quan chủ trì chuẩn bị (mã)", Coordinators = "Cơ quan phối hợp (mã, cách nhau dấu phẩy)", Member = "Đồng chí phụ trách (họ tên)",
        Forum = "Trình (BCH, BTV, TT)", Month = "Tháng (mm/yyyy)", Quarter = "Theo quý", Secret = "Độ mật";

    public static readonly string[] Columns = [Content, Type, Source, SourceNote, Preparing, Coordinators, Member, Forum, Month, Quarter, Secret];

    public const string Number = "TT", State = "Tình trạng", InForce = "Tháng đang áp dụng", SubmittedOn = "Ngày trình";

    public sealed record Outcome(int Imported, List<CellError> Errors);

    public static byte[] Template()
    {
        var guide = new (string Column, string How)[]
        {
            (Content, "Bắt buộc, trừ nội dung mật (để trống, hồ sơ lưu tại văn phòng)."),
            (Type, "Tên loại văn bản: Nghị quyết, Báo cáo, Đề án, Tờ trình…"),
            (Preparing, "Mã đơn vị thuộc cấp ủy, ví dụ BTCTU, VPTU."),
            (Member, "Họ tên đồng chí đang giữ chức vụ lãnh đạo của cấp ủy."),
            (Forum, "BCH (Ban Chấp hành), BTV (Ban Thường vụ) hoặc TT (Thường trực)."),
            (Month, "Tháng trình, ví dụ 04/2026; Theo quý: ghi Có để trình trong quý của tháng đó."),
            (Secret, "Để trống, hoặc Mật, Tối mật, Tuyệt mật."),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            ["Noi dung"] = new[] { Columns.ToDictionary(c => c, _ => (object?)null) },
            ["Huong dan"] = guide.Select(g => new Dictionary<string, object?> { ["Cột"] = g.Column, ["Cách ghi"] = g.How }).ToArray(),
        });
        return stream.ToArray();
    }

    public static async Task<byte[]> ExportAsync(ResoluteDbContext db, ProgrammeView v, CancellationToken ct)
    {
        var coordinatorIds = v.Items.SelectMany(r => r.Item.CoordinatorIds).Append(Guid.Empty).ToArray();
        var ids = v.Items.Where(r => r.PreparingUnitId != null).Select(r => r.PreparingUnitId!.Value).Concat(coordinatorIds).Distinct().ToArray();
        var codes = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Organisations).Where(o => ids.Contains(o.Id)), o => o.Id, o => o.Code, ct);
        var rows = v.Items.Select(r => new Dictionary<string, object?>
        {
            [Number] = r.Item.Number,
            [Content] = r.Item.IsSecret ? null : r.Content,
            [Type] = r.TypeName,
            [Source] = r.SourceSymbol,
            [SourceNote] = r.Item.SourceNote,
            [Preparing] = r.PreparingUnitId is { } u ? codes.GetValueOrDefault(u) : null,
            [Coordinators] = string.Join(", ", r.Item.CoordinatorIds.Where(codes.ContainsKey).Select(c => codes[c])),
            [Member] = r.Member,
            [Forum] = r.Item.Forum?.Abbreviation(),
            [Month] = r.Item.DueMonth?.ToString("MM/yyyy"),
            [Quarter] = r.Item.ByQuarter ? "Có" : null,
            [Secret] = r.Item.Secrecy switch { Secrecy.Confidential => "Mật", Secrecy.Secret => "Tối mật", Secrecy.TopSecret => "Tuyệt mật", _ => null },
            [InForce] = r.Item.DueMonthInForce?.ToString("MM/yyyy"),
            [State] = r.Status.VietnameseName(),
            [SubmittedOn] = r.Item.SubmittedOn?.ToString("dd/MM/yyyy"),
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["Noi dung"] = rows });
        return stream.ToArray();
    }

    /// <summary>Adds every row of the workbook to the draft programme, or none of them.</summary>
    public static async Task<Outcome> ImportAsync(ResoluteDbContext db, Guid programmeId, Stream file, CancellationToken ct)
    {
        var p = await ProgrammeRules.LoadAsync(db, programmeId, ct);
        await ProgrammeRules.RequireKeeperAsync(db, p, ct);
        if (!p.IsDraft) throw new DomainException("approved", "Chương trình đã được phê duyệt: chỉ nhập từ Excel vào dự thảo; bổ sung nội dung theo quyết định của lãnh đạo trên trang chương trình.");
        var rows = await ExcelRows.ReadAsync(file, MaxRows, ct);
        var errors = ExcelRows.SheetErrors(rows, [Content, Preparing, Forum, Month], MaxRows);
        if (errors.Count > 0) return new Outcome(0, errors);
        var header = rows![0].Keys.ToList();
        var types = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.DocumentTypes.Where(t => t.ValidTo == null), ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var excelRow = i + 2;
            string? Opt(string column) => ExcelRows.Text(row, column) is { Length: > 0 } s ? s : null;
            void Error(string column, string message)
            {
                var index = header.IndexOf(column);
                errors.Add(new CellError(excelRow, column, index >= 0 ? ExcelRows.CellName(index, excelRow) : "", message));
            }

            ProgrammeForum? forum = VietnameseText.Fold(ExcelRows.Text(row, Forum)).ToUpperInvariant() switch
            {
                "" => null,
                "BCH" or "BAN CHAP HANH" => ProgrammeForum.ExecutiveCommittee,
                "BTV" or "BAN THUONG VU" => ProgrammeForum.StandingCommittee,
                "TT" or "THUONG TRUC" => ProgrammeForum.StandingMembers,
                _ => (ProgrammeForum)(-1),
            };
            if (forum == (ProgrammeForum)(-1)) { Error(Forum, "Nơi trình chỉ ghi BCH, BTV hoặc TT."); continue; }
            DateOnly? month = null;
            if (row.TryGetValue(Month, out var m) && m is DateTime dt) month = new DateOnly(dt.Year, dt.Month, 1);
            else if (Opt(Month) is { } text)
            {
                var parts = text.Split(['/', '-', '.'], StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && int.TryParse(parts[0], out var mm) && int.TryParse(parts[1], out var yy) && mm is >= 1 and <= 12 && yy is >= 1900 and <= 2999)
                    month = new DateOnly(yy, mm, 1);
                else { Error(Month, "Tháng phải có dạng mm/yyyy, ví dụ 04/2026."); continue; }
            }
            var quarter = VietnameseText.Fold(ExcelRows.Text(row, Quarter));
            if (quarter is not ("" or "co" or "khong" or "x")) { Error(Quarter, "Cột Theo quý chỉ ghi Có hoặc Không."); continue; }
            Secrecy? secrecy = VietnameseText.Fold(ExcelRows.Text(row, Secret)) switch
            {
                "" or "khong mat" => Secrecy.None,
                "mat" => Secrecy.Confidential,
                "toi mat" => Secrecy.Secret,
                "tuyet mat" => Secrecy.TopSecret,
                _ => null,
            };
            if (secrecy is null) { Error(Secret, "Độ mật chỉ để trống hoặc ghi Mật, Tối mật, Tuyệt mật."); continue; }
            Guid? type = null;
            if (Opt(Type) is { } typeName)
            {
                type = types.FirstOrDefault(t => VietnameseText.Fold(t.Name) == VietnameseText.Fold(typeName)
                    || string.Equals(t.Abbreviation, typeName, StringComparison.OrdinalIgnoreCase))?.Id;
                if (type is null) { Error(Type, $"Không có loại văn bản \"{typeName}\" trong danh mục."); continue; }
            }
            try
            {
                var fields = new ItemFields
                {
                    Content = Opt(Content),
                    ContentTypeId = type,
                    SourceSymbol = Opt(Source),
                    SourceNote = Opt(SourceNote),
                    PreparingUnitCode = Opt(Preparing),
                    CoordinatorCodes = ExcelRows.Text(row, Coordinators).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    MemberInCharge = Opt(Member),
                    Forum = forum,
                    DueMonth = month,
                    ByQuarter = quarter is "co" or "x",
                    Secrecy = secrecy.Value,
                };
                var input = await ProgrammeRules.ToInputAsync(db, p, fields, ct);
                p.AddItem(input, null, null, db.Clock.GetUtcNow().UtcDateTime, null);
            }
            catch (DomainException e)
            {
                Error(ColumnOf(e.Field), e.Message);
            }
        }
        if (errors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new Outcome(0, errors);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Outcome(rows.Count, []);
    }

    private static string ColumnOf(string? field) => field switch
    {
        "content" or "secret-content" => Content,
        "preparingUnitId" => Preparing,
        "coordinatorIds" => Coordinators,
        "memberInChargeId" or "leadLeaderId" => Member,
        "dueMonth" => Month,
        "sourceDocumentId" => Source,
        "sourceNote" => SourceNote,
        "contentTypeId" => Type,
        "secrecy" => Secret,
        "forum" => Forum,
        _ => "",
    };
}
