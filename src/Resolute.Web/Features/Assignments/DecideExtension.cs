using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using static Resolute.Web.Features.Assignments.AssignmentRules;

namespace Resolute.Web.Features.Assignments;

public sealed record DecideExtension(Guid Id, Guid ExtensionId, bool Approve, string? Note, int? Version, bool RequireVersion = false)
{
    public async Task<Assignment> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await Commands.RequireAsync(db, Permission.ReviewTasks, a.AssignerId, "Chỉ đơn vị giao nhiệm vụ được phê duyệt gia hạn.", ct);
        CheckVersion(a, Version, RequireVersion);
        a.DecideExtension(ExtensionId, Approve, Note, db.Clock.GetUtcNow().UtcDateTime, Commands.Actor(db));
        await db.SaveChangesAsync(ct);
        return a;
    }
}
