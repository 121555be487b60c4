using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Notifications;

/// <summary>When reminders go out (config section <c>Reminders</c>).</summary>
public sealed class ReminderOptions
{
    /// <summary>Days before the due date to remind, e.g. 7 and 1.</summary>
    public int[] DaysBefore { get; set; } = [7, 1];
    /// <summary>Days past the due date after which the leader of the assigning unit is told.</summary>
    public int EscalateAfterDays { get; set; } = 3;
    public bool Enabled { get; set; } = true;
    public int IntervalSeconds { get; set; } = 300;
    /// <summary>Seconds to wait after start-up before the first run, so migrations and seeding finish first.</summary>
    public int StartDelaySeconds { get; set; } = 10;
    /// <summary>At most this many tasks are reminded per kind per run; the next run takes the rest.</summary>
    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Finds what falls due and tells the people concerned: before the due date (each configured number of days), on the
/// day, after it, and, after a delay, the leader of the assigning unit. A recurring task's missing cycle report is
/// reminded the same way, its cycle date being its due date. Each reminder is claimed by inserting a row whose key is
/// (task, kind, due date): with several instances running, one inserts it and notifies, the others skip. An extension
/// moves the due date, so reminders start again for the new one.
/// </summary>
public sealed class Reminders(ResoluteDbContext db, ReminderOptions options, ILogger<Reminders> log)
{
    /// <summary>Which reminder: some days before the due date, on it, after it, or to the assigning unit's leaders.</summary>
    public enum ReminderKind { Before, DueToday, Overdue, Escalation }

    /// <summary>A reminder to send: its kind (and, before the due date, how many days before), stored as "before-7", "overdue"…</summary>
    public sealed record Candidate(Guid Id, DateOnly DueOn, ReminderKind Kind, int DaysBefore = 0)
    {
        public string Key => KeyOf(Kind, DaysBefore);
    }

    /// <summary>How a reminder is stored in claims and notifications.</summary>
    public static string KeyOf(ReminderKind kind, int daysBefore) => kind switch
    {
        ReminderKind.Before => $"before-{daysBefore}",
        ReminderKind.DueToday => "due-today",
        ReminderKind.Overdue => "overdue",
        _ => "escalation",
    };

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var today = db.Today;
        var sent = 0;
        var kinds = options.DaysBefore.Where(d => d > 0).Distinct().OrderByDescending(d => d)
            .Select(d => (ReminderKind.Before, d, today.AddDays(1), today.AddDays(d)))
            .Append((ReminderKind.DueToday, 0, today, today))
            .Append((ReminderKind.Overdue, 0, DateOnly.MinValue, today.AddDays(-1)))
            .Append((ReminderKind.Escalation, 0, DateOnly.MinValue, today.AddDays(-Math.Max(1, options.EscalateAfterDays))));
        foreach (var (kindOf, daysBefore, from, to) in kinds)
        {
            var kind = KeyOf(kindOf, daysBefore);
            // Open tasks due in the window that have not had this reminder for this due date.
            var ids = await db.Assignments.AsNoTracking()
                .Where(a => a.State == AssignmentState.Assigned && a.CompletedOn == null && a.DueOn != null && a.DueOn >= from && a.DueOn <= to)
                .Where(a => !db.ReminderClaims.Any(r => r.AssignmentId == a.Id && r.Kind == kind && r.DueOn == a.DueOn))
                .OrderBy(a => a.DueOn).Take(options.BatchSize)
                .Select(a => new { a.Id, DueOn = a.DueOn!.Value }).ToListAsync(ct);
            // A task due tomorrow is reminded once ("1 day left"), not also as "7 days left".
            foreach (var c in ids)
                if (await RemindAsync(new Candidate(c.Id, c.DueOn, kindOf, daysBefore), today, ct)) sent++;
        }
        return sent;
    }

