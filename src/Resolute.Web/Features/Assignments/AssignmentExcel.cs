using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Domain.Text;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure;
using CellError = Resolute.Web.Infrastructure.ExcelRows.CellError;

namespace Resolute.Web.Features.Assignments;

/// <summary>
/// Task lists in Excel, as offices keep them today: a template, an import (checked with the same rules as the form,
/// errors by row and cell in Vietnamese, all or nothing) and an export of any list in the same columns plus where
/// each task stands.
/// </summary>
public static class AssignmentExcel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxRows = 5_000;
    public const int MaxExport = 100_000;

    public const string Title = "Tên nhiệm vụ", Content = "Nội dung", Source = "Văn bản giao (số, ký hiệu)", Clause = "Điều, khoản, mục",
        SourceNote = "Nguồn giao khác (kết luận, cuộc họp)", Assigner = "Đơn vị giao (mã)", Lead = "Đơn vị chủ trì (mã)",
        Leader = "Lãnh đạo chịu trách nhiệm (họ tên)", Coordinators = "Đơn vị phối hợp (mã, cách nhau dấu phẩy)", FollowUp = "Đơn vị theo dõi (mã)",
        Deadline = "Thời hạn", Cycle = "Chu kỳ báo cáo", Output = "Sản phẩm", Indicator = "Chỉ tiêu", Unit = "Đơn vị tính", Target = "Mục tiêu",
        Assign = "Giao ngay";

    public static readonly string[] Columns =
        [Title, Content, Source, Clause, SourceNote, Assigner, Lead, Leader, Coordinators, FollowUp, Deadline, Cycle, Output, Indicator, Unit, Target, Assign];

    public const string Status = "Tình trạng", InForce = "Thời hạn hiện hành", CompletedOn = "Ngày hoàn thành", Percent = "Tỷ lệ hoàn thành (%)";

    public sealed record Outcome(int Imported, int Assigned, List<CellError> Errors);

    public static byte[] Template()
    {
        using var stream = new MemoryStream();
        var guide = new (string Column, string How)[]
        {
            (Title, "Bắt buộc (trừ nhiệm vụ Tuyệt mật)."),
            (Source, "Văn bản đã có trong sổ: 15-NQ/TW, 10-CTr/TU. Hoặc ghi nguồn giao khác ở cột bên cạnh."),
            (Assigner, "Mã đơn vị trong hệ thống, ví dụ TU-HN; bạn phải có quyền giao nhiệm vụ của đơn vị này."),
            (Lead, "Đơn vị giao hoặc đơn vị cấp dưới, ví dụ P-HOANKIEM."),
            (Leader, "Họ tên người đang giữ chức vụ tại đơn vị chủ trì; để trống thì lấy người đứng đầu đơn vị."),
            (Deadline, "Ngày dạng dd/mm/yyyy. Để trống nếu là nhiệm vụ thường xuyên."),
            (Cycle, "Để trống, hoặc Hằng tháng, Hằng quý, 6 tháng, Hằng năm (nhiệm vụ thường xuyên)."),
            (Indicator, "Tên chỉ tiêu; Mục tiêu là số (ví dụ 100)."),
            (Assign, "Có: giao ngay khi đủ 5 rõ; Không hoặc để trống: lưu dự thảo."),
        };
        var sheets = new Dictionary<string, object>
        {
            ["Nhiệm vụ"] = new[] { Columns.ToDictionary(c => c, _ => (object?)null) },
            ["Hướng dẫn"] = guide.Select(g => new Dictionary<string, object?> { ["Cột"] = g.Column, ["Cách ghi"] = g.How }).ToArray(),
        };
        MiniExcel.SaveAs(stream, sheets);
        return stream.ToArray();
    }

    public static async Task<byte[]> ExportAsync(ResoluteDbContext db, AssignmentQueries.Filter filter, CancellationToken ct)
    {
        var today = db.Today;
        filter = await AssignmentQueries.ResolveAsync(db, filter, ct);
        var q = AssignmentQueries.Apply(db, filter, today, await AssignmentQueries.CoversAsync(db, filter, ct)).OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Id).Take(MaxExport)
            .Include(a => a.Indicators).Include(a => a.Coordinators).AsSplitQuery();
        var rows = await AssignmentQueries.Project(db, q, today).ToListAsync(ct);
        var items = await AssignmentQueries.FinishAsync(db, rows, today, ct);
        var unitIds = rows.SelectMany(r => new[] { r.A.AssignerId, r.A.LeadId ?? Guid.Empty, r.A.FollowUpId ?? Guid.Empty }
            .Concat(r.A.Coordinators.Select(c => c.OrganisationId))).Distinct().ToList();
        var codes = await db.Organisations.IgnoreQueryFilters().Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        string? Code(Guid? id) => id is { } v ? codes.GetValueOrDefault(v) : null;
        var sheet = rows.Zip(items).Select(x =>
        {
            var (r, item) = x;
            var a = r.A;
            var indicator = a.Indicators.OrderBy(i => i.Name).FirstOrDefault();
            return new Dictionary<string, object?>
            {
                [Title] = item.Title,
                [Content] = a.IsSecret ? null : a.Content,
                [Source] = r.SourceSymbol,
                [Clause] = a.SourceClause,
                [SourceNote] = a.SourceNote,
                [Assigner] = Code(a.AssignerId),
                [Lead] = Code(a.LeadId),
                [Leader] = r.LeaderName,
                [Coordinators] = string.Join(", ", a.Coordinators.Select(c => Code(c.OrganisationId))),
                [FollowUp] = Code(a.FollowUpId),
                [Deadline] = a.Deadline?.ToString("dd/MM/yyyy"),
                [Cycle] = a.Recurrence == Recurrence.None ? null : a.Recurrence.VietnameseName(),
                [Output] = a.Output,
                [Indicator] = indicator?.Name,
                [Unit] = indicator?.Unit,
                [Target] = indicator?.Target,
                [Assign] = a.State == AssignmentState.Draft ? "Không" : "Có",
                [Status] = item.StatusName,
                [InForce] = a.DeadlineInForce?.ToString("dd/MM/yyyy"),
                [CompletedOn] = a.CompletedOn?.ToString("dd/MM/yyyy"),
                [Percent] = a.Percent,
            };
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet.Count > 0 ? sheet : [Columns.Concat([Status, InForce, CompletedOn, Percent]).ToDictionary(c => c, _ => (object?)null)],
            sheetName: "Nhiệm vụ");
        return stream.ToArray();
    }

    public static async Task<Outcome> ImportAsync(ResoluteDbContext db, UserManager<User> users, Microsoft.Extensions.Configuration.IConfiguration config, Stream file, CancellationToken ct)
    {
        if (!db.Scope.HasAny(Permission.AssignTasks))
            throw new ForbiddenException("Chỉ văn phòng và quản trị hệ thống được nhập nhiệm vụ.");
        var rows = await ExcelRows.ReadAsync(file, MaxRows, ct);
        var errors = ExcelRows.SheetErrors(rows, [Title, Assigner, Lead, Deadline], MaxRows);
        if (errors.Count > 0) return new Outcome(0, 0, errors);
        var header = rows![0].Keys.ToList();

        var today = db.Today;
        var assigned = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var excelRow = i + 2;
            string Text(string column) => ExcelRows.Text(row, column);
            string? Opt(string column) => Text(column) is { Length: > 0 } s ? s : null;
            void Error(string column, string message)
            {
                var index = header.IndexOf(column);
                errors.Add(new CellError(excelRow, column, index >= 0 ? ExcelRows.CellName(index, excelRow) : "", message));
            }

            DateOnly? deadline = null;
            if (Opt(Deadline) is not null)
            {
                if (Documents.ImportDocuments.TryDate(row[Deadline], out var d)) deadline = d;
                else { Error(Deadline, "Thời hạn phải có dạng dd/mm/yyyy."); continue; }
            }
            if (!TryCycle(Text(Cycle), out var cycle)) { Error(Cycle, "Chu kỳ chỉ được để trống hoặc ghi Hằng tháng, Hằng quý, 6 tháng, Hằng năm."); continue; }
            decimal? target = null;
            if (row.TryGetValue(Target, out var t) && t is not null && Text(Target).Length > 0)
            {
                if (t is double dv) target = (decimal)dv;
                else if (decimal.TryParse(Text(Target).Replace(",", "."), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)) target = parsed;
                else { Error(Target, "Mục tiêu phải là một số."); continue; }
            }
            var assignText = VietnameseText.Fold(Text(Assign));
            if (assignText is not ("" or "co" or "khong" or "x")) { Error(Assign, "Cột Giao ngay chỉ ghi Có hoặc Không."); continue; }
            try
            {
                var source = Opt(Source) is { } symbol ? await Sources.BySymbolAsync(db, symbol, ct) : (Guid?)null;
                var lead = await Units.FindAsync(db, null, Opt(Lead), "leadId", "đơn vị chủ trì", ct);
                Guid? leader = lead is null ? null
                    : Opt(Leader) is { } name ? await Units.LeaderByNameAsync(db, name, lead, today, ct)
                    : await Units.DefaultLeaderAsync(db, lead.Id, today, ct);
                var input = new AssignmentInput
                {
                    AssignerCode = Opt(Assigner),
                    Title = Text(Title),
                    Content = Opt(Content),
                    SourceDocumentId = source,
                    SourceClause = Opt(Clause),
                    SourceNote = Opt(SourceNote),
                    LeadId = lead?.Id,
                    LeadLeaderId = leader,
                    FollowUpCode = Opt(FollowUp) ?? Opt(Assigner),
                    CoordinatorCodes = Text(Coordinators).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    Deadline = deadline,
                    Recurrence = cycle,
                    Output = Opt(Output),
                    Indicators = Opt(Indicator) is { } ind ? [new IndicatorInput(ind, Opt(Unit), target)] : [],
                };
                var a = await new SaveAssignment(null, null, input, Assign: assignText is "co" or "x").HandleAsync(db, users, config, ct);
                if (a.State == AssignmentState.Assigned) assigned++;
            }
            catch (FiveClear.IncompleteException e)
            {
                foreach (var g in e.Gaps) Error(ColumnOf(g.Field), g.Message);
                db.ChangeTracker.Clear();
            }
            catch (DomainException e)
            {
                Error(ColumnOf(e.Field), e.Message);
                db.ChangeTracker.Clear();
            }
            catch (ForbiddenException e)
            {
                Error(Assigner, e.Message);
                db.ChangeTracker.Clear();
            }
        }
        if (errors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new Outcome(0, 0, errors);
        }
        await tx.CommitAsync(ct);
        return new Outcome(rows.Count, assigned, []);
    }

    private static string ColumnOf(string? field) => field switch
    {
        "assignerId" => Assigner,
        "leadId" => Lead,
        "leadLeaderId" => Leader,
        "followUpId" => FollowUp,
        "coordinatorIds" => Coordinators,
        "sourceDocumentId" => Source,
        "sourceClause" => Clause,
        "sourceNote" => SourceNote,
        "deadline" or "milestones" => Deadline,
        "output" => Output,
        "indicators" => Indicator,
        "content" => Content,
        _ => Title,
    };

    private static bool TryCycle(string text, out Recurrence cycle)
    {
        cycle = VietnameseText.Fold(text) switch
        {
            "" or "khong" => Recurrence.None,
            "hang thang" or "thang" => Recurrence.Monthly,
            "hang quy" or "quy" => Recurrence.Quarterly,
            "6 thang" or "sau thang" or "nua nam" => Recurrence.HalfYearly,
            "hang nam" or "nam" => Recurrence.Yearly,
            _ => (Recurrence)(-1),
        };
        return Enum.IsDefined(cycle);
    }
}
