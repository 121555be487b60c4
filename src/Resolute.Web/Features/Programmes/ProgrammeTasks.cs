using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Programmes;

/// <summary>
/// Items become tasks (RULES.md §10): the preparing unit leads, due at the end of the item's month, so reminders,
/// dashboards and reports treat it like any task; the item's later states carry over to its task.
/// </summary>
public static class ProgrammeTasks
{
    /// <summary>The item's task, assigned on <paramref name="assignedOn"/> (the day the programme was approved, or the item added).</summary>
    public static async Task CreateAsync(ResoluteDbContext db, WorkProgramme p, ProgrammeItem i, DateOnly assignedOn, CancellationToken ct)
    {
        if (i.AssignmentId is not null || i.State == ProgrammeItemState.Withdrawn || i.PreparingUnitId is not { } unit || i.Deadline is not { } deadline) return;
        var today = assignedOn;
        var leader = await Units.DefaultLeaderAsync(db, unit, today, ct);
        var forum = i.Forum?.VietnameseName() ?? p.Body.VietnameseName();
        var title = i.IsSecret
            ? $"Nội dung mật số {i.Number} trình {forum} ({ProgrammeNames.DueName(i.DueMonthInForce!.Value, i.ByQuarter)})"
            : $"Chuẩn bị, trình {forum}: {i.Content}";
        if (title.Length > Assignment.TitleMaxLength) title = title[..(Assignment.TitleMaxLength - 1)] + "…";
        var task = Assignment.ForProgrammeItem(p.OrganisationId, unit, leader, i.CoordinatorIds, title, p.DocumentId,
            $"Mục {i.Number} {(p.Kind == ProgrammeKind.FullTerm ? "chương trình toàn khóa" : "chương trình năm " + p.FromYear)}",
            $"Nội dung trình {forum} {ProgrammeNames.DueName(i.DueMonthInForce!.Value, i.ByQuarter)}", deadline, i.Secrecy, today,
            db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId);
        db.Assignments.Add(task);
        p.LinkTask(i.Id, task.Id);
    }

    /// <summary>The item's new state, carried to its task: a postponement as an extension decided at once, a withdrawal, a submission as completion.</summary>
    public static async Task FollowAsync(ResoluteDbContext db, ProgrammeItem i, string? reason, string? decision, CancellationToken ct)
    {
        if (i.AssignmentId is not { } id) return;
        var task = await db.Assignments.IgnoreQueryFilters().Include(a => a.Extensions).Include(a => a.Reports).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (task is null || task.State != AssignmentState.Assigned || task.CompletedOn is not null) return;
        var at = db.Clock.GetUtcNow().UtcDateTime;
        var actor = Commands.Actor(db);
        switch (i.State)
        {
            case ProgrammeItemState.Postponed when i.Deadline is { } d && d > task.DeadlineInForce:
                var e = task.RequestExtension(d, reason ?? "Xin lùi", at, db.Scope.UserId, actor);
                task.DecideExtension(e.Id, true, decision, at, actor);
                break;
            case ProgrammeItemState.Withdrawn:
                task.Withdraw(reason ?? "Rút khỏi chương trình công tác");
                break;
            case ProgrammeItemState.Submitted:
                var r = task.Report(task.IsSecret ? null : $"Đã trình ngày {i.SubmittedOn:dd/MM/yyyy}", 100, true, [], at, db.Scope.UserId, actor,
                    i.SubmittedOn ?? db.Today, ReportingCalendar.Default);
                task.Accept(r.Id, "Ghi nhận đã trình theo chương trình công tác", at, actor);
                break;
        }
    }
}