    private async Task<bool> RemindAsync(Candidate c, DateOnly today, CancellationToken ct)
    {
        var a = await db.Assignments.AsNoTracking().FirstAsync(x => x.Id == c.Id, ct);
        if (c.Kind == ReminderKind.Before
            && options.DaysBefore.Any(d => d < c.DaysBefore && c.DueOn.DayNumber - today.DayNumber <= d))
        {
            // A closer reminder applies; record this one as passed so it is not looked at again.
            return await ClaimAsync(c, [], ct) && false;
        }
        var escalation = c.Kind == ReminderKind.Escalation;
        var recipients = escalation ? await LeadersOfAssignerAsync(a, ct) : await PeopleOfUnitAsync(db, a.LeadId, a.LeadLeaderId, ct);
        var title = Title(a, c, today);
        var url = $"/Assignments/Details/{a.Id}";
        var secret = a.Secrecy != Domain.Documents.Secrecy.None;
        // A secret task is named in the app only to the users on its need-to-know list; the others are told that a
        // secret task falls due, without its title or a link they could not open. No e-mail ever carries a secret task.
        var cleared = secret
            ? (await db.AssignmentNeedToKnow.IgnoreQueryFilters().Where(n => n.AssignmentId == a.Id).Select(n => n.UserId).ToListAsync(ct)).ToHashSet()
            : [];
        var notes = recipients.Select(u =>
        {
            var named = !secret || cleared.Contains(u.Id);
            return new Notification
            {
                UserId = u.Id,
                CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
                Kind = c.Key,
                Title = title,
                Body = named
                    ? $"{title}\n\n{Assignments.AssignmentQueries.DisplayTitle(a, null)}\n{url}"
                    : $"{title}\n\nNội dung nhiệm vụ mật chỉ thông báo cho người có tên trong danh sách được biết; hãy liên hệ văn phòng cấp ủy.",
                Url = named ? url : null,
                AssignmentId = a.Id,
                EmailTo = secret ? null : u.Email,
                EmailState = secret || string.IsNullOrWhiteSpace(u.Email) ? EmailState.None : EmailState.Pending,
            };
        }).ToList();
        return await ClaimAsync(c, notes, ct);
    }

    /// <summary>Inserts the claim and the notifications in one transaction; a duplicate claim means another instance did it.</summary>
    private async Task<bool> ClaimAsync(Candidate c, List<Notification> notes, CancellationToken ct)
    {
        db.ReminderClaims.Add(new ReminderClaim { AssignmentId = c.Id, Kind = c.Key, DueOn = c.DueOn, ClaimedAt = db.Clock.GetUtcNow().UtcDateTime });
        db.Notifications.AddRange(notes);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            log.LogDebug("Reminder {Kind} for {Task} was sent by another instance.", c.Key, c.Id);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static string Title(Assignment a, Candidate c, DateOnly today)
    {
        var what = (a.Secrecy != Domain.Documents.Secrecy.None, a.Recurrence == Recurrence.None) switch
        {
            (true, true) => "1 nhiệm vụ mật",
            (true, false) => "Báo cáo định kỳ của 1 nhiệm vụ mật",
            (false, true) => "Nhiệm vụ",
            _ => "Báo cáo định kỳ của nhiệm vụ",
        };
        return c.Kind switch
        {
            ReminderKind.DueToday => $"{what} đến hạn hôm nay ({c.DueOn:dd/MM/yyyy})",
            ReminderKind.Overdue => $"{what} đã quá hạn {today.DayNumber - c.DueOn.DayNumber} ngày (hạn {c.DueOn:dd/MM/yyyy})",
            ReminderKind.Escalation => $"Báo cáo lãnh đạo: {(a.Secrecy != Domain.Documents.Secrecy.None ? "1 nhiệm vụ mật" : "nhiệm vụ")} quá hạn {today.DayNumber - c.DueOn.DayNumber} ngày chưa hoàn thành (hạn {c.DueOn:dd/MM/yyyy})",
            _ => $"{what} còn {c.DueOn.DayNumber - today.DayNumber} ngày đến hạn ({c.DueOn:dd/MM/yyyy})",
        };
    }

    public sealed record Recipient(Guid Id, string? Email);

    /// <summary>Those who answer for a unit's task: accounts holding a role in the unit itself, and the responsible leader's account.</summary>
    public static async Task<List<Recipient>> PeopleOfUnitAsync(ResoluteDbContext db, Guid? unitId, Guid? leaderId, CancellationToken ct)
    {
        var roles = new[] { ScopeRole.Office, ScopeRole.Reporter, ScopeRole.Leader };
        return await db.Users.Where(u => !u.IsDisabled && (
                db.RoleGrants.Any(g => g.UserId == u.Id && g.OrganisationId == unitId && roles.Contains(g.Role))
                || (leaderId != null && u.PersonId == leaderId)))
            .Select(u => new Recipient(u.Id, u.Email)).ToListAsync(ct);
    }

    /// <summary>The leaders of the assigning unit; its office when it has no leader account.</summary>
    private async Task<List<Recipient>> LeadersOfAssignerAsync(Assignment a, CancellationToken ct)
    {
        foreach (var role in new[] { ScopeRole.Leader, ScopeRole.Office })
        {
            var list = await db.Users.Where(u => !u.IsDisabled && db.RoleGrants.Any(g => g.UserId == u.Id && g.OrganisationId == a.AssignerId && g.Role == role))
                .Select(u => new Recipient(u.Id, u.Email)).ToListAsync(ct);
            if (list.Count > 0) return list;
        }
        return [];
    }
}
