using Microsoft.AspNetCore.Identity;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Domain.Delegations;
using Resolute.Web.Data;
using Resolute.Web.Features.Assignments;

namespace Resolute.Web.Features.Delegations;

/// <summary>
/// Sets the delegation up: its decision is registered (QĐ) and each visited unit gets its reporting task — the report
/// on the outline, by the unit's deadline, given by the deciding body (assigned when all five clears hold, else a draft
/// that lists what is missing). In one transaction.
/// </summary>
public sealed record EstablishDelegation(Guid Id, int? Version, DateOnly? On = null, string? Outline = null, bool RequireVersion = false, Guid? OutlineTemplateId = null)
{
    public async Task<Delegation> HandleAsync(ResoluteDbContext db, UserManager<User> users, IConfiguration config, CancellationToken ct)
    {
        var d = await DelegationRules.LoadAsync(db, Id, ct);
        await DelegationRules.RequireKeeperAsync(db, d, ct);
        DelegationRules.CheckVersion(d, Version, RequireVersion);
        var on = On ?? db.Today;
        if (on > db.Today) throw new DomainException("future", "Ngày quyết định không được sau hôm nay.", "on");
        // The outline the units report on: the text given, else a review outline template's sections, else the standard review outline.
        var outline = Outline;
        if (outline is null)
        {
            var sections = OutlineTemplateId is { } tid
                ? (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.OutlineTemplates, t => t.Id == tid, ct)
                    ?? throw new DomainException("template", "Không tìm thấy mẫu đề cương.", "outlineTemplateId")).Outline.Sections
                : Domain.Reviews.ReviewOutline.StandardSections;
            outline = "Đề cương báo cáo:\n" + string.Join("\n", sections.Select((x, i) => $"{i + 1}. {x.Title}"));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var decision = await DelegationRules.RegisterAsync(db, d.OrganisationId, "QĐ", on,
            $"Quyết định thành lập {d.Title}", d.Subject, ct);
        d.Establish(decision.Id);
        await db.SaveChangesAsync(ct);
        foreach (var visit in d.Visits.Where(v => v.ReportAssignmentId is null && v.ReportDeadline is not null).ToList())
        {
            var leader = await Common.Units.DefaultLeaderAsync(db, visit.UnitId, db.Today, ct);
            var input = new AssignmentInput
            {
                AssignerId = await DelegationRules.AssignerForAsync(db, d, visit.UnitId, ct),
                FollowUpId = d.OrganisationId,
                Title = $"Báo cáo phục vụ {d.Kind.VietnameseName().ToLowerInvariant()}: {d.Title}",
                Content = $"Báo cáo theo đề cương gửi kèm Quyết định {decision.Symbol}{(d.Subject is null ? "" : $" về {d.Subject}")}.\n{outline}",
                SourceDocumentId = decision.Id,
                LeadId = visit.UnitId,
                LeadLeaderId = leader,
                Deadline = visit.ReportDeadline,
                Output = "Báo cáo bằng văn bản theo đề cương",
                Indicators = [new IndicatorInput("Báo cáo theo đề cương gửi đoàn", "báo cáo", 1)],
            };
            var task = await new SaveAssignment(null, null, input, Assign: false).HandleAsync(db, users, config, ct);
            if (task.Gaps(db.Today).Count == 0) task.Assign(db.Today);
            d.ReportTasked(visit.UnitId, task.Id);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return d;
    }
}
