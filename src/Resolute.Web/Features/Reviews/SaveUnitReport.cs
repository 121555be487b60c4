using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Assignments;
using Resolute.Web.Features.Common;
using Resolute.Web.Features.Notifications;

namespace Resolute.Web.Features.Reviews;

/// <summary>One item as the report form and the API send it; an id keeps an existing item.</summary>
public sealed record ItemInput(Guid? Id, string? SectionKey, string? Text);

public sealed record FigureInput(string? Key, decimal? Value, string? Note);

/// <summary>A unit saves its report as a draft, or submits it (the reporting task then proposes its completion).</summary>
public sealed record SaveUnitReport(Guid ReportId, int? Version, IReadOnlyList<ItemInput> Items, IReadOnlyList<FigureInput> Figures, bool Submit, bool RequireVersion = false)
{
    public async Task<UnitReport> HandleAsync(ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var (c, r) = await ReviewRules.LoadReportAsync(db, ReportId, ct);
        await Commands.RequireAsync(db, Permission.ReportProgress, r.UnitId, "Chỉ văn phòng hoặc cán bộ báo cáo của đơn vị được soạn báo cáo này.", ct);
        ReviewRules.CheckVersion(r.Version, Version, RequireVersion);
        if (c.State != CampaignState.Sent) throw new DomainException("not-open", "Đợt sơ kết, tổng kết không ở giai đoạn nhận báo cáo.");
        r.SaveDraft(c.Outline, Items.Select(i => (i.Id, i.SectionKey ?? "", i.Text ?? "")), Figures.Where(f => f.Key is not null).Select(f => (f.Key!, f.Value, f.Note)));
        if (Submit)
        {
            var today = db.Today;
            r.Submit(today, Commands.Actor(db));
            if (r.AssignmentId is { } aid && await db.Assignments.Whole().IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == aid, ct) is { IsOpen: true } task)
            {
                var p = task.Report($"Đã gửi báo cáo {ReviewRules.KindName(c.Kind).ToLowerInvariant()} ({r.Items.Count} mục).", 100, true, [],
                    db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId, Commands.Actor(db), today, Commands.Calendar(config));
                r.ProgressReportId = p.Id;
            }
            var owners = await db.Users.Where(u => !u.IsDisabled && db.RoleGrants.Any(g => g.UserId == u.Id && g.OrganisationId == c.OwnerId
                    && (g.Role == ScopeRole.Office || g.Role == ScopeRole.Leader)))
                .Select(u => new Reminders.Recipient(u.Id, u.Email)).ToListAsync(ct);
            var unit = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == r.UnitId).Select(o => o.ShortName).FirstAsync(ct);
            SaveCampaign.Notify(db, c, owners.Select(o => (r.Id, o)), $"{unit} đã gửi báo cáo {ReviewRules.KindName(c.Kind).ToLowerInvariant()}: {c.Title}", "review-submitted");
        }
        await db.SaveChangesAsync(ct);
        return r;
    }
}
