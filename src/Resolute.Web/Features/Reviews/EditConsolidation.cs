using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Reviews;

/// <summary>One change to the consolidated report: add, change, remove or move an item.</summary>
public sealed record EditConsolidation(Guid CampaignId, int? Version, string Op, Guid? ItemId, string? SectionKey, string? Text, IReadOnlyList<Guid>? SourceItemIds)
{
    public async Task<ReviewCampaign> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, CampaignId, ct);
        await Commands.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được tổng hợp báo cáo.", ct);
        ReviewRules.CheckVersion(c.Version, Version);
        var sources = SourceItemIds ?? [];
        Guid Item() => ItemId ?? throw new DomainException("required", "Cần chọn mục.", "itemId");
        switch (Op)
        {
            case "add": c.AddItem(SectionKey ?? "", Text ?? "", sources); break;
            case "update": c.UpdateItem(Item(), Text ?? "", sources); break;
            case "remove": c.RemoveItem(Item()); break;
            case "up": c.MoveItem(Item(), -1); break;
            case "down": c.MoveItem(Item(), 1); break;
            default: throw new DomainException("op", "Thao tác không hợp lệ.", "op");
        }
        await db.SaveChangesAsync(ct);
        return c;
    }
}
