using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Reviews;

/// <summary>Reminds at once every unit that has not yet submitted (the reminder job does the same by the deadline).</summary>
public sealed record RemindUnits(Guid CampaignId)
{
    public async Task<int> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, CampaignId, ct);
        await Commands.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được đôn đốc các đơn vị.", ct);
        if (c.State != CampaignState.Sent) throw new DomainException("not-open", "Đợt sơ kết, tổng kết không ở giai đoạn nhận báo cáo.");
        var today = db.Today;
        var waiting = c.Reports.Where(r => r.IsEditable).ToList();
        if (waiting.Count == 0) throw new DomainException("nothing-to-remind", "Các đơn vị đều đã gửi báo cáo.");
        var to = await SaveCampaign.RecipientsAsync(db, waiting, ct);
        var late = today > c.Deadline ? $"đã quá hạn {today.DayNumber - c.Deadline.DayNumber} ngày" : $"hạn {c.Deadline:dd/MM/yyyy}";
        SaveCampaign.Notify(db, c, to, $"Đôn đốc gửi báo cáo {ReviewRules.KindName(c.Kind).ToLowerInvariant()} ({late}): {c.Title}", "review-reminder");
        db.RecordEvent("remind", nameof(ReviewCampaign), c.Id.ToString(), details: new { units = waiting.Select(r => r.UnitId), notified = to.Count });
        await db.SaveChangesAsync(ct);
        return waiting.Count;
    }
}
