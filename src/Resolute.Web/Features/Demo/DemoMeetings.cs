using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resolute.Domain.Meetings;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Meetings;

namespace Resolute.Web.Features.Demo;

/// <summary>
/// The city standing committee's meetings of 2026 (RULES.md §11): one on each day its programme items were heard, the
/// agenda drawn from the programme, every member present, a conclusion approving each item and one giving its preparing
/// unit the follow-up work, most of those made tasks in every status; each notice issued two days later and registered, which records
/// the items submitted. Through the commands, as the office would do it.
/// </summary>
internal static class DemoMeetings
{
    public static async Task SeedAsync(ResoluteDbContext db, IServiceProvider sp, Guid city, SortedDictionary<DateOnly, List<Guid>> heard, CancellationToken ct)
    {
        var config = sp.GetRequiredService<IConfiguration>();
        var users = sp.GetRequiredService<UserManager<User>>();
        var today = db.Today;
        var number = 0;
        var made = 0;
        foreach (var (day, items) in heard)
        {
            var m = await new SaveMeeting(null, null, new MeetingFields
            {
                OrganisationId = city,
                Forum = ProgrammeForum.StandingCommittee,
                Number = ++number,
                StartsAt = day.ToDateTime(new TimeOnly(8, 0)),
                Place = "Trụ sở Thành ủy, số 4 Lê Lai",
            }).HandleAsync(db, ct);
            await new AddAgendaItems(m.Id, null, items, false, null, null, null).HandleAsync(db, ct);
            db.ChangeTracker.Clear();
            m = await MeetingRules.LoadAsync(db, m.Id, ct);
            await new RecordAttendance(m.Id, null, m.Attendance.Select(a => new PresenceInput(a.PersonId, Presence.Present, null)).ToList(), null, null, true)
                .HandleAsync(db, config, ct);
            db.ChangeTracker.Clear();
            m = await MeetingRules.LoadAsync(db, m.Id, ct);
            var units = await db.ProgrammeItems.IgnoreQueryFilters().Where(i => items.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.PreparingUnitId, ct);
            var codes = await db.Organisations.IgnoreQueryFilters().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
            foreach (var a in m.Agenda.OrderBy(a => a.Order).ToList())
            {
                await new AddConclusion(m.Id, null, a.Id, $"Thống nhất thông qua nội dung: {a.Title}.", null, null).HandleAsync(db, ct);
                if (a.ProgrammeItemId is { } pid && units.GetValueOrDefault(pid) is { } unit)
                {
                    var point = await new AddConclusion(m.Id, null, a.Id, "Giao cơ quan chủ trì chuẩn bị tiếp thu ý kiến thảo luận, hoàn thiện, trình ký ban hành.",
                        codes[unit], day.AddDays(30)).HandleAsync(db, ct);
                    db.ChangeTracker.Clear();
                    await FollowUpTaskAsync(db, city, point, unit, day, ++made, ct);
                }
                db.ChangeTracker.Clear();
            }
            // A point of the latest meeting is made a task the way an office does it now (a draft when a clear is missing).
            if (number == heard.Count && m.Agenda.Count > 0)
            {
                db.ChangeTracker.Clear();
                var latest = await MeetingRules.LoadAsync(db, m.Id, ct);
                if (latest.Conclusions.FirstOrDefault(c => c.LeadUnitId != null && c.TaskIds.Count == 0) is { } open)
                    await new ConclusionToTask(m.Id, open.Id).HandleAsync(db, users, config, ct);
                db.ChangeTracker.Clear();
            }
            var on = day.AddDays(2) <= today ? day.AddDays(2) : day;
            await new IssueNotice(m.Id, null, on).HandleAsync(db, ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The follow-up task of a point, as the office gave it at the time (carried into the register with its dates, as
    /// <see cref="Domain.Assignments.Assignment.Imported"/> keeps history), in every status: done on time, done late,
    /// open and overdue, or still within its deadline.
    /// </summary>
    private static async Task FollowUpTaskAsync(ResoluteDbContext db, Guid city, Conclusion point, Guid unit, DateOnly day, int n, CancellationToken ct)
    {
        if (n % 4 == 3) return; // some points are followed through the programme alone
        var today = db.Today;
        var deadline = point.Deadline ?? day.AddDays(30);
        var leader = await Common.Units.DefaultLeaderAsync(db, unit, day, ct);
        DateOnly? done = (n % 4) switch { 0 => deadline.AddDays(-5), 1 => deadline.AddDays(9), _ => null };
        if (done > today) done = null;
        var task = Domain.Assignments.Assignment.Imported(city, unit, leader, $"Hoàn thiện, trình ký ban hành nội dung đã được Ban Thường vụ thông qua (kết luận điểm {point.Number})",
            point.Text, $"Kết luận điểm {point.Number}, phiên họp Ban Thường vụ ngày {day:dd/MM/yyyy}",
            DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(10, 0)) - Infrastructure.VietnamTime.Offset, DateTimeKind.Utc), deadline, done, done is null ? 60 : 100);
        db.Assignments.Add(task);
        var m = await MeetingRules.LoadAsync(db, point.MeetingId, ct);
        m.Tasked(point.Id, task.Id);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
