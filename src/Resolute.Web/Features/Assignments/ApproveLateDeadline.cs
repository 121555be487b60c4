using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using static Resolute.Web.Features.Assignments.AssignmentRules;

namespace Resolute.Web.Features.Assignments;

/// <summary>The parent's assigner agrees that a cascaded task may end later than its parent.</summary>
public sealed record ApproveLateDeadline(Guid Id)
{
    public async Task<Assignment> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        var parent = a.ParentId is { } pid ? await db.Assignments.IgnoreQueryFilters().FirstAsync(p => p.Id == pid, ct) : null;
        if (parent is null || a.LateDeadlineApproved) throw new DomainException("nothing-to-approve", "Nhiệm vụ này không cần phê duyệt thời hạn.");
        await Commands.RequireAsync(db, Permission.ReviewTasks, parent.AssignerId, "Chỉ đơn vị giao nhiệm vụ cấp trên được đồng ý thời hạn muộn hơn.", ct);
        a.ApproveLateDeadline();
        await db.SaveChangesAsync(ct);
        return a;
    }
}
