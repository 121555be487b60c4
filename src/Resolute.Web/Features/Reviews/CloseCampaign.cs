using Resolute.Domain.Access;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Reviews;

/// <summary>Ends a campaign: the consolidated report is final and units' reports no longer change.</summary>
public sealed record CloseCampaign(Guid Id, int? Version)
{
    public async Task<ReviewCampaign> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, Id, ct);
        await Commands.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được kết thúc đợt.", ct);
        ReviewRules.CheckVersion(c.Version, Version);
        c.Close();
        await db.SaveChangesAsync(ct);
        return c;
    }
}
