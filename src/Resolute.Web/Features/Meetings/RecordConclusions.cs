using Resolute.Domain.Meetings;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Meetings;

/// <summary>Writes the minutes and adds a numbered point of the conclusions (under an agenda item; a point that assigns work names its lead unit and deadline).</summary>
public sealed record AddConclusion(Guid MeetingId, int? Version, Guid? AgendaItemId, string? Text, string? LeadUnitCode, DateOnly? Deadline,
    bool RequireVersion = false)
{
    public async Task<Conclusion> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var m = await MeetingRules.LoadAsync(db, MeetingId, ct);
        await MeetingRules.RequireKeeperAsync(db, m, ct);
        MeetingRules.CheckVersion(m, Version, RequireVersion);
        var lead = await Units.FindAsync(db, null, LeadUnitCode, "leadUnitId", "đơn vị chủ trì", ct);
        var point = m.Conclude(AgendaItemId, Text ?? "", lead?.Id, Deadline);
        await db.SaveChangesAsync(ct);
        return point;
    }
}

public sealed record WriteMinutes(Guid MeetingId, int? Version, string? Minutes, bool RequireVersion = false)
{
    public async Task<Meeting> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var m = await MeetingRules.LoadAsync(db, MeetingId, ct);
        await MeetingRules.RequireKeeperAsync(db, m, ct);
        MeetingRules.CheckVersion(m, Version, RequireVersion);
        m.WriteMinutes(Minutes);
        await db.SaveChangesAsync(ct);
        return m;
    }
}
