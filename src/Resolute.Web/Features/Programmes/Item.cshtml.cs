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
/// An item: what it is, its task and its history; in a draft the office changes or removes it; once approved the
/// office records it submitted and the leaders postpone or withdraw it by their decision.
/// </summary>
public sealed class ItemModel(ResoluteDbContext db) : PageModel, IFormPage, IItemFormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ItemId { get; set; }
    [BindProperty] public ItemForm Item { get; set; } = new();
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? NewMonth { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Decision { get; set; }

    public ProgrammeView Programme { get; private set; } = null!;
    public ProgrammeView.Row Row { get; private set; } = null!;
    public List<ProgrammeChange> History { get; private set; } = [];
    public List<(Guid Id, string Name, string Title)> Members { get; private set; } = [];
    public List<DocumentType> Types { get; private set; } = [];
    public string? TaskStatus { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(null!, ct);
        var i = Row.Item;
        Item = new ItemForm
        {
            Content = i.Content,
            ContentTypeId = i.ContentTypeId,
            SourceSymbol = Row.SourceSymbol,
            SourceNote = i.SourceNote,
            PreparingUnitCode = await Organisations.UnitPicker.CodeOfAsync(db, i.PreparingUnitId, ct),
            CoordinatorCodes = string.Join(", ", await db.Organisations.IgnoreQueryFilters().Where(o => i.CoordinatorIds.Contains(o.Id)).Select(o => o.Code).ToListAsync(ct)),
            MemberInChargeId = i.MemberInChargeId,
            Forum = i.Forum,
            Month = i.DueMonth?.ToString("yyyy-MM"),
            ByQuarter = i.ByQuarter,
            Secrecy = i.Secrecy,
        };
        On = db.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(null!, ct);
            return Page();
        }
        await new SaveProgrammeItem(Id, ItemId, Version, Item.ToFields()).HandleAsync(db, ct);
        TempData["Message"] = T("Đã lưu nội dung.");
        return RedirectToPage(new { id = Id, itemId = ItemId });
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        await new RemoveProgrammeItem(Id, ItemId, Version).HandleAsync(db, ct);
        TempData["Message"] = T("Đã bỏ nội dung khỏi dự thảo.");
        return RedirectToPage("Details", new { id = Id, view = "list" });
    }

    public Task<IActionResult> OnPostSubmittedAsync(CancellationToken ct) => ChangeAsync("submitted", T("Đã ghi nhận nội dung đã trình."), ct);
    public Task<IActionResult> OnPostPostponedAsync(CancellationToken ct) => ChangeAsync("postponed", T("Đã ghi nhận xin lùi; tháng ban đầu được giữ để báo cáo."), ct);
    public Task<IActionResult> OnPostWithdrawnAsync(CancellationToken ct) => ChangeAsync("withdrawn", T("Đã rút nội dung khỏi chương trình."), ct);

    private async Task<IActionResult> ChangeAsync(string change, string done, CancellationToken ct)
    {
        if (change == "postponed" && NewMonth is not null && ItemForm.MonthOf(NewMonth) is null)
            throw new Domain.Common.DomainException("newMonth", "Tháng mới cần có dạng năm-tháng, ví dụ 2026-09.", "newMonth");
        await new ChangeItemState(Id, ItemId, Version, change, On, ItemForm.MonthOf(NewMonth), Reason, Decision).HandleAsync(db, ct);
        TempData["Message"] = done;
        return RedirectToPage(new { id = Id, itemId = ItemId });
    }

    public (string Field, string Input)[] FieldMap =>
        [.. ItemForm.FieldMap.Where(m => m.Field is not ("reason" or "decision")), ("reason", nameof(Reason)), ("decision", nameof(Decision)),
            ("newMonth", nameof(NewMonth)), ("on", nameof(On))];

    public async Task ReloadAsync(Exception error, CancellationToken ct)
    {
        Programme = await ProgrammeView.LoadAsync(db, Id, ct);
        Row = Programme.Items.FirstOrDefault(r => r.Item.Id == ItemId) ?? throw new NotFoundException("Không tìm thấy nội dung trong chương trình.");
        if (Version is null || error is ConflictException) Version = Programme.Programme.Version;
        History = Programme.Programme.Changes.Where(c => c.ItemId == ItemId).OrderBy(c => c.At).ToList();
        Members = await Units.LeadersOfAsync(db, Programme.Programme.OrganisationId, db.Today, ct);
        Types = await db.DocumentTypes.AsNoTracking().Where(t => t.System == DocumentSystem.Party && t.ValidTo == null).OrderBy(t => t.SortOrder).ToListAsync(ct);
        if (Row.Item.AssignmentId is { } task)
            TaskStatus = await db.Assignments.Where(a => a.Id == task).Select(a => a.Title).FirstOrDefaultAsync(ct);
    }
}
