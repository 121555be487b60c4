using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using Resolute.Web.Infrastructure.Docx;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Reviews;

/// <summary>
/// A campaign: where each unit's report stands, the outline with the consolidated items, the figures (with overrides),
/// and the reviewing unit's actions — send, remind, register the report, save the outline as a template, export.
/// </summary>
public sealed class DetailsModel(ResoluteDbContext db, UserManager<User> users, Infrastructure.Files.FileStore store, IConfiguration config) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ReviewReport.View View { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool CanRegister { get; private set; }
    public bool PdfAvailable => Resolute.Web.Infrastructure.Docx.LibreOffice.Available;

    private PageMargins Margins => PageMargins.From(config);

    private async Task LoadAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        View = await ReviewReport.LoadAsync(db, Id, ct);
        CanManage = await db.Scope.CanAsync(db, Permission.AssignTasks, View.Campaign.OwnerId, ct);
        CanRegister = await db.Scope.CanAsync(db, Permission.RegisterDocuments, View.Campaign.OwnerId, ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return File(await ReviewReport.ToDocxAsync(db, View, Margins, ct), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ReviewsApi.FileStem(View) + ".docx");
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return File(ReviewReport.ToXlsx(View), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ReviewsApi.FileStem(View) + "-phu-luc.xlsx");
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var pdf = await Resolute.Web.Infrastructure.Docx.LibreOffice.ToPdfAsync(await ReviewReport.ToDocxAsync(db, View, Margins, ct), ct);
        if (pdf is null)
        {
            TempData["Error"] = T("Máy chủ chưa cài LibreOffice nên chưa chuyển được sang PDF; hãy tải bản .docx.");
            return RedirectToPage(new { id = Id });
        }
        return File(pdf, "application/pdf", ReviewsApi.FileStem(View) + ".pdf");
    }

    private async Task<IActionResult> Act(Func<Task<string>> action, CancellationToken ct)
    {
        await ReviewRules.LoadAsync(db, Id, ct);
        db.ChangeTracker.Clear();
        TempData["Message"] = await action();
        return RedirectToPage(new { id = Id });
    }

    public Task<IActionResult> OnPostSendAsync(int? version, CancellationToken ct) => Act(async () =>
        string.Format(T("Đã gửi đề cương cho {0} đơn vị."), (await new SendCampaign(Id, version).HandleAsync(db, ct)).Reports.Count), ct);

    public Task<IActionResult> OnPostRemindAsync(CancellationToken ct) => Act(async () =>
        string.Format(T("Đã đôn đốc {0} đơn vị chưa gửi báo cáo."), await new RemindUnits(Id).HandleAsync(db, ct)), ct);

    public Task<IActionResult> OnPostOverrideAsync(string key, string? unit, decimal? value, string? reason, CancellationToken ct) => Act(async () =>
    {
        Guid? unitId = Guid.TryParse(unit, out var u) ? u : null;
        await new OverrideFigure(Id, key, unitId, value, reason).HandleAsync(db, ct);
        return value is null ? T("Đã bỏ điều chỉnh số liệu.") : T("Đã điều chỉnh số liệu.");
    }, ct);

    public Task<IActionResult> OnPostTemplateAsync(string? name, CancellationToken ct) => Act(async () =>
    {
        var t = await new SaveTemplate(Id, name).HandleAsync(db, ct);
        return string.Format(T("Đã lưu mẫu đề cương \"{0}\"."), t.Name);
    }, ct);

    public Task<IActionResult> OnPostRegisterAsync(CancellationToken ct) => Act(async () =>
    {
        var d = await ReviewReport.RegisterAsync(db, users, store, Id, Margins, ct);
        return string.Format(T("Đã đăng ký báo cáo số {0}."), d.Symbol);
    }, ct);

    public Task<IActionResult> OnPostCloseAsync(int? version, CancellationToken ct) => Act(async () =>
    {
        await new CloseCampaign(Id, version).HandleAsync(db, ct);
        return T("Đã kết thúc đợt sơ kết, tổng kết.");
    }, ct);
}
