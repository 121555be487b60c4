using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using static Resolute.Web.Features.Assignments.AssignmentRules;

namespace Resolute.Web.Features.Assignments;

public sealed record RequestExtension(Guid Id, DateOnly NewDeadline, string? Reason, int? Version, bool RequireVersion = false)
{
    public async Task<Extension> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await Commands.RequireAsync(db, Permission.ReportProgress, a.LeadId ?? a.AssignerId, "Chỉ đơn vị chủ trì được đề nghị gia hạn.", ct);
        CheckVersion(a, Version, RequireVersion);
        var e = a.RequestExtension(NewDeadline, Reason ?? "", db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId, Commands.Actor(db));
        await db.SaveChangesAsync(ct);
        return e;
    }
}
