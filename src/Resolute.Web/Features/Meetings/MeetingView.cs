using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Meetings;
using Resolute.Domain.Organisations;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Meetings;

/// <summary>A meeting with the names it refers to, its quorum, its points' tasks and what the caller may do.</summary>
public sealed class MeetingView
{
    public required Meeting Meeting { get; init; }
    public required Organisation Committee { get; init; }
    public Organisation? CommitteeParent { get; init; }
    public required Quorum Quorum { get; init; }
    public required IReadOnlyList<Person> People { get; init; }
    public required IReadOnlyList<Agenda> Items { get; init; }
    public required IReadOnlyList<Point> Points { get; init; }
    public required IReadOnlyList<ProgrammeItem> Due { get; init; }
    public string? ChairName { get; init; }
    /// <summary>Attendees who have another meeting within three hours of this one's start.</summary>
    public required IReadOnlyList<Conflict> Conflicts { get; init; }
    public string? NoticeSymbol { get; init; }
    /// <summary>The minutes kept as files (signed, scanned).</summary>
    public IReadOnlyList<StoredFile> MinutesFiles { get; init; } = [];
    public bool CanKeep { get; init; }
    public DateOnly Date => Infrastructure.VietnamTime.DateOf(Meeting.StartsAt);
    public DateTime LocalStart => Meeting.StartsAt + Infrastructure.VietnamTime.Offset;

    public sealed record Person(Guid Id, string Name, string? Title, AttendeeRole Role, Presence Presence, string? Reason);
    public sealed record Agenda(AgendaItem Item, string? PresentingUnit, string? PaperSymbol, Guid? ProgrammeId);
    public sealed record Task(Guid Id, string Title, AssignmentStatus? Status, string? Lead);
    public sealed record Point(Conclusion Conclusion, string? LeadUnit, IReadOnlyList<Task> Tasks);
    public sealed record Conflict(Guid PersonId, string Name, Guid MeetingId, string Meeting, DateTime StartsAt);

    public static async Task<MeetingView> LoadAsync(ResoluteDbContext db, Guid id, IConfiguration config, CancellationToken ct)
    {
        var m = await MeetingRules.LoadAsync(db, id, ct);
        var today = db.Today;
        var personIds = m.Attendance.Select(a => a.PersonId).Append(m.ChairId ?? Guid.Empty).ToArray();
        var people = await db.People.IgnoreQueryFilters().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var on = Infrastructure.VietnamTime.DateOf(m.StartsAt);
        var titles = (await db.Positions.IgnoreQueryFilters().Where(p => personIds.Contains(p.PersonId) && p.StartsOn <= on && (p.EndsOn == null || p.EndsOn >= on))
            .OrderBy(p => p.IsConcurrent).Select(p => new { p.PersonId, p.Title }).ToListAsync(ct)).GroupBy(p => p.PersonId).ToDictionary(g => g.Key, g => g.First().Title);
        var unitIds = m.Agenda.Where(a => a.PresentingUnitId != null).Select(a => a.PresentingUnitId!.Value)
            .Concat(m.Conclusions.Where(c => c.LeadUnitId != null).Select(c => c.LeadUnitId!.Value)).Append(m.OrganisationId).Distinct().ToArray();
        var units = await db.Organisations.IgnoreQueryFilters().Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var committee = units[m.OrganisationId];
        var parent = committee.ParentId is { } pid ? await db.Organisations.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Id == pid, ct) : null;
        var docIds = m.Agenda.Where(a => a.PaperDocumentId != null).Select(a => a.PaperDocumentId!.Value).Append(m.NoticeDocumentId ?? Guid.Empty).ToArray();
        var symbols = await db.Documents.Where(d => docIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Symbol, ct);
        var itemIds = m.Agenda.Where(a => a.ProgrammeItemId != null).Select(a => a.ProgrammeItemId!.Value).ToArray();
        var programmes = await db.ProgrammeItems.IgnoreQueryFilters().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.ProgrammeId, ct);
        var taskIds = m.Conclusions.SelectMany(c => c.TaskIds).ToArray();
        var tasks = await db.Assignments.Where(a => taskIds.Contains(a.Id)).ToListAsync(ct);
        var leadNames = await db.Organisations.IgnoreQueryFilters().Where(o => tasks.Select(t => t.LeadId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var canKeep = await db.Scope.CanAsync(db, Permission.AssignTasks, m.OrganisationId, ct);
        var (early, late) = (m.StartsAt.AddHours(-3), m.StartsAt.AddHours(3));
        var attendees = m.Attendance.Select(a => a.PersonId).ToArray();
        var clashes = m.State == MeetingState.Scheduled
            ? await (from a in db.MeetingAttendance
                     join other in db.Meetings.IgnoreQueryFilters() on a.MeetingId equals other.Id
                     where attendees.Contains(a.PersonId) && other.Id != m.Id && other.StartsAt > early && other.StartsAt < late
                     select new { a.PersonId, other.Id, other.StartsAt, other.Title, other.Forum, other.Number }).ToListAsync(ct)
            : [];
        return new MeetingView
        {
            Meeting = m,
            Committee = committee,
            CommitteeParent = parent,
            Quorum = m.QuorumBy(MeetingRules.Quorum(config, m.Forum)),
            People = m.Attendance.Select(a => new Person(a.PersonId, people.GetValueOrDefault(a.PersonId) ?? "—", titles.GetValueOrDefault(a.PersonId), a.Role, a.Presence, a.Reason))
                .OrderBy(p => p.Role).ThenBy(p => p.Name, Domain.Text.VietnameseText.Comparer).ToList(),
            Items = m.Agenda.OrderBy(a => a.Order).Select(a => new Agenda(a, a.PresentingUnitId is { } u ? units.GetValueOrDefault(u)?.ShortName : null,
                a.PaperDocumentId is { } d ? symbols.GetValueOrDefault(d) : null, a.ProgrammeItemId is { } i ? programmes.GetValueOrDefault(i) : null)).ToList(),
            Points = m.Conclusions.OrderBy(c => c.Number).Select(c => new Point(c, c.LeadUnitId is { } u ? units.GetValueOrDefault(u)?.ShortName : null,
                c.TaskIds.Select(t => tasks.FirstOrDefault(x => x.Id == t)).Where(t => t is not null)
                    .Select(t => new Task(t!.Id, t.Title, t.State == AssignmentState.Draft ? null : t.StatusOn(today), t.LeadId is { } l ? leadNames.GetValueOrDefault(l) : null)).ToList())).ToList(),
            Due = canKeep && m.State == MeetingState.Scheduled ? await AddAgendaItems.DueAsync(db, m, ct) : [],
            ChairName = m.ChairId is { } c ? people.GetValueOrDefault(c) : null,
            Conflicts = clashes.Select(x => new Conflict(x.PersonId, people.GetValueOrDefault(x.PersonId) ?? "—", x.Id,
                x.Title ?? $"{(x.Forum == ProgrammeForum.ExecutiveCommittee ? "Hội nghị" : "Phiên họp")} {x.Forum.VietnameseName()}{(x.Number is { } n ? $" lần thứ {n}" : "")}",
                x.StartsAt)).ToList(),
            NoticeSymbol = m.NoticeDocumentId is { } n ? symbols.GetValueOrDefault(n) : null,
            MinutesFiles = m.State == MeetingState.Scheduled ? [] : await db.StoredFiles.AsNoTracking().Where(f => f.MeetingId == m.Id).OrderBy(f => f.CreatedAt).ToListAsync(ct),
            CanKeep = canKeep,
        };
    }
}
