using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Domain.Organisations;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Reviews;

/// <summary>Loading through the scope, the permission checks and saving without lost updates, for every review command.</summary>
public static class ReviewRules
{
    public static IQueryable<ReviewCampaign> Whole(this IQueryable<ReviewCampaign> campaigns) => campaigns
        .Include(c => c.Items).Include(c => c.Overrides)
        .Include(c => c.Reports).ThenInclude(r => r.Items)
        .Include(c => c.Reports).ThenInclude(r => r.Figures)
        .AsSplitQuery();

    /// <summary>
    /// A campaign with its reports, through the scope filter (404 when outside it). Reports the caller may not see (a
    /// sibling unit's) are left out by their own filter.
    /// </summary>
    public static async Task<ReviewCampaign> LoadAsync(ResoluteDbContext db, Guid id, CancellationToken ct) =>
        await db.ReviewCampaigns.Whole().FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException("Không tìm thấy đợt sơ kết, tổng kết, hoặc bạn không có quyền xem.");

    /// <summary>The campaign of a unit's report, with that report (404 when the caller may not see the report).</summary>
    public static async Task<(ReviewCampaign Campaign, UnitReport Report)> LoadReportAsync(ResoluteDbContext db, Guid reportId, CancellationToken ct)
    {
        var campaignId = await db.UnitReports.Where(r => r.Id == reportId).Select(r => (Guid?)r.CampaignId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Không tìm thấy báo cáo của đơn vị, hoặc bạn không có quyền xem.");
        var c = await LoadAsync(db, campaignId, ct);
        return (c, c.Reports.First(r => r.Id == reportId));
    }

    public static void CheckVersion(int actual, int? expected, bool required = false) => Versions.Check(actual, expected, required);

    /// <summary>A unit the campaign may ask to report: a current unit strictly below the reviewing unit.</summary>
    public static async Task<Organisation> RecipientAsync(ResoluteDbContext db, Guid ownerId, Guid? id, string? code, CancellationToken ct)
    {
        var unit = await Units.FindAsync(db, id, code, "recipients", "đơn vị báo cáo", ct)
            ?? throw new DomainException("required", "Cần chọn đơn vị báo cáo.", "recipients");
        if (unit.Id == ownerId || !await Units.IsWithinAsync(db, unit.Id, ownerId, ct))
            throw new DomainException("recipient-outside", $"{unit.ShortName} không phải đơn vị cấp dưới của đơn vị chủ trì sơ kết, tổng kết.", "recipients");
        return unit;
    }

    /// <summary>Gives a unit the task of writing its report (reminded like any task), when the campaign has been sent.</summary>
    public static async Task StartReportAsync(ResoluteDbContext db, ReviewCampaign c, UnitReport r, CancellationToken ct)
    {
        if (c.State != CampaignState.Sent || r.AssignmentId is not null) return;
        var today = db.Today;
        var leader = await Units.DefaultLeaderAsync(db, r.UnitId, today, ct);
        var task = Assignment.ForReviewReport(c.OwnerId, r.UnitId, leader, $"Báo cáo {KindName(c.Kind).ToLowerInvariant()}: {c.Title}",
            $"Đề cương {KindName(c.Kind).ToLowerInvariant()} \"{c.Title}\" (/Reviews/Report/{r.Id})", c.Deadline, today,
            db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId);
        db.Assignments.Add(task);
        r.AssignmentId = task.Id;
    }

    public static string KindName(ReviewKind kind) => kind == ReviewKind.Final ? "Tổng kết" : "Sơ kết";


}
