using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Meetings;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Meetings;

/// <summary>
/// A meeting from call to notice: the agenda (one click takes the programme items due), attendance with the quorum,
/// recording it held, minutes, conclusion points, making a point a task, issuing the notice; the invitation and notice as .docx.
/// </summary>
public sealed class DetailsModel(ResoluteDbContext db, IConfiguration config, UserManager<User> users, Infrastructure.Files.FileStore store) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? PresentingUnitCode { get; set; }
    [BindProperty] public string? PaperSymbol { get; set; }
    [BindProperty] public Dictionary<Guid, Presence> Presence { get; set; } = [];
    [BindProperty] public Dictionary<Guid, string?> Reason { get; set; } = [];
    [BindProperty] public Guid? AgendaItemId { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? LeadUnitCode { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? Minutes { get; set; }

    public MeetingView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(null!, ct);
        Minutes = View.Meeting.Minutes;
        return Page();
    }

    private IActionResult Done(string message)
    {
        TempData["Message"] = message;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostDueAsync(CancellationToken ct)
    {
        var m = await new AddAgendaItems(Id, Version, null, true, null, null, null).HandleAsync(db, ct);
        return Done(string.Format(T("Chương trình họp có {0} nội dung."), m.Agenda.Count));
    }

    public async Task<IActionResult> OnPostAgendaAsync(CancellationToken ct)
    {
        await new AddAgendaItems(Id, Version, null, false, Title, PresentingUnitCode, PaperSymbol).HandleAsync(db, ct);
        return Done(T("Đã thêm nội dung họp."));
    }

    public async Task<IActionResult> OnPostAttendanceAsync(bool held, CancellationToken ct)
    {
        var input = Presence.Select(p => new PresenceInput(p.Key, p.Value, Reason.GetValueOrDefault(p.Key))).ToList();
        await new RecordAttendance(Id, Version, input, null, null, held).HandleAsync(db, config, ct);
        return Done(held ? T("Đã ghi nhận cuộc họp đủ số lượng và đã diễn ra.") : T("Đã lưu điểm danh."));
    }

    public async Task<IActionResult> OnPostMinutesAsync(CancellationToken ct)
    {
        await new WriteMinutes(Id, Version, Minutes).HandleAsync(db, ct);
        return Done(T("Đã lưu biên bản."));
    }

    public async Task<IActionResult> OnPostMinutesFileAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw new Domain.Common.DomainException("file", T("Cần chọn tệp biên bản."));
        await new AddMinutesFile(Id, file.FileName, file.OpenReadStream).HandleAsync(db, store, ct);
        return Done(T("Đã đính kèm biên bản."));
    }

    public async Task<IActionResult> OnPostConclusionAsync(CancellationToken ct)
    {
        var point = await new AddConclusion(Id, Version, AgendaItemId, Text, LeadUnitCode, Deadline).HandleAsync(db, ct);
        return Done(string.Format(T("Đã thêm điểm kết luận số {0}."), point.Number));
    }

    public async Task<IActionResult> OnPostTaskAsync(Guid point, CancellationToken ct)
    {
        var a = await new ConclusionToTask(Id, point).HandleAsync(db, users, config, ct);
        return Done(a.State == Domain.Assignments.AssignmentState.Draft
            ? T("Đã tạo dự thảo nhiệm vụ; hãy bổ sung cho đủ 5 rõ rồi giao.")
            : T("Đã giao nhiệm vụ từ điểm kết luận."));
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var m = await new IssueNotice(Id, Version).HandleAsync(db, ct);
        db.ChangeTracker.Clear();
        var v = await MeetingView.LoadAsync(db, Id, config, ct);
        return Done(string.Format(T("Đã ban hành Thông báo kết luận số {0}."), v.NoticeSymbol));
    }

    public (string Field, string Input)[] FieldMap =>
        [("title", nameof(Title)), ("presentingUnitId", nameof(PresentingUnitCode)), ("sourceDocumentId", nameof(PaperSymbol)), ("text", nameof(Text)), ("leadUnitId", nameof(LeadUnitCode)), ("minutes", nameof(Minutes))];

    public async Task ReloadAsync(Exception error, CancellationToken ct)
    {
        View = await MeetingView.LoadAsync(db, Id, config, ct);
        if (Version is null || error is ConflictException) Version = View.Meeting.Version;
    }
}
