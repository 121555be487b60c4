using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using static Resolute.Web.Features.Assignments.AssignmentRules;

namespace Resolute.Web.Features.Assignments;

/// <summary>One unit a task is cascaded to, with its own leader and deadline when they differ from the defaults.</summary>
public sealed record CascadeTarget(Guid? UnitId, string? UnitCode, Guid? LeaderId, DateOnly? Deadline);

/// <summary>
/// The lead unit breaks its task down into tasks for its own subordinate units (the city's task becomes each ward's
/// task). Each child is assigned when its five clears hold and left a draft, saying why, when they do not. A child's
/// deadline may be later than the parent's only with the agreement of the parent's assigner.
/// </summary>
public sealed record CascadeAssignment(Guid ParentId, IReadOnlyList<CascadeTarget> Targets, string? Title, string? Content)
{
    public sealed record Child(Assignment Assignment, IReadOnlyList<FiveClear.Gap> Gaps);

    public async Task<IReadOnlyList<Child>> HandleAsync(ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var today = db.Today;
        var parent = await LoadAsync(db, ParentId, ct);
        if (parent.LeadId is not { } lead || !parent.IsOpen)
            throw new DomainException("parent-not-open", "Chỉ giao tiếp nhiệm vụ đang thực hiện.");
        await Commands.RequireAsync(db, Permission.AssignTasks, lead, "Chỉ văn phòng của đơn vị chủ trì được giao tiếp nhiệm vụ cho đơn vị cấp dưới.", ct);
        if (Targets.Count == 0) throw new DomainException("required", "Cần chọn ít nhất một đơn vị cấp dưới.", "targets");
        // The parent's assigner agrees to later deadlines by cascading itself (it holds the right over the parent's assigner).
        var assignerAgrees = await db.Scope.CanAsync(db, Permission.AssignTasks, parent.AssignerId, ct);
        var calendar = Commands.Calendar(config);
        var children = new List<Child>();
        var seen = new HashSet<Guid>();
        foreach (var t in Targets)
        {
            var unit = await Units.FindAsync(db, t.UnitId, t.UnitCode, "targets", "đơn vị cấp dưới", ct)
                ?? throw new DomainException("required", "Cần chọn đơn vị cấp dưới.", "targets");
            if (unit.Id == lead || !await Units.IsWithinAsync(db, unit.Id, lead, ct))
                throw new DomainException("not-subordinate", $"{unit.ShortName} không phải đơn vị cấp dưới của đơn vị chủ trì.", "targets");
            if (!seen.Add(unit.Id)) throw new DomainException("duplicate", $"{unit.ShortName} được chọn hai lần.", "targets");
            var leader = t.LeaderId ?? await Units.DefaultLeaderAsync(db, unit.Id, today, ct);
            await Units.CheckLeaderAsync(db, leader, unit.Id, today, ct);
            var child = new Assignment(lead, "", db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId);
            db.Assignments.Add(child);
            child.Describe(parent.Secrecy == Secrecy.TopSecret ? "" : Title ?? parent.Title, Content ?? parent.Content, parent.SourceDocumentId,
                parent.SourceClause, parent.SourceNote, parent.Output, parent.Secrecy);
            child.SetPeople(unit.Id, leader, lead, []);
            var deadline = t.Deadline ?? parent.DeadlineInForce;
            child.SetSchedule(deadline, parent.Recurrence, calendar, today);
            child.SetMilestones(parent.Milestones.Where(m => deadline is null || m.DueOn <= deadline).Select(m => (m.Title, m.DueOn)));
            child.SetIndicators(parent.Indicators.Select(x => (x.Name, x.Unit, x.Target)));
            child.CascadeFrom(parent, assignerAgrees);
            if (parent.IsSecret)
                db.AssignmentNeedToKnow.AddRange((await db.AssignmentNeedToKnow.Where(n => n.AssignmentId == parent.Id).Select(n => n.UserId).ToListAsync(ct))
                    .Select(u => new AssignmentNeedToKnow(child.Id, u)));
            var gaps = child.Gaps(today);
            if (gaps.Count == 0) child.Assign(today);
            children.Add(new Child(child, gaps));
        }
        await db.SaveChangesAsync(ct);
        return children;
    }
}
