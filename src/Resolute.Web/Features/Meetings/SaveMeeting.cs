using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Domain.Meetings;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Meetings;

public record MeetingFields
{
    public Guid? OrganisationId { get; init; }
    public string? OrganisationCode { get; init; }
    public ProgrammeForum? Forum { get; init; }
    public MeetingKind Kind { get; init; } = MeetingKind.Regular;
    public int? Number { get; init; }
    public string? Title { get; init; }
    /// <summary>When it starts, in Vietnam's time.</summary>
    public DateTime? StartsAt { get; init; }
    public string? Place { get; init; }
    public Guid? ChairId { get; init; }
    public Secrecy Secrecy { get; init; }
}

/// <summary>Calls a meeting (its forum's members invited, counted for the quorum), or changes a meeting not yet held.</summary>
public sealed record SaveMeeting(Guid? Id, int? Version, MeetingFields Fields, bool RequireVersion = false)
{
    public async Task<Meeting> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var f = Fields;
        if (f.Forum is null) throw new DomainException("required", "Cần chọn hội nghị, phiên họp của Ban Chấp hành, Ban Thường vụ hoặc Thường trực.", "forum");
        if (f.StartsAt is null) throw new DomainException("required", "Cần nhập thời gian họp.", "startsAt");
        var startsUtc = DateTime.SpecifyKind(f.StartsAt.Value - VietnamTime.Offset, DateTimeKind.Utc);
        Meeting m;
        if (Id is { } id)
        {
            m = await MeetingRules.LoadAsync(db, id, ct);
            await MeetingRules.RequireKeeperAsync(db, m, ct);
            MeetingRules.CheckVersion(m, Version, RequireVersion);
            m.Describe(f.Forum.Value, f.Kind, f.Number, f.Title, startsUtc, f.Place, f.ChairId, f.Secrecy);
        }
        else
        {
            if (!db.Scope.HasAny(Permission.AssignTasks)) throw new ForbiddenException("Chỉ văn phòng của cấp ủy được chuẩn bị cuộc họp.");
            var committee = await Units.FindAsync(db, f.OrganisationId, f.OrganisationCode, "organisationId", "cấp ủy", ct)
                ?? throw new DomainException("required", "Cần chọn cấp ủy của cuộc họp.", "organisationId");
            await Commands.RequireAsync(db, Permission.AssignTasks, committee.Id, "Chỉ văn phòng của cấp ủy được chuẩn bị cuộc họp của cấp ủy đó.", ct);
            m = new Meeting(committee.Id, f.Forum.Value, f.Kind, f.Number, f.Title, startsUtc, f.Place, f.ChairId, f.Secrecy,
                db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId);
            foreach (var person in await MeetingRules.MembersAsync(db, committee.Id, f.Forum.Value, DateOnly.FromDateTime(f.StartsAt.Value), ct))
                m.Invite(person, AttendeeRole.Member);
            db.Meetings.Add(m);
        }
        if (m.ChairId is { } chair)
        {
            // The chair is the secretary or a deputy secretary (RULES.md §11): a leader of the committee on the day.
            var on = DateOnly.FromDateTime(f.StartsAt.Value);
            if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
                    db.Positions.IgnoreQueryFilters().Where(Units.MayLead(db, m.OrganisationId, on)), p => p.PersonId == chair && p.IsLeader, ct))
                throw new DomainException("chair", "Người chủ trì phải là lãnh đạo của cấp ủy vào ngày họp.", "chairId");
            if (m.Attendance.All(a => a.PersonId != chair)) m.Invite(chair, AttendeeRole.Member);
        }
        await db.SaveChangesAsync(ct);
        return m;
    }
}
