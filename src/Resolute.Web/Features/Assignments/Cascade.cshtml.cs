using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Assignments;

/// <summary>The lead unit gives its task on to its subordinate units: one task each, with the parent's content and deadline by default.</summary>
public sealed class CascadeModel(ResoluteDbContext db, IConfiguration config) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public List<Guid> Units { get; set; } = [];
    [BindProperty] public string? MoreCodes { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? Title { get; set; }

    public AssignmentDetails.Detail Parent { get; private set; } = null!;
    public List<(Guid Id, string Code, string Name, bool HasTask)> Children { get; private set; } = [];
    public IReadOnlyList<CascadeAssignment.Child>? Created { get; private set; }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var d = await AssignmentDetails.LoadAsync(db, Id, ct);
        if (d is null) return NotFound();
        Parent = d;
        if (d.Lead is null || !d.Can.Cascade) return StatusCode(StatusCodes.Status403Forbidden);
        var lead = d.Lead.Id;
        var taken = await db.Assignments.Where(a => a.ParentId == Id && a.State != AssignmentState.Withdrawn).Select(a => a.LeadId).ToListAsync(ct);
        Children = (await db.Organisations.AsNoTracking().Where(o => o.ParentId == lead && o.ValidTo == null)
                .Select(o => new { o.Id, o.Code, o.ShortName }).ToListAsync(ct))
            .OrderBy(o => o.ShortName, Sort).Select(o => (o.Id, o.Code, o.ShortName, taken.Contains(o.Id))).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        Deadline = Parent.DeadlineInForce;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        var targets = Units.Distinct().Select(u => new CascadeTarget(u, null, null, Deadline)).ToList();
        targets.AddRange((MoreCodes ?? "").Split([',', ';', '\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => new CascadeTarget(null, c, null, Deadline)));
        Created = await new CascadeAssignment(Id, targets, string.IsNullOrWhiteSpace(Title) ? null : Title, null).HandleAsync(db, config, ct);
        var drafts = Created.Count(c => c.Gaps.Count > 0);
        TempData["Message"] = drafts == 0
            ? string.Format(T("Đã giao nhiệm vụ cho {0} đơn vị."), Created.Count)
            : string.Format(T("Đã giao nhiệm vụ cho {0} đơn vị; {1} nhiệm vụ còn là dự thảo vì chưa đủ 5 rõ."), Created.Count - drafts, drafts);
        return RedirectToPage("Index", new { parent = Id, subtree = false });
    }

    public Task ReloadAsync(Exception error, CancellationToken ct) => LoadAsync(ct);
}
