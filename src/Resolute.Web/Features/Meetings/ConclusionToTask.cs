using Microsoft.AspNetCore.Identity;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Domain.Meetings;
using Resolute.Web.Data;
using Resolute.Web.Features.Assignments;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Meetings;

/// <summary>
/// A point of the conclusions that assigns work becomes a five-clear task in one step: the committee gives it to the
/// point's lead unit (its head responsible) by the point's deadline; assigned when all five clears hold, else a draft
/// listing what is missing, as any draft does. The point keeps the task's id.
/// </summary>
public sealed record ConclusionToTask(Guid MeetingId, Guid ConclusionId, string? Output = null)
{
    public async Task<Assignment> HandleAsync(ResoluteDbContext db, UserManager<User> users, IConfiguration config, CancellationToken ct)
    {
        var m = await MeetingRules.LoadAsync(db, MeetingId, ct);
        await MeetingRules.RequireKeeperAsync(db, m, ct);
        var point = m.Conclusions.FirstOrDefault(c => c.Id == ConclusionId) ?? throw new DomainException("conclusion", "Không tìm thấy điểm kết luận.");
        var today = db.Today;
        var leader = point.LeadUnitId is { } lead ? await Units.DefaultLeaderAsync(db, lead, today, ct) : null;
        var title = point.Text.Length > Assignment.TitleMaxLength ? point.Text[..(Assignment.TitleMaxLength - 1)] + "…" : point.Text;
        var input = new AssignmentInput
        {
            AssignerId = m.OrganisationId,
            FollowUpId = m.OrganisationId,
            Title = title,
            Content = point.Text.Length > title.Length ? point.Text : null,
            SourceNote = $"Kết luận điểm {point.Number}, {m.Name} ngày {Infrastructure.VietnamTime.DateOf(m.StartsAt):dd/MM/yyyy}",
            LeadId = point.LeadUnitId,
            LeadLeaderId = leader,
            Deadline = point.Deadline,
            Output = Output ?? "Báo cáo kết quả thực hiện kết luận",
        };
        // The task and the point's record of it are saved together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var draft = await new SaveAssignment(null, null, input, Assign: false).HandleAsync(db, users, config, ct);
        if (draft.Gaps(today).Count == 0) draft.Assign(today);
        m.Tasked(point.Id, draft.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return draft;
    }
}
