using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Documents;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Programmes;

/// <summary>
/// A programme: its items as a grid of months × forums or as a filtered list, what is missing before approval, adding
/// items (after approval, by the leaders' decision), approving, and the documents.
/// </summary>
public sealed class DetailsModel(ResoluteDbContext db) : PageModel, IFormPage, IItemFormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Member { get; set; }
    [BindProperty(SupportsGet = true)] public ProgrammeForum? Forum { get; set; }
    [BindProperty(SupportsGet = true)] public ProgrammeItemStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty] public ItemForm Item { get; set; } = new();
    [BindProperty] public int? Version { get; set; }

    public ProgrammeView Programme { get; private set; } = null!;
    public IReadOnlyList<ProgrammeView.Row> Rows { get; private set; } = [];
    public List<(Guid Id, string Name, string Title)> Members { get; private set; } = [];
    public List<DocumentType> Types { get; private set; } = [];
    public bool CanAdd => Programme.Programme.IsDraft ? Programme.CanKeep : Programme.CanDecide;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(null!, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(null!, ct);
            return Page();
        }
        var item = await new SaveProgrammeItem(Id, null, Version, Item.ToFields(), Item.Decision, Item.Reason).HandleAsync(db, ct);
        TempData["Message"] = string.Format(T("Đã thêm nội dung số {0}."), item.Number);
        return Redirect($"/Programmes/Details/{Id}#item-{item.Number}");
    }

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken ct)
    {
        var p = await new ApproveProgramme(Id, Version).HandleAsync(db, ct);
        TempData["Message"] = string.Format(T("Đã phê duyệt chương trình; {0} nội dung đã trở thành nhiệm vụ của các cơ quan chủ trì chuẩn bị."),
            p.Items.Count(i => i.AssignmentId != null));
        return RedirectToPage(new { id = Id });
    }

    public List<Infrastructure.ExcelRows.CellError> ImportErrors { get; private set; } = [];

    /// <summary>Adds a workbook's rows to the draft, all or none; the errors are listed by row and cell.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw new Domain.Common.DomainException("file", "Cần chọn tệp Excel (.xlsx).");
        await using var stream = file.OpenReadStream();
        var outcome = await ProgrammeExcel.ImportAsync(db, Id, stream, ct);
        if (outcome.Errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            ImportErrors = outcome.Errors;
            ModelState.AddModelError("", string.Format(T("Chưa nhập được: tệp có {0} lỗi, chưa nội dung nào được thêm. Hãy sửa rồi nhập lại."), outcome.Errors.Count));
            await ReloadAsync(null!, ct);
            return Page();
        }
        TempData["Message"] = string.Format(T("Đã nhập {0} nội dung từ Excel."), outcome.Imported);
        return Redirect($"/Programmes/Details/{Id}?view=list");
    }

    public (string Field, string Input)[] FieldMap => ItemForm.FieldMap;

    public async Task ReloadAsync(Exception error, CancellationToken ct)
    {
        Programme = await ProgrammeView.LoadAsync(db, Id, ct);
        Version ??= Programme.Programme.Version;
        if (error is ConflictException) Version = Programme.Programme.Version;
        Members = await Units.LeadersOfAsync(db, Programme.Programme.OrganisationId, db.Today, ct);
        Types = await db.DocumentTypes.AsNoTracking().Where(t => t.System == DocumentSystem.Party && t.ValidTo == null).OrderBy(t => t.SortOrder).ToListAsync(ct);
        var month = ItemForm.MonthOf(Month);
        Rows = Programme.Items.Where(r =>
            (string.IsNullOrWhiteSpace(Unit) || r.PreparingUnit?.Contains(Unit.Trim(), StringComparison.OrdinalIgnoreCase) == true)
            && (Member is null || r.Item.MemberInChargeId == Member)
            && (Forum is null || r.Item.Forum == Forum)
            && (Status is null || r.Status == Status)
            && (month is null || r.Item.DueMonthInForce == month)).ToList();
        if (Item.Forum is null) Item.Forum = Programme.Programme.Body;
    }

    /// <summary>The months of the grid: every month of an annual programme; for a full-term one, the months its items fall in.</summary>
    public IEnumerable<DateOnly> GridMonths()
    {
        var p = Programme.Programme;
        if (p.Kind == ProgrammeKind.Annual) return Enumerable.Range(1, 12).Select(m => new DateOnly(p.FromYear, m, 1));
        return Programme.Items.Where(r => r.Item.DueMonthInForce != null).Select(r => r.Item.DueMonthInForce!.Value).Distinct().Order();
    }

    public static string StatusClass(ProgrammeItemStatus s) => s switch
    {
        ProgrammeItemStatus.SubmittedOnTime => "ok",
        ProgrammeItemStatus.SubmittedLate or ProgrammeItemStatus.Overdue => "bad",
        ProgrammeItemStatus.Postponed => "warn",
        _ => "",
    };
}
