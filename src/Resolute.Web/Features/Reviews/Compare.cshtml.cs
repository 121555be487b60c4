using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Reviews;

/// <summary>Two review rounds (of the same subject, say 10 and 15 years) side by side, section by section and figure by figure.</summary>
public sealed class CompareModel(ResoluteDbContext db) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public Guid? A { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public Guid? B { get; set; }
    public List<ReviewsApi.Summary> Choices { get; private set; } = [];
    public ReviewReport.View? Left { get; private set; }
    public ReviewReport.View? Right { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = await db.ReviewCampaigns.AsNoTracking().Include(c => c.Reports).OrderByDescending(c => c.PeriodTo).Take(500).ToListAsync(ct);
        Choices = await ReviewsApi.SummariesAsync(db, list, ct);
        if (A is { } a) Left = await ReviewReport.LoadAsync(db, a, ct);
        if (A is not null && B is null && Left?.Campaign.SubjectDocumentId is { } subject)
            // The other round of the same subject, the latest before this one, when there is one.
            B = Choices.Where(x => x.SubjectDocumentId == subject && x.Id != A && x.PeriodTo <= Left.Campaign.PeriodTo).Select(x => (Guid?)x.Id).FirstOrDefault();
        if (B is { } b) Right = await ReviewReport.LoadAsync(db, b, ct);
    }
}
