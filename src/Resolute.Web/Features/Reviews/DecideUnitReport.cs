using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Assignments;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Reviews;

/// <summary>The reviewing unit accepts a submitted report, or returns it with comments; the reporting task follows.</summary>
public sealed record DecideUnitReport(Guid ReportId, bool Accept, string? Comment, int? Version = null, bool RequireVersion = false)
{
    public async Task<UnitReport> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var (c, r) = await ReviewRules.LoadReportAsync(db, ReportId, ct);
        await Commands.RequireAsync(db, Permission.ReviewTasks, c.OwnerId, "Chỉ đơn vị chủ trì sơ kết, tổng kết được chấp nhận hoặc trả lại báo cáo.", ct);
        ReviewRules.CheckVersion(r.Version, Version, RequireVersion);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var by = Commands.Actor(db);
        if (Accept) c.Accept(r.Id, now, by);
        else c.Return(r.Id, Comment, now, by);
        if (r.AssignmentId is { } aid && r.ProgressReportId is { } pid
            && await db.Assignments.Whole().IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == aid, ct) is { } task
            && task.Reports.Any(p => p.Id == pid && p.Review == ReportReview.Pending))
        {
            if (Accept) task.Accept(pid, Comment, now, by);
            else task.Return(pid, Comment, now, by);
        }
        r.ProgressReportId = null;
        SaveCampaign.Notify(db, c, await SaveCampaign.RecipientsAsync(db, [r], ct),
            Accept ? $"Báo cáo của đơn vị đã được chấp nhận: {c.Title}" : $"Báo cáo bị trả lại: {c.Title} — {r.ReturnComment}", "review-decided");
        await db.SaveChangesAsync(ct);
        return r;
    }
}
