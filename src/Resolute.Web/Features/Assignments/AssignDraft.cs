using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using static Resolute.Web.Features.Assignments.AssignmentRules;

namespace Resolute.Web.Features.Assignments;

/// <summary>Assigns a complete draft (the five-clear check says what is missing otherwise).</summary>
public sealed record AssignDraft(Guid Id, int? Version, bool RequireVersion = false)
{
    public async Task<Assignment> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await Commands.RequireAsync(db, Permission.AssignTasks, a.AssignerId, "Chỉ văn phòng của đơn vị giao nhiệm vụ được giao nhiệm vụ.", ct);
        CheckVersion(a, Version, RequireVersion);
        a.Assign(db.Today);
        await db.SaveChangesAsync(ct);
        return a;
    }
}
