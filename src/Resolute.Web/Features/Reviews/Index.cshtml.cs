using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Reviews;

/// <summary>The review campaigns the caller may see: those their units run, and those sent to their units.</summary>
public sealed class IndexModel(ResoluteDbContext db) : PageModel
{
    public List<ReviewsApi.Summary> Campaigns { get; private set; } = [];
    public bool CanOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanOpen = db.Scope.HasAny(Permission.AssignTasks);
        var list = await db.ReviewCampaigns.AsNoTracking().Include(c => c.Reports).OrderByDescending(c => c.Deadline).Take(500).ToListAsync(ct);
        Campaigns = await ReviewsApi.SummariesAsync(db, list, ct);
    }
}
