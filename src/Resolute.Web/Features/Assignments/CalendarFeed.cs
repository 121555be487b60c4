using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Assignments;

/// <summary>
/// An iCalendar feed of a user's deadlines, at an unguessable address that calendar apps can subscribe to without
/// signing in. It is read with the user's own scope; secret tasks never leave the system this way.
/// </summary>
public static class CalendarFeed
{
    /// <summary>
    /// A TEXT value per RFC 5545 §3.3.11: backslash, semicolon and comma escaped, a line break written as \n, and no
    /// control character left (a bare CR, even in a record stored before input was cleaned, would start a new line
    /// of the feed and could inject an event).
    /// </summary>
    public static string Escape(string s) => Domain.Text.VietnameseText.StripControls(s).Replace("\t", " ")
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\n", "\\n");

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Makes a new key for the user (replacing any older one) and returns it: shown once.</summary>
    public static async Task<string> CreateKeyAsync(ResoluteDbContext db, Guid userId, CancellationToken ct)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var existing = await db.CalendarKeys.FirstOrDefaultAsync(k => k.UserId == userId, ct);
        if (existing is null) db.CalendarKeys.Add(new CalendarKey { UserId = userId, KeyHash = Hash(key), CreatedAt = db.Clock.GetUtcNow().UtcDateTime });
        else
        {
            existing.KeyHash = Hash(key);
            existing.CreatedAt = db.Clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
        return key;
    }

    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{key}.ics", async (string key, HttpContext http, ResoluteDbContext db, UserManager<User> users,
            IUserClaimsPrincipalFactory<User> claims, CancellationToken ct) =>
        {
            var hash = Hash(key);
            var userId = await db.CalendarKeys.Where(k => k.KeyHash == hash).Select(k => (Guid?)k.UserId).FirstOrDefaultAsync(ct);
            var user = userId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
            if (user is null || user.IsDisabled) return Results.NotFound();
            // From here on every query runs with the feed owner's scope, through the same filters as their pages.
            http.User = await claims.CreateAsync(user);
            return Results.Text(await BuildAsync(db, user, ct), "text/calendar; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();

    public static async Task<string> BuildAsync(ResoluteDbContext db, User user, CancellationToken ct)
    {
        var today = db.Today;
        var open = AssignmentQueries.Apply(db, new AssignmentQueries.Filter
        {
            Statuses = [AssignmentStatus.OnTrack, AssignmentStatus.Overdue, AssignmentStatus.Recurring],
        }, today).Where(a => a.Secrecy == Secrecy.None);
        var roots = db.Scope.Grants.Where(g => g.Role.Allows(Permission.ReportProgress) || g.Role.Allows(Permission.ReviewTasks))
            .Select(g => g.OrganisationId).Distinct().ToArray();
        var person = user.PersonId;
        // The user's deadlines: tasks naming them as leader, and those their units lead or gave.
        var q = open.Where(a => (person != null && a.LeadLeaderId == person)
            || db.OrganisationClosures.Any(c => c.DescendantId == a.LeadId && roots.Contains(c.AncestorId))
            || roots.Contains(a.AssignerId));
        var rows = await AssignmentQueries.Project(db, q.OrderBy(a => a.DueOn).Take(1000), today).ToListAsync(ct);
        var items = await AssignmentQueries.FinishAsync(db, rows, today, ct);
        var sb = new StringBuilder();
        void Line(string s)
        {
            // Lines fold at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence.
            var bytes = Encoding.UTF8.GetBytes(s);
            var start = 0;
            var first = true;
            while (start < bytes.Length)
            {
                var len = Math.Min(first ? 75 : 74, bytes.Length - start);
                while (start + len < bytes.Length && (bytes[start + len] & 0xC0) == 0x80) len--;
                sb.Append(first ? "" : " ").Append(Encoding.UTF8.GetString(bytes, start, len)).Append("\r\n");
                start += len;
                first = false;
            }
        }
        var stamp = db.Clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'");
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Resolute//Nhiem vu//VI");
        Line("CALSCALE:GREGORIAN");
        Line("X-WR-CALNAME:" + Escape($"Hạn nhiệm vụ và cuộc họp – {user.DisplayName}"));
        foreach (var a in items.Where(i => i.DueOn is not null))
        {
            Line("BEGIN:VEVENT");
            Line($"UID:{a.Id}-{a.DueOn:yyyyMMdd}@resolute");
            Line($"DTSTAMP:{stamp}");
            Line($"DTSTART;VALUE=DATE:{a.DueOn:yyyyMMdd}");
            Line($"DTEND;VALUE=DATE:{a.DueOn!.Value.AddDays(1):yyyyMMdd}");
            Line("SUMMARY:" + Escape((a.Recurrence == Recurrence.None ? "Hạn: " : "Kỳ báo cáo: ") + a.Title));
            Line("DESCRIPTION:" + Escape($"{a.StatusName}. Đơn vị chủ trì: {a.LeadName}. Đơn vị giao: {a.AssignerName}."));
            Line($"URL:/Assignments/Details/{a.Id}");
            Line("END:VEVENT");
        }
        // The user's meetings beside the deadlines: those they are invited to, and their office's committees'.
        var officeRoots = db.Scope.Grants.Where(g => g.Role.Allows(Permission.AssignTasks)).Select(g => g.OrganisationId).Distinct().ToArray();
        foreach (var m in await Meetings.MeetingsCalendar.EventsAsync(db, person, officeRoots, ct))
        {
            Line("BEGIN:VEVENT");
            Line($"UID:meeting-{m.Id}@resolute");
            Line($"DTSTAMP:{stamp}");
            Line($"DTSTART:{m.StartsAt:yyyyMMdd'T'HHmmss'Z'}");
            Line("DURATION:PT3H");
            Line("SUMMARY:" + Escape(m.Summary));
            Line("DESCRIPTION:" + Escape(m.Description));
            Line($"URL:/Meetings/Details/{m.Id}");
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }
}
