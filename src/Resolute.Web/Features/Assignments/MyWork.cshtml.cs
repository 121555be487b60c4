using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Assignments;

/// <summary>A user's own work: what they answer for, what their units must report, what waits for their decision, their drafts.</summary>
public sealed class MyWorkModel(ResoluteDbContext db) : PageModel
{
    public const int Limit = 50;

    public List<AssignmentQueries.Item> Mine { get; private set; } = [];
    public List<AssignmentQueries.Item> ToReport { get; private set; } = [];
    public List<AssignmentQueries.Item> ToReview { get; private set; } = [];
    public List<AssignmentQueries.Item> Drafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = db.Today;
        var open = new AssignmentQueries.Filter { Statuses = [AssignmentStatus.OnTrack, AssignmentStatus.Overdue, AssignmentStatus.Recurring] };
        async Task<List<AssignmentQueries.Item>> Load(IQueryable<Assignment> q) =>
            await AssignmentQueries.FinishAsync(db, await AssignmentQueries.Project(db, q.OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Id).Take(Limit), today).ToListAsync(ct), today, ct);

        if (db.Scope.PersonId is { } person)
            Mine = await Load(AssignmentQueries.Apply(db, open, today).Where(a => a.LeadLeaderId == person));

        var reportRoots = db.Scope.Grants.Where(g => g.Role.Allows(Permission.ReportProgress)).Select(g => g.OrganisationId).Distinct().ToArray();
        if (reportRoots.Length > 0)
            ToReport = await Load(AssignmentQueries.Apply(db, open, today)
                .Where(a => db.OrganisationClosures.Any(c => c.DescendantId == a.LeadId && reportRoots.Contains(c.AncestorId))));

        var reviewRoots = db.Scope.Grants.Where(g => g.Role.Allows(Permission.ReviewTasks)).Select(g => g.OrganisationId).Distinct().ToArray();
        if (reviewRoots.Length > 0)
            ToReview = await Load(db.Assignments.AsNoTracking()
                .Where(a => a.Reports.Any(r => r.Review == ReportReview.Pending) || a.Extensions.Any(e => e.Decision == ExtensionDecision.Pending))
                .Where(a => db.OrganisationClosures.Any(c => c.DescendantId == a.AssignerId && reviewRoots.Contains(c.AncestorId))));

        if (db.Scope.UserId is { } me)
            Drafts = await Load(db.Assignments.AsNoTracking().Where(a => a.State == AssignmentState.Draft && a.CreatedById == me));
    }
}
