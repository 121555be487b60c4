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
        await FifteenYearReviewAsync(db, config, city, ct);
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
    /// The session of 12 April 2022 at which the standing committee of the 2020–2025 term heard the 15-year review of
    /// 15-NQ/TW with working delegation no. 1 of the Central Project 6 steering committee (the seed): the review report
    /// presented by the standing deputy secretary, one member absent with reason, conclusions drawn from the report (its
    /// shortcomings, tasks and recommendations), three of them tasks since done, on time or late; the notice registered
    /// in the 2020–2025 term's numbering.
    /// </summary>
    private static async Task FifteenYearReviewAsync(ResoluteDbContext db, IConfiguration config, Guid city, CancellationToken ct)
    {
        var day = new DateOnly(2022, 4, 12);
        var chair = await db.Positions.IgnoreQueryFilters()
            .Where(p => p.Title == "Bí thư Thành ủy" && p.StartsOn <= day && p.EndsOn >= day)
            .Select(p => (Guid?)p.PersonId).FirstOrDefaultAsync(ct);
        var m = await new SaveMeeting(null, null, new MeetingFields
        {
            OrganisationId = city,
            Forum = ProgrammeForum.StandingCommittee,
            Kind = MeetingKind.Thematic,
            Title = "Hội nghị Ban Thường vụ Thành ủy làm việc với Đoàn công tác số 1 của Ban Chỉ đạo Đề án Trung ương 6 về tổng kết 15 năm thực hiện Nghị quyết số 15-NQ/TW",
            StartsAt = day.ToDateTime(new TimeOnly(14, 0)),
            Place = "Trụ sở Thành ủy, số 4 Lê Lai",
            ChairId = chair,
        }).HandleAsync(db, ct);
        await new AddAgendaItems(m.Id, null, null, false, "Báo cáo tổng kết 15 năm thực hiện Nghị quyết số 15-NQ/TW ngày 30/7/2007 của Ban Chấp hành Trung ương Đảng (khóa X)",
            "BCD-NQ15-HN", "234-BC/TU").HandleAsync(db, ct);
        await new AddAgendaItems(m.Id, null, null, false, "Ý kiến của Đoàn công tác số 1 của Ban Chỉ đạo Đề án Trung ương 6", null, null).HandleAsync(db, ct);
        db.ChangeTracker.Clear();
        m = await MeetingRules.LoadAsync(db, m.Id, ct);
        var members = m.Attendance.Select(a => a.PersonId).ToList();
        await new RecordAttendance(m.Id, null, members.Select((p, i) => i == members.Count - 1
            ? new PresenceInput(p, Presence.AbsentWithReason, "Đi công tác nước ngoài theo kế hoạch")
            : new PresenceInput(p, Presence.Present, null)).ToList(), null, null, true).HandleAsync(db, config, ct);
        db.ChangeTracker.Clear();
        m = await MeetingRules.LoadAsync(db, m.Id, ct);
        var report = m.Agenda.OrderBy(a => a.Order).First().Id;
        await new WriteMinutes(m.Id, null, "Đồng chí Phó Bí thư Thường trực Thành ủy trình bày Báo cáo tóm tắt tổng kết 15 năm thực hiện Nghị quyết số 15-NQ/TW. "
            + "Đoàn công tác số 1 ghi nhận kết quả, đề nghị Thành ủy làm rõ thêm các bài học kinh nghiệm và kiến nghị. Ban Thường vụ thảo luận, thống nhất kết luận.").HandleAsync(db, ct);
        (string Text, string? Lead, DateOnly? Deadline, DateOnly? Done)[] points =
        [
            ("Thống nhất đánh giá: 15 năm qua, nhận thức và tư duy của Thành ủy, các cấp ủy đảng, cán bộ, đảng viên về đổi mới phương thức lãnh đạo đối với hoạt động của hệ thống chính trị ngày càng được nâng lên; báo cáo nêu 7 vấn đề còn tồn tại, hạn chế, 4 bài học kinh nghiệm và 8 nhiệm vụ, giải pháp.", null, null, null),
            ("Giao Ban Chỉ đạo tổng kết Nghị quyết 15 của Thành ủy tiếp thu ý kiến của Đoàn công tác, hoàn thiện báo cáo tổng kết, gửi Ban Chỉ đạo Đề án Trung ương 6.", "VPTU", new DateOnly(2022, 4, 30), new DateOnly(2022, 4, 25)),
            ("Giao Ban Tổ chức Thành ủy tham mưu sửa đổi, bổ sung quy chế làm việc mẫu của đảng ủy phường, của Mặt trận Tổ quốc và các đoàn thể phường, phù hợp mô hình chính quyền đô thị.", "BTCTU", new DateOnly(2022, 9, 30), new DateOnly(2022, 11, 15)),
            ("Giao Văn phòng Thành ủy tham mưu đổi mới việc xây dựng, theo dõi, đôn đốc thực hiện chương trình công tác toàn khóa và hằng năm, ứng dụng công nghệ thông tin.", "VPTU", new DateOnly(2022, 12, 31), new DateOnly(2022, 12, 20)),
            ("Kiến nghị Trung ương nghiên cứu, ban hành Nghị quyết mới về đổi mới phương thức lãnh đạo của Đảng đối với hoạt động của hệ thống chính trị; thể chế hóa, cụ thể hóa phương thức lãnh đạo của Đảng.", null, null, null),
        ];
        var codes = await db.Organisations.IgnoreQueryFilters().Where(o => o.Code == "VPTU" || o.Code == "BTCTU").ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        foreach (var (text, lead, deadline, done) in points)
        {
            var point = await new AddConclusion(m.Id, null, report, text, lead, deadline).HandleAsync(db, ct);
            db.ChangeTracker.Clear();
            if (lead is not null) await ImportedTaskAsync(db, city, point, codes[lead], day, done, ct);
        }
        await new IssueNotice(m.Id, null, day.AddDays(3)).HandleAsync(db, ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>A point's task as the office gave it at the time, with its dates (history, as <see cref="Domain.Assignments.Assignment.Imported"/> keeps it).</summary>
    private static async Task ImportedTaskAsync(ResoluteDbContext db, Guid city, Conclusion point, Guid unit, DateOnly day, DateOnly? done, CancellationToken ct)
    {
        var leader = await Common.Units.DefaultLeaderAsync(db, unit, day, ct);
        var task = Domain.Assignments.Assignment.Imported(city, unit, leader, point.Text.Length > 200 ? point.Text[..199] + "…" : point.Text, point.Text,
            $"Kết luận điểm {point.Number}, hội nghị Ban Thường vụ ngày {day:dd/MM/yyyy}",
            DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(17, 0)) - Infrastructure.VietnamTime.Offset, DateTimeKind.Utc), point.Deadline!.Value, done, done is null ? 50 : 100);
        db.Assignments.Add(task);
        var m = await MeetingRules.LoadAsync(db, point.MeetingId, ct);
        m.Tasked(point.Id, task.Id);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
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
