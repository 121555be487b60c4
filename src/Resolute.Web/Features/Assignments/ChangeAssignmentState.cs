using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using static Resolute.Web.Features.Assignments.AssignmentRules;

namespace Resolute.Web.Features.Assignments;

public enum StateChange { Pause = 1, Resume = 2, Withdraw = 3 }

/// <summary>Pause, resume or withdraw: only by the assigning unit, and pause and withdraw only with a reason.</summary>
public sealed record ChangeAssignmentState(Guid Id, StateChange Change, string? Reason, int? Version, bool RequireVersion = false)
{
    public async Task<Assignment> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await Commands.RequireAsync(db, Permission.ReviewTasks, a.AssignerId, "Chỉ đơn vị giao nhiệm vụ được tạm dừng, tiếp tục hoặc thu hồi nhiệm vụ.", ct);
        CheckVersion(a, Version, RequireVersion);
        switch (Change)
        {
            case StateChange.Pause: a.Pause(Reason ?? ""); break;
            case StateChange.Resume: a.Resume(Reason); break;
            case StateChange.Withdraw: a.Withdraw(Reason ?? ""); break;
        }
        await db.SaveChangesAsync(ct);
        return a;
    }
}
