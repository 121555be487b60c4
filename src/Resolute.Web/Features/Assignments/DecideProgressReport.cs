using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using static Resolute.Web.Features.Assignments.AssignmentRules;

namespace Resolute.Web.Features.Assignments;

/// <summary>The assigning unit accepts a progress report (a proposed completion then completes the task) or returns it with a comment.</summary>
public sealed record DecideProgressReport(Guid Id, Guid ReportId, bool Accept, string? Comment, int? Version, bool RequireVersion = false)
{
    public async Task<Assignment> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await Commands.RequireAsync(db, Permission.ReviewTasks, a.AssignerId, "Chỉ đơn vị giao nhiệm vụ được xem xét báo cáo tiến độ.", ct);
        CheckVersion(a, Version, RequireVersion);
        var at = db.Clock.GetUtcNow().UtcDateTime;
        if (Accept) a.Accept(ReportId, Comment, at, Commands.Actor(db));
        else a.Return(ReportId, Comment, at, Commands.Actor(db));
        await db.SaveChangesAsync(ct);
        return a;
    }
}
