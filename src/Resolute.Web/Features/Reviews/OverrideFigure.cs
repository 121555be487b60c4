using Resolute.Domain.Access;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Reviews;

/// <summary>The office replaces a figure (one unit's, or the total) with a value it vouches for, saying why; no value removes the override.</summary>
public sealed record OverrideFigure(Guid CampaignId, string Key, Guid? UnitId, decimal? Value, string? Reason)
{
    public async Task<ReviewCampaign> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, CampaignId, ct);
        await Commands.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được điều chỉnh số liệu.", ct);
        c.Override(Key, UnitId, Value, Reason, db.Clock.GetUtcNow().UtcDateTime, Commands.Actor(db));
        await db.SaveChangesAsync(ct);
        return c;
    }
}
