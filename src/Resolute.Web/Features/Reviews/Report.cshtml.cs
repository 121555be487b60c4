using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Reviews;

/// <summary>
/// A unit's report: the unit writes its items per section (one per line) and figures, attaches files, saves drafts and
/// submits; the reviewing unit accepts or returns it; the unit may pass the outline on to the units below it and take
/// their consolidated items into its own report.
/// </summary>
public sealed class ReportModel(ResoluteDbContext db, IConfiguration config, Infrastructure.Files.FileStore store) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>Each section's items, one per line, keyed by section.</summary>
    [BindProperty] public Dictionary<string, string?> Text { get; set; } = [];
    /// <summary>Reported figures as typed ("12", "12,5" or "12.5").</summary>
    [BindProperty] public Dictionary<string, string?> Values { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Notes { get; set; } = [];
    [BindProperty] public int? Version { get; set; }

    public ReviewCampaign Campaign { get; private set; } = null!;
    public UnitReport Report { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    public UnitReportStatus Status { get; private set; }
    public ReviewFigures.Table? Figures { get; private set; }
    public List<StoredFile> Attachments { get; private set; } = [];
    public ReviewCampaign? Cascade { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanDecide { get; private set; }
    public bool CanCascade { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        (Campaign, Report) = await ReviewRules.LoadReportAsync(db, Id, ct);
        var names = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == Report.UnitId || o.Id == Campaign.OwnerId)
            .ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        UnitName = names[Report.UnitId];
        OwnerName = names[Campaign.OwnerId];
        Status = Campaign.StatusOf(Report, db.Today);
        var open = Campaign.State == CampaignState.Sent;
        CanEdit = open && Report.IsEditable && await db.Scope.CanAsync(db, Permission.ReportProgress, Report.UnitId, ct);
        CanDecide = open && Report.State == UnitReportState.Submitted && await db.Scope.CanAsync(db, Permission.ReviewTasks, Campaign.OwnerId, ct);
        CanCascade = open && Report.CascadeId is null && await db.Scope.CanAsync(db, Permission.AssignTasks, Report.UnitId, ct);
        Attachments = await db.StoredFiles.AsNoTracking().Where(a => a.UnitReportId == Report.Id).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        if (Report.CascadeId is { } cid)
            Cascade = await db.ReviewCampaigns.AsNoTracking().Include(x => x.Items).Include(x => x.Reports).FirstOrDefaultAsync(x => x.Id == cid, ct);
        Figures = await ReviewFigures.BuildAsync(db, Campaign, [(Report.UnitId, UnitName)], ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        FillFromReport();
        return Page();
    }

    private void FillFromReport()
    {
        foreach (var s in Campaign.Outline.Sections)
            Text[s.Key] = string.Join("\n", Report.Items.Where(i => i.SectionKey == s.Key).OrderBy(i => i.Order).Select(i => i.Text));
        foreach (var f in Report.Figures)
        {
            Values[f.Key] = f.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Notes[f.Key] = f.Note;
        }
        Version = Report.Version;
    }

    /// <summary>A refused save shows what was typed again; a refused action shows the report as it is.</summary>
    public async Task ReloadAsync(Exception error, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Text.Count == 0) FillFromReport();
    }

    public async Task<IActionResult> OnGetAttachmentAsync(Guid attachment, CancellationToken ct)
    {
        await LoadAsync(ct);
        var a = Attachments.FirstOrDefault(x => x.Id == attachment);
        if (a is null || !System.IO.File.Exists(store.PathOf(a.Sha256))) return NotFound();
        return PhysicalFile(store.PathOf(a.Sha256), a.ContentType, a.FileName);
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveAsync(submit: true, ct);

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken ct)
    {
        var (c, r) = await ReviewRules.LoadReportAsync(db, Id, ct);
        // Each line is an item; a line unchanged keeps its item (and the links the consolidated report holds to it).
        var items = new List<ItemInput>();
        foreach (var s in c.Outline.Sections)
        {
            var existing = r.Items.Where(i => i.SectionKey == s.Key).ToList();
            foreach (var line in (Text.GetValueOrDefault(s.Key) ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                var same = existing.FirstOrDefault(i => i.Text == Domain.Text.VietnameseText.Normalize(line));
                if (same is not null) existing.Remove(same);
                items.Add(new ItemInput(same?.Id, s.Key, line));
            }
        }
        var figures = new List<FigureInput>();
        foreach (var f in c.Outline.Figures)
        {
            var typed = f.Computed is null ? Values.GetValueOrDefault(f.Key)?.Trim().Replace(',', '.') : null;
            decimal? value = null;
            if (!string.IsNullOrEmpty(typed))
            {
                if (!decimal.TryParse(typed, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v))
                    throw new DomainException("figures", string.Format(T("Số liệu {0} phải là một số."), f.Name));
                value = v;
            }
            figures.Add(new FigureInput(f.Key, value, Notes.GetValueOrDefault(f.Key)));
        }
        db.ChangeTracker.Clear();
        await new SaveUnitReport(Id, Version, items, figures, submit).HandleAsync(db, config, ct);
        TempData["Message"] = submit ? T("Đã gửi báo cáo lên đơn vị chủ trì.") : T("Đã lưu bản nháp.");
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult> Act(Func<Task<string>> action, CancellationToken ct)
    {
        await ReviewRules.LoadReportAsync(db, Id, ct);
        db.ChangeTracker.Clear();
        TempData["Message"] = await action();
        return RedirectToPage(new { id = Id });
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => Act(async () =>
    {
        await new DecideUnitReport(Id, true, null).HandleAsync(db, ct);
        return T("Đã chấp nhận báo cáo.");
    }, ct);

    public Task<IActionResult> OnPostReturnAsync(string? comment, CancellationToken ct) => Act(async () =>
    {
        await new DecideUnitReport(Id, false, comment).HandleAsync(db, ct);
        return T("Đã trả lại báo cáo để đơn vị bổ sung.");
    }, ct);

    public Task<IActionResult> OnPostCascadeAsync(DateOnly? deadline, string? codes, string? all, CancellationToken ct) => Act(async () =>
    {
        var child = await new CascadeCampaign(Id, deadline, new CampaignInput
        {
            RecipientCodes = (codes ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            RecipientsAll = string.IsNullOrWhiteSpace(all) ? null : all,
        }).HandleAsync(db, ct);
        return string.Format(T("Đã gửi đề cương cho {0} đơn vị cấp dưới."), child.Reports.Count);
    }, ct);

    /// <summary>Takes the items the unit consolidated from the units below it into its own report (added after what is written).</summary>
    public Task<IActionResult> OnPostImportAsync(CancellationToken ct) => Act(async () =>
    {
        var (c, r) = await ReviewRules.LoadReportAsync(db, Id, ct);
        var child = r.CascadeId is { } cid ? await db.ReviewCampaigns.AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == cid, ct) : null;
        if (child is null || child.Items.Count == 0) throw new DomainException("nothing", "Báo cáo tổng hợp của cấp dưới chưa có mục nào.");
        var items = r.Items.Select(i => new ItemInput(i.Id, i.SectionKey, i.Text))
            .Concat(child.Items.OrderBy(i => i.Order).Where(i => r.Items.All(x => x.Text != i.Text)).Select(i => new ItemInput(null, i.SectionKey, i.Text)))
            .OrderBy(i => c.Outline.Sections.ToList().FindIndex(s => s.Key == i.SectionKey)).ToList();
        db.ChangeTracker.Clear();
        await new SaveUnitReport(Id, null, items, [], false).HandleAsync(db, config, ct);
        return T("Đã lấy các mục từ báo cáo tổng hợp của cấp dưới vào bản nháp.");
    }, ct);

    public Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct) => Act(async () =>
    {
        if (file is null || file.Length == 0) throw new DomainException("file", "Cần chọn tệp.");
        await new AddReportAttachment(Id, file.FileName, file.OpenReadStream).HandleAsync(db, store, ct);
        return T("Đã đính kèm tệp.");
    }, ct);
}
