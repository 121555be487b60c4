using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Reviews;

/// <summary>Saves a campaign's outline as a template under a name, for the next review.</summary>
public sealed record SaveTemplate(Guid CampaignId, string? Name)
{
    public async Task<OutlineTemplate> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, CampaignId, ct);
        await Commands.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được lưu mẫu đề cương.", ct);
        var name = Input.Clean(Name, 300, "Tên mẫu đề cương", "name") ?? throw new DomainException("required", "Cần đặt tên mẫu đề cương.", "name");
        if (await db.OutlineTemplates.AnyAsync(t => t.OwnerId == c.OwnerId && t.Name == name, ct))
            throw new DomainException("template-duplicate", $"Đã có mẫu đề cương tên \"{name}\".", "name");
        var t = new OutlineTemplate { OwnerId = c.OwnerId, Name = name, Outline = c.Outline, CreatedAt = db.Clock.GetUtcNow().UtcDateTime };
        db.OutlineTemplates.Add(t);
        await db.SaveChangesAsync(ct);
        return t;
    }
}
