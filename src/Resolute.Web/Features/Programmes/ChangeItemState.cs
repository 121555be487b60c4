using Resolute.Domain.Common;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Programmes;

/// <summary>
/// An item's state after approval: <c>submitted</c> (the office records the day it was brought to the forum),
/// <c>postponed</c> to a later month or <c>withdrawn</c> (both by the leaders' decision, with the reason). Its task follows.
/// </summary>
public sealed record ChangeItemState(Guid ProgrammeId, Guid ItemId, int? Version, string? Change, DateOnly? On, DateOnly? NewMonth,
    string? Reason, string? Decision, bool RequireVersion = false)
{
    public async Task<ProgrammeItem> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var p = await ProgrammeRules.LoadAsync(db, ProgrammeId, ct);
        var at = db.Clock.GetUtcNow().UtcDateTime;
        var actor = Commands.Actor(db);
        switch (Change?.Trim().ToLowerInvariant())
        {
            case "submitted":
                await ProgrammeRules.RequireKeeperAsync(db, p, ct);
                ProgrammeRules.CheckVersion(p, Version, RequireVersion);
                p.MarkSubmitted(ItemId, On ?? db.Today, db.Today, at, actor);
                break;
            case "postponed":
                await ProgrammeRules.RequireLeaderAsync(db, p, ct);
                ProgrammeRules.CheckVersion(p, Version, RequireVersion);
                p.Postpone(ItemId, NewMonth ?? throw new DomainException("required", "Cần chọn tháng mới.", "newMonth"), Reason, Decision, at, actor);
                break;
            case "withdrawn":
                await ProgrammeRules.RequireLeaderAsync(db, p, ct);
                ProgrammeRules.CheckVersion(p, Version, RequireVersion);
                p.Withdraw(ItemId, Reason, Decision, at, actor);
                break;
            default:
                throw new DomainException("change", "Thay đổi phải là submitted (đã trình), postponed (xin lùi) hoặc withdrawn (rút).", "change");
        }
        var item = p.Item(ItemId);
        await ProgrammeTasks.FollowAsync(db, item, Reason, Decision, ct);
        await db.SaveChangesAsync(ct);
        return item;
    }
}
