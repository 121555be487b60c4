using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Programmes;

/// <summary>
/// Adds an item to a programme, or changes a draft's item. An item added after approval takes the leaders' decision
/// (bổ sung) and becomes a task at once, as the approved ones did.
/// </summary>
public sealed record SaveProgrammeItem(Guid ProgrammeId, Guid? ItemId, int? Version, ItemFields Fields, string? Decision = null, string? Reason = null,
    bool RequireVersion = false)
{
    public async Task<ProgrammeItem> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var p = await ProgrammeRules.LoadAsync(db, ProgrammeId, ct);
        if (p.IsDraft) await ProgrammeRules.RequireKeeperAsync(db, p, ct);
        else await ProgrammeRules.RequireLeaderAsync(db, p, ct);
        ProgrammeRules.CheckVersion(p, Version, RequireVersion);
        var input = await ProgrammeRules.ToInputAsync(db, p, Fields, ct);
        ProgrammeItem item;
        if (ItemId is { } id)
        {
            p.UpdateItem(id, input);
            item = p.Item(id);
        }
        else
        {
            item = p.AddItem(input, Decision, Reason, db.Clock.GetUtcNow().UtcDateTime, Commands.Actor(db));
            if (!p.IsDraft)
            {
                var gaps = p.Gaps().Where(g => g.Number == item.Number).ToList();
                if (gaps.Count > 0) throw new Domain.Common.DomainException("incomplete", string.Join(" ", gaps.Select(g => g.Message)), gaps[0].Field);
                await ProgrammeTasks.CreateAsync(db, p, item, db.Today, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        return item;
    }
}

/// <summary>Takes an item out of a draft programme (the others are renumbered).</summary>
public sealed record RemoveProgrammeItem(Guid ProgrammeId, Guid ItemId, int? Version, bool RequireVersion = false)
{
    public async Task HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var p = await ProgrammeRules.LoadAsync(db, ProgrammeId, ct);
        await ProgrammeRules.RequireKeeperAsync(db, p, ct);
        ProgrammeRules.CheckVersion(p, Version, RequireVersion);
        p.RemoveItem(ItemId);
        await db.SaveChangesAsync(ct);
    }
}
