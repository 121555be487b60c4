using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Reviews;

/// <summary>
/// Consolidation: every unit's items side by side per section; the reviewing unit picks items, merges and rewords them
/// into the consolidated report's numbered items, each keeping the unit items it came from.
/// </summary>
public sealed class ConsolidateModel(ResoluteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ReviewReport.View View { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await ReviewReport.LoadAsync(db, Id, ct);
        CanEdit = View.Campaign.State == Domain.Reviews.CampaignState.Sent && await db.Scope.CanAsync(db, Permission.AssignTasks, View.Campaign.OwnerId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string op, string? section, Guid? itemId, string? text, List<Guid>? sources, int? version, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, Id, ct);
        sources ??= [];
        // Items picked with nothing written are taken word for word, joined.
        if (op == "add" && string.IsNullOrWhiteSpace(text) && sources.Count > 0)
            text = string.Join(" ", c.Reports.SelectMany(r => r.Items).Where(i => sources.Contains(i.Id)).Select(i => i.Text.TrimEnd('.', ';') + "."));
        db.ChangeTracker.Clear();
        await new EditConsolidation(Id, version, op, itemId, section, text, sources).HandleAsync(db, ct);
        TempData["Message"] = op switch { "add" => T("Đã thêm mục vào báo cáo tổng hợp."), "remove" => T("Đã bỏ mục."), _ => T("Đã cập nhật.") };
        return Redirect($"/Reviews/Consolidate/{Id}#s-{section}");
    }
}
