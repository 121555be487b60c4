using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Assignments;

/// <summary>One task: its five clears, where it stands, its progress and extensions, and the actions the caller may take.</summary>
public sealed class DetailsModel(ResoluteDbContext db, IConfiguration config, Infrastructure.Files.FileStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int? Version { get; set; }
    public AssignmentDetails.Detail Task { get; private set; } = null!;
    /// <summary>When this task is a unit's report in a review campaign: that report, where the work is done.</summary>
    public Guid? ReviewReportId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var d = await AssignmentDetails.LoadAsync(db, Id, ct);
        if (d is null) return NotFound();
        Task = d;
        ReviewReportId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.UnitReports.Where(r => r.AssignmentId == Id).Select(r => (Guid?)r.Id), ct);
        return Page();
    }

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) =>
        RunAsync(() => new AssignDraft(Id, Version).HandleAsync(db, ct), T("Đã giao nhiệm vụ."));

    public Task<IActionResult> OnPostReportAsync(string? narrative, int? percent, bool proposesCompletion, Dictionary<Guid, decimal?>? actuals,
        IFormFile? evidence, CancellationToken ct) =>
        RunAsync(async () =>
        {
            var report = await new ReportProgress(Id, Version, narrative, percent ?? 0, proposesCompletion,
                (actuals ?? []).Where(a => a.Value is not null).Select(a => (a.Key, a.Value!.Value)).ToList()).HandleAsync(db, config, ct);
            if (evidence is { Length: > 0 })
                await new AddEvidence(Id, report.Id, evidence.FileName, evidence.OpenReadStream).HandleAsync(db, store, ct);
        }, proposesCompletion ? T("Đã gửi báo cáo và đề nghị công nhận hoàn thành.") : T("Đã gửi báo cáo tiến độ."));

    public Task<IActionResult> OnPostReviewAsync(Guid reportId, bool accept, string? comment, CancellationToken ct) =>
        RunAsync(() => new DecideProgressReport(Id, reportId, accept, comment, Version).HandleAsync(db, ct),
            accept ? T("Đã chấp nhận báo cáo.") : T("Đã trả lại báo cáo."));

    public Task<IActionResult> OnPostExtendAsync(DateOnly? newDeadline, string? reason, CancellationToken ct) =>
        RunAsync(() => newDeadline is { } d ? new RequestExtension(Id, d, reason, Version).HandleAsync(db, ct)
            : throw new DomainException("required", "Cần nhập thời hạn đề nghị.", "newDeadline"), T("Đã gửi đề nghị gia hạn."));

    public Task<IActionResult> OnPostDecideAsync(Guid extensionId, bool approve, string? note, CancellationToken ct) =>
        RunAsync(() => new DecideExtension(Id, extensionId, approve, note, Version).HandleAsync(db, ct),
            approve ? T("Đã đồng ý gia hạn.") : T("Đã không đồng ý gia hạn."));

    public Task<IActionResult> OnPostStateAsync(StateChange change, string? reason, CancellationToken ct) =>
        RunAsync(() => new ChangeAssignmentState(Id, change, reason, Version).HandleAsync(db, ct), change switch
        {
            StateChange.Pause => T("Đã tạm dừng nhiệm vụ."),
            StateChange.Resume => T("Đã cho tiếp tục thực hiện nhiệm vụ."),
            _ => T("Đã xác định không thực hiện nhiệm vụ."),
        });

    public Task<IActionResult> OnPostApproveDeadlineAsync(CancellationToken ct) =>
        RunAsync(() => new ApproveLateDeadline(Id).HandleAsync(db, ct), T("Đã đồng ý thời hạn."));

    /// <summary>Runs an action, then shows the task again with what happened; a refused action leaves everything as it was (the page filter shows why).</summary>
    private async Task<IActionResult> RunAsync(Func<Task> action, string done)
    {
        await action();
        TempData["Message"] = done;
        return RedirectToPage("Details", new { id = Id });
    }
}
