using Microsoft.AspNetCore.Identity;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Features.Assignments;

namespace Resolute.Web.Features.Delegations;

/// <summary>
/// A recommendation becomes a five-clear task of the visited unit, given and followed up by the deciding body: it is
/// done only when that body accepts the unit's report of completion (the task's review), as for any task.
/// </summary>
public sealed record RecommendationToTask(Guid Id, Guid ConclusionId, Guid RecommendationId, string? Output = null)
{
    public async Task<Assignment> HandleAsync(ResoluteDbContext db, UserManager<User> users, IConfiguration config, CancellationToken ct)
    {
        var d = await DelegationRules.LoadAsync(db, Id, ct);
        await DelegationRules.RequireKeeperAsync(db, d, ct);
        var c = d.Conclusions.First(x => x.Id == ConclusionId);
        var r = d.RecommendationOf(ConclusionId, RecommendationId);
        if (r.AssignmentId is not null) throw new DomainException("tasked", $"Kiến nghị {r.Number} đã được giao thành nhiệm vụ.");
        var leader = await Common.Units.DefaultLeaderAsync(db, c.UnitId, db.Today, ct);
        var title = r.Text.Length > Assignment.TitleMaxLength ? r.Text[..(Assignment.TitleMaxLength - 1)] + "…" : r.Text;
        var input = new AssignmentInput
        {
            AssignerId = await DelegationRules.AssignerForAsync(db, d, c.UnitId, ct),
            FollowUpId = d.OrganisationId,
            Title = title,
            Content = r.Text.Length > title.Length ? r.Text : null,
            SourceDocumentId = c.DocumentId,
            SourceNote = $"Kiến nghị {r.Number}, {d.Title}",
            LeadId = c.UnitId,
            LeadLeaderId = leader,
            Deadline = r.Deadline,
            Output = Output ?? "Báo cáo kết quả thực hiện kiến nghị",
            // The measure of a recommendation: carried out in full, as the deciding body judges when it accepts the report.
            Indicators = [new IndicatorInput("Mức độ thực hiện kiến nghị", "%", 100)],
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var task = await new SaveAssignment(null, null, input, Assign: false).HandleAsync(db, users, config, ct);
        if (task.Gaps(db.Today).Count == 0) task.Assign(db.Today);
        d.RecommendationTasked(ConclusionId, RecommendationId, task.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return task;
    }
}
