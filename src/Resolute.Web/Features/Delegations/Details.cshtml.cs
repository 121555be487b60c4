using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Common;
using Resolute.Domain.Delegations;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Delegations;

/// <summary>
/// A delegation from set-up to follow-up: members and their temporary access, the units visited and their reports,
/// working sessions, conclusions with findings and recommendations, each recommendation made a task.
/// </summary>
public sealed class DetailsModel(ResoluteDbContext db, IConfiguration config, UserManager<User> users) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? UnitCode { get; set; }
    [BindProperty] public DateTime? At { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? PaperSymbol { get; set; }
    [BindProperty] public string? Attendees { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? Summary { get; set; }
    /// <summary>One finding a line: "+ " a strength, "- " a shortcoming, "! " a violation (inspection only).</summary>
    [BindProperty] public string? Findings { get; set; }
    /// <summary>One recommendation a line, its deadline after a bar: "Bổ sung quy chế | 31/12/2026".</summary>
    [BindProperty] public string? Recommendations { get; set; }

    public DelegationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(null!, ct);
        return Page();
    }

    private IActionResult Done(string message)
    {
        TempData["Message"] = message;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostEstablishAsync(CancellationToken ct)
    {
        await new EstablishDelegation(Id, Version).HandleAsync(db, users, config, ct);
        return Done(T("Đã ra quyết định thành lập đoàn và giao các đơn vị báo cáo theo đề cương."));
    }

    public async Task<IActionResult> OnPostSessionAsync(CancellationToken ct)
    {
        await new AddSession(Id, Version, UnitCode, At, Place, PaperSymbol, Attendees, Minutes).HandleAsync(db, ct);
        return Done(T("Đã ghi buổi làm việc."));
    }

    public async Task<IActionResult> OnPostConcludeAsync(CancellationToken ct)
    {
        await new ConcludeVisit(Id, Version, UnitCode, Summary, ParseFindings(Findings), ParseRecommendations(Recommendations), Issue: true).HandleAsync(db, ct);
        return Done(T("Đã ban hành kết luận của đoàn."));
    }

    public async Task<IActionResult> OnPostTaskAsync(Guid conclusion, Guid recommendation, CancellationToken ct)
    {
        var a = await new RecommendationToTask(Id, conclusion, recommendation).HandleAsync(db, users, config, ct);
        return Done(a.State == Domain.Assignments.AssignmentState.Draft
            ? T("Đã tạo dự thảo nhiệm vụ; hãy bổ sung cho đủ 5 rõ rồi giao.")
            : T("Đã giao nhiệm vụ thực hiện kiến nghị."));
    }

    public static List<FindingInput> ParseFindings(string? text) =>
        Lines(text).Select(l => l[0] switch
        {
            '+' => new FindingInput(FindingKind.Strength, l[1..].Trim()),
            '!' => new FindingInput(FindingKind.Violation, l[1..].Trim()),
            '-' => new FindingInput(FindingKind.Shortcoming, l[1..].Trim()),
            _ => new FindingInput(FindingKind.Shortcoming, l),
        }).ToList();

    public static List<RecommendationInput> ParseRecommendations(string? text) =>
        Lines(text).Select(l =>
        {
            var bar = l.LastIndexOf('|');
            if (bar < 0) return new RecommendationInput(l, null);
            var date = l[(bar + 1)..].Trim();
            if (!DateOnly.TryParseExact(date, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new DomainException("deadline", $"Thời hạn \"{date}\" không đúng dạng ngày/tháng/năm.", "recommendations");
            return new RecommendationInput(l[..bar].Trim(), d);
        }).ToList();

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    public (string Field, string Input)[] FieldMap =>
        [("unitCode", nameof(UnitCode)), ("unitId", nameof(UnitCode)), ("at", nameof(At)), ("place", nameof(Place)), ("sourceDocumentId", nameof(PaperSymbol)),
         ("findings", nameof(Findings)), ("recommendations", nameof(Recommendations)), ("summary", nameof(Summary)), ("minutes", nameof(Minutes))];

    public async Task ReloadAsync(Exception error, CancellationToken ct)
    {
        View = await DelegationView.LoadAsync(db, Id, ct);
        if (Version is null || error is ConflictException) Version = View.Delegation.Version;
    }
}
