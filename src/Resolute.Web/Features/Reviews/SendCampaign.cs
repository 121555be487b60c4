using Resolute.Domain.Access;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Reviews;

/// <summary>Sends a draft campaign's outline: every unit gets the task of reporting by the deadline, and a notification.</summary>
public sealed record SendCampaign(Guid Id, int? Version)
{
    public async Task<ReviewCampaign> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, Id, ct);
        await Commands.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được gửi đề cương.", ct);
        ReviewRules.CheckVersion(c.Version, Version);
        await SendAsync(db, c, ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    internal static async Task SendAsync(ResoluteDbContext db, ReviewCampaign c, CancellationToken ct)
    {
        c.Send(db.Today);
        foreach (var r in c.Reports) await ReviewRules.StartReportAsync(db, c, r, ct);
        SaveCampaign.Notify(db, c, await SaveCampaign.RecipientsAsync(db, c.Reports, ct),
            $"{ReviewRules.KindName(c.Kind)}: {c.Title} — hạn gửi báo cáo {c.Deadline:dd/MM/yyyy}");
    }
}
