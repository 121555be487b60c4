using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using static Resolute.Web.Features.Assignments.AssignmentRules;

namespace Resolute.Web.Features.Assignments;

/// <summary>The lead unit reports progress: a narrative, percent complete, indicator actuals; it may propose completion.</summary>
public sealed record ReportProgress(Guid Id, int? Version, string? Narrative, int Percent, bool ProposesCompletion,
    IReadOnlyList<(Guid IndicatorId, decimal Value)>? Actuals, bool RequireVersion = false)
{
    public async Task<ProgressReport> HandleAsync(ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await Commands.RequireAsync(db, Permission.ReportProgress, a.LeadId ?? a.AssignerId, "Chỉ đơn vị chủ trì được báo cáo tiến độ nhiệm vụ.", ct);
        CheckVersion(a, Version, RequireVersion);
        var report = a.Report(Narrative, Percent, ProposesCompletion, Actuals ?? [], db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId,
            Commands.Actor(db), db.Today, Commands.Calendar(config));
        await db.SaveChangesAsync(ct);
        return report;
    }
}
