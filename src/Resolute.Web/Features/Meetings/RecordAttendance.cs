using Resolute.Domain.Common;
using Resolute.Domain.Meetings;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Meetings;

public sealed record PresenceInput(Guid PersonId, Presence Presence, string? Reason);

/// <summary>
/// Records attendance (and invites more: guests, or members the list missed); with <see cref="Held"/> the meeting is
/// recorded as held, which needs the quorum of RULES.md §11.
/// </summary>
public sealed record RecordAttendance(Guid MeetingId, int? Version, IReadOnlyList<PresenceInput> Presence, IReadOnlyList<Guid>? InviteMembers,
    IReadOnlyList<Guid>? InviteGuests, bool Held, bool RequireVersion = false)
{
    public async Task<Meeting> HandleAsync(ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var m = await MeetingRules.LoadAsync(db, MeetingId, ct);
        await MeetingRules.RequireKeeperAsync(db, m, ct);
        MeetingRules.CheckVersion(m, Version, RequireVersion);
        foreach (var p in InviteMembers ?? []) await InviteAsync(p, AttendeeRole.Member);
        foreach (var p in InviteGuests ?? []) await InviteAsync(p, AttendeeRole.Invited);
        foreach (var p in Presence) m.Record(p.PersonId, p.Presence, p.Reason);
        if (Held) m.Hold(MeetingRules.Quorum(config, m.Forum));
        await db.SaveChangesAsync(ct);
        return m;

        async Task InviteAsync(Guid person, AttendeeRole role)
        {
            if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.People, x => x.Id == person, ct))
                throw new DomainException("person", "Không tìm thấy cán bộ trong phạm vi của bạn.", "attendance");
            m.Invite(person, role);
        }
    }
}
