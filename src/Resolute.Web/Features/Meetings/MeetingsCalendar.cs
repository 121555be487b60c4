using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Documents;
using Resolute.Domain.Meetings;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Meetings;

/// <summary>A user's meetings for the calendar feed: those they are invited to, and those of the committees whose office they keep.</summary>
public static class MeetingsCalendar
{
    public sealed record Event(Guid Id, DateTime StartsAt, string Summary, string Description);

    public static async Task<List<Event>> EventsAsync(ResoluteDbContext db, Guid? personId, Guid[] officeRoots, CancellationToken ct)
    {
        var from = db.Clock.GetUtcNow().UtcDateTime.AddDays(-60);
        var rows = await db.Meetings.AsNoTracking()
            .Where(m => m.StartsAt >= from && m.Secrecy == Secrecy.None
                && ((personId != null && m.Attendance.Any(a => a.PersonId == personId)) || officeRoots.Contains(m.OrganisationId)))
            .OrderBy(m => m.StartsAt).Take(500).ToListAsync(ct);
        var ids = rows.Select(m => m.OrganisationId).Distinct().ToArray();
        var names = await db.Organisations.IgnoreQueryFilters().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        return rows.Select(m => new Event(m.Id, m.StartsAt, m.Name, $"{names[m.OrganisationId]}{(m.Place is null ? "" : ". " + m.Place)}.")).ToList();
    }
}
