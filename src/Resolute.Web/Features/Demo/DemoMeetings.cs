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
/// unit the follow-up work, some of those made tasks; each notice issued two days later and registered, which records
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
            var k = 0;
            foreach (var a in m.Agenda.OrderBy(a => a.Order).ToList())
            {
                await new AddConclusion(m.Id, null, a.Id, $"Thống nhất thông qua nội dung: {a.Title}.", null, null).HandleAsync(db, ct);
                if (a.ProgrammeItemId is { } pid && units.GetValueOrDefault(pid) is { } unit)
                {
                    var point = await new AddConclusion(m.Id, null, a.Id, "Giao cơ quan chủ trì chuẩn bị tiếp thu ý kiến thảo luận, hoàn thiện, trình ký ban hành.",
                        codes[unit], day.AddDays(30)).HandleAsync(db, ct);
                    db.ChangeTracker.Clear();
                    if (k++ % 2 == 0)
                        await new ConclusionToTask(m.Id, point.Id).HandleAsync(db, users, config, ct);
                }
                db.ChangeTracker.Clear();
            }
            var on = day.AddDays(2) <= today ? day.AddDays(2) : day;
            await new IssueNotice(m.Id, null, on).HandleAsync(db, ct);
            db.ChangeTracker.Clear();
        }
    }
}
