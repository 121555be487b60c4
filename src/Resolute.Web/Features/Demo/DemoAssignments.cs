using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Demo;

/// <summary>
/// The seed's story in tasks, dated from today: the Central Committee's task to the city (the 15-year review of
/// 15-NQ/TW, done), the city's tasks under its programme 10-CTr/TU cascaded to 40 wards (some done on time, some late,
/// some overdue, one extended, one paused), a quarterly recurring report, tasks of the city's advisory bodies, a
/// ward's own cascade to its People's Committee and Fatherland Front, and one secret task counted but not shown.
/// </summary>
internal static class DemoAssignments
{
    public const int WardCount = 40;

    private sealed class Story(ResoluteDbContext db, DateOnly today)
    {
        private readonly Random _random = new(2007);
        public readonly List<Assignment> All = [];
        public readonly Dictionary<string, Guid> Units = [];
        public readonly Dictionary<Guid, Guid?> Leaders = [];
        public readonly ReportingCalendar Calendar = ReportingCalendar.Default;
        public DateOnly Today => today;

        public async Task LoadAsync(CancellationToken ct)
        {
            foreach (var u in await db.Organisations.IgnoreQueryFilters().Select(o => new { o.Code, o.Id }).ToListAsync(ct)) Units[u.Code] = u.Id;
        }

        public async Task<Guid?> LeaderAsync(Guid unit, CancellationToken ct)
        {
            if (!Leaders.TryGetValue(unit, out var id)) Leaders[unit] = id = await Common.Units.DefaultLeaderAsync(db, unit, today, ct);
            return id;
        }

        public static DateTime At(DateOnly day, int hour = 9) => DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(hour, 0)) - VietnamTime.Offset, DateTimeKind.Utc);

        public async Task<Assignment> TaskAsync(string assigner, string lead, string title, string? content, Guid source, string? clause, DateOnly created,
            DateOnly? deadline, string output, (string Name, string? Unit, decimal Target) indicator, CancellationToken ct,
            Recurrence recurrence = Recurrence.None, Assignment? parent = null, Secrecy secrecy = Secrecy.None)
        {
            var a = new Assignment(Units[assigner], title, At(created, 8), null);
            a.Describe(title, secrecy == Secrecy.None ? content : null, source, clause, null, output, secrecy);
            a.SetPeople(Units[lead], await LeaderAsync(Units[lead], ct), parent?.LeadId ?? Units[assigner], []);
            a.SetSchedule(deadline, recurrence, Calendar, created);
            if (deadline is { } d && d.DayNumber - created.DayNumber > Assignment.LongTaskDays)
                a.SetMilestones([("Ban hành kế hoạch triển khai", created.AddDays(30)), ("Sơ kết giữa kỳ", created.AddDays((d.DayNumber - created.DayNumber) / 2))]);
            a.SetIndicators([indicator]);
            if (parent is not null) a.CascadeFrom(parent, lateDeadlineApproved: true);
            a.Assign(created);
            db.Assignments.Add(a);
            All.Add(a);
            return a;
        }

        public ProgressReport Report(Assignment a, DateOnly on, string narrative, int percent, bool complete = false, decimal? actual = null)
        {
            var actuals = actual is { } v ? new[] { (a.Indicators[0].Id, v) } : [];
            return a.Report(a.IsSecret ? null : narrative, percent, complete, actuals, At(on, 10), null, "demo", on, Calendar);
        }

        public void Accept(Assignment a, ProgressReport r, DateOnly on, string? comment = null) => a.Accept(r.Id, comment, At(on, 15), "vanphong");

        public int Next(int min, int max) => _random.Next(min, max);
    }

    public static async Task SeedAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var today = VietnamTime.Today(db.Clock);
        var s = new Story(db, today);
        await s.LoadAsync(ct);
        var docs = await db.Documents.IgnoreQueryFilters().Where(d => d.Symbol == DemoDocuments.Resolution15 || d.Symbol == "10-CTr/TU")
            .ToDictionaryAsync(d => d.Symbol, d => d.Id, ct);
        var nq15 = docs[DemoDocuments.Resolution15];
        var ctr10 = docs["10-CTr/TU"];
        var wards = HanoiData.Wards.Take(WardCount).Select(n => "P-" + Domain.Text.VietnameseText.CodeFragment(n)).ToList();

        // The Central Committee's task to the city: the 15-year review, reported on 10/4/2022 and accepted.
        var review = await s.TaskAsync("TW", "TU-HN", "Tổng kết 15 năm thực hiện Nghị quyết số 15-NQ/TW", "Tổ chức tổng kết, đánh giá kết quả, hạn chế, nguyên nhân, bài học kinh nghiệm và đề xuất nhiệm vụ, giải pháp trong thời gian tới.",
            nq15, "Kế hoạch của Ban Chỉ đạo Đề án Trung ương 6", new DateOnly(2022, 1, 5), new DateOnly(2022, 4, 30), "Báo cáo tổng kết 15 năm",
            ("Báo cáo tổng kết được gửi", "báo cáo", 1), ct);
        var done = s.Report(review, new DateOnly(2022, 4, 10), "Đã ban hành Báo cáo số 234-BC/TU ngày 10/4/2022 tổng kết 15 năm thực hiện Nghị quyết 15-NQ/TW.", 100, true, 1);
        s.Accept(review, done, new DateOnly(2022, 4, 20), "Báo cáo đầy đủ, đúng đề cương.");

        // 1. Working regulations with the five clears, in every ward: deadline passed 4 months ago.
        var created1 = today.AddDays(-300);
        var deadline1 = today.AddDays(-120);
        var regs = await s.TaskAsync("TU-HN", "TU-HN", "Rà soát, sửa đổi, bổ sung quy chế làm việc của cấp ủy bảo đảm rõ người, rõ việc, rõ tiến độ, rõ trách nhiệm, rõ hiệu quả",
            "Các đảng ủy phường rà soát quy chế làm việc khóa mới theo Quy chế làm việc mẫu; phân công rõ nhiệm vụ của từng đồng chí cấp ủy viên.",
            ctr10, "Mục II.3", created1, deadline1, "Quy chế làm việc của cấp ủy được ban hành", ("Quy chế làm việc được ban hành", "văn bản", 1), ct);
        for (var i = 0; i < wards.Count; i++)
        {
            var child = await s.TaskAsync("TU-HN", wards[i], regs.Title, regs.Content, ctr10, "Mục II.3", created1.AddDays(7), deadline1, regs.Output!,
                ("Quy chế làm việc được ban hành", "văn bản", 1), ct, parent: regs);
            s.Report(child, created1.AddDays(40 + s.Next(0, 20)), "Đảng ủy đã quán triệt, phân công xây dựng dự thảo quy chế làm việc khóa mới.", 40);
            if (i < 24)
            {
                // Done on time: completions spread over the months before the deadline.
                var on = deadline1.AddDays(-s.Next(0, 120));
                var r = s.Report(child, on, "Đảng ủy đã ban hành Quy chế làm việc khóa mới, phân công rõ người, rõ việc.", 100, true, 1);
                s.Accept(child, r, on.AddDays(s.Next(1, 6)));
            }
            else if (i < 32)
            {
                var on = deadline1.AddDays(s.Next(3, 100));
                var r = s.Report(child, on, "Đã ban hành Quy chế làm việc sau khi xin ý kiến Ban Thường vụ Thành ủy; chậm so với kế hoạch do kiện toàn tổ chức.", 100, true, 1);
                s.Accept(child, r, on.AddDays(s.Next(1, 6)), "Hoàn thành nhưng chậm tiến độ.");
            }
            else if (i == 38)
            {
                var ext = child.RequestExtension(today.AddDays(20), "Phường mới sáp nhập, chờ kiện toàn Ban Thường vụ Đảng ủy.", Story.At(deadline1.AddDays(-10)), null, "demo");
                child.DecideExtension(ext.Id, true, "Đồng ý gia hạn.", Story.At(deadline1.AddDays(-8)), "lanhdao");
            }
            else if (i == 39)
            {
                child.Pause("Tạm dừng chờ kết quả sắp xếp tổ chức bộ máy của phường.");
            }
            // The others (32–37) stay open past the deadline: overdue.
        }

        // 2. Renewing how resolutions are made and checked, in every ward: due in two months.
        var created2 = today.AddDays(-200);
        var deadline2 = today.AddDays(60);
        var renew = await s.TaskAsync("TU-HN", "TU-HN", "Đổi mới cách ra nghị quyết, tăng cường kiểm tra, giám sát việc thực hiện nghị quyết ở cơ sở",
            "Nghị quyết của cấp ủy phải ngắn gọn, dễ hiểu, có chỉ tiêu, lộ trình cụ thể; định kỳ kiểm tra, giám sát việc thực hiện ở các chi bộ.",
            ctr10, "Mục II.1", created2, deadline2, "Chương trình kiểm tra, giám sát và báo cáo kết quả", ("Tỷ lệ chi bộ được kiểm tra, giám sát", "%", 100), ct);
        for (var i = 0; i < wards.Count; i++)
        {
            var child = await s.TaskAsync("TU-HN", wards[i], renew.Title, renew.Content, ctr10, "Mục II.1", created2.AddDays(5), deadline2, renew.Output!,
                ("Tỷ lệ chi bộ được kiểm tra, giám sát", "%", 100), ct, parent: renew);
            var pct = s.Next(30, 80);
            s.Report(child, created2.AddDays(60 + s.Next(0, 60)), $"Đã kiểm tra, giám sát {pct}% chi bộ trực thuộc theo chương trình năm.", pct, actual: pct);
            if (i % 5 == 0)
            {
                var on = today.AddDays(-s.Next(5, 60));
                var r = s.Report(child, on, "Đã hoàn thành kiểm tra, giám sát toàn bộ chi bộ trực thuộc; ban hành kết luận sau kiểm tra.", 100, true, 100);
                s.Accept(child, r, on.AddDays(2));
            }
            else if (i % 7 == 1)
                // Proposed completion waiting for the city office's review.
                s.Report(child, today.AddDays(-s.Next(1, 4)), "Đề nghị công nhận hoàn thành: 100% chi bộ đã được kiểm tra, giám sát.", 100, true, 100);
        }

        // 3. A quarterly report from 12 wards; three have missed the last cycle.
        for (var i = 0; i < 12; i++)
        {
            var started = today.AddDays(-400);
            var q = await s.TaskAsync("TU-HN", wards[i], "Báo cáo hằng quý kết quả thực hiện Chương trình hành động số 10-CTr/TU", null, ctr10, "Mục IV",
                started, null, "Báo cáo quý", ("Báo cáo đúng kỳ", "báo cáo", 4), ct, recurrence: Recurrence.Quarterly);
            // Each cycle reported on time, up to the last one that fell due (or the one before it, for the laggards).
            var due = q.NextReportDue!.Value;
            var lastDue = s.Calendar.FirstDueOnOrAfter(Recurrence.Quarterly, today.AddDays(-91));
            while (due < today && (i >= 3 || due < lastDue))
            {
                s.Report(q, due.AddDays(-s.Next(0, 5)), $"Báo cáo quý kết quả thực hiện Chương trình 10-CTr/TU (kỳ {due:dd/MM/yyyy}).", 50);
                due = q.NextReportDue!.Value;
            }
        }

        // 4. The city's advisory bodies.
        var bodies = new (string Code, string Title, int Created, int Due, bool Done)[]
        {
            ("BTCTU", "Hướng dẫn kiện toàn tổ chức bộ máy, bố trí cán bộ cấp ủy các phường, xã sau sắp xếp", -240, -60, true),
            ("BTGDVTU", "Tuyên truyền kết quả 15 năm thực hiện Nghị quyết số 15-NQ/TW trên báo chí Thủ đô", -150, -30, true),
            ("UBKTTU", "Kiểm tra việc thực hiện quy chế làm việc tại 10 đảng ủy phường", -120, 10, false),
            ("VPTU", "Xây dựng phần mềm theo dõi, đánh giá việc thực hiện nhiệm vụ theo Quy chế 08-QC/TW", -100, 120, false),
            ("BNCTU", "Rà soát quy trình phối hợp giải quyết khiếu nại, tố cáo liên quan đến cán bộ", -200, -20, false),
            ("BCSCLTU", "Đề xuất cơ chế đánh giá cán bộ theo kết quả thực hiện nhiệm vụ", -90, 5, false),
        };
        foreach (var (code, title, c, d, isDone) in bodies)
        {
            var a = await s.TaskAsync("TU-HN", code, title, null, ctr10, null, today.AddDays(c), today.AddDays(d), "Báo cáo kết quả thực hiện",
                ("Báo cáo kết quả", "báo cáo", 1), ct);
            s.Report(a, today.AddDays(c + 30), "Đã xây dựng kế hoạch triển khai, phân công cán bộ thực hiện.", 35);
            if (isDone)
            {
                var r = s.Report(a, today.AddDays(d - 10), "Đã hoàn thành, báo cáo Thường trực Thành ủy.", 100, true, 1);
                s.Accept(a, r, today.AddDays(d - 5));
            }
        }

        // 5. A ward breaks its task down: Cửa Nam's regulations task to its People's Committee and Fatherland Front.
        var cuaNam = s.All.First(a => a.ParentId == renew.Id && a.LeadId == s.Units["P-CUANAM"]);
        foreach (var body in new[] { "P-CUANAM-UBND", "P-CUANAM-MTTQ" })
            await s.TaskAsync("P-CUANAM", body, "Phối hợp kiểm tra, giám sát việc thực hiện nghị quyết ở khu dân cư", null, ctr10, "Mục II.1",
                today.AddDays(-150), deadline2.AddDays(-10), "Báo cáo kết quả giám sát", ("Số khu dân cư được giám sát", "khu", 12), ct, parent: cuaNam);

        // 6. A secret task: counted in totals, shown only to those cleared for it.
        await s.TaskAsync("TU-HN", "BTCTU", "Rà soát quy hoạch cán bộ diện Ban Thường vụ Thành ủy quản lý", null, ctr10, null, today.AddDays(-30), today.AddDays(90),
            "Báo cáo rà soát quy hoạch", ("Báo cáo rà soát", "báo cáo", 1), ct, secrecy: Secrecy.Confidential);

        await db.SaveChangesAsync(ct);
    }
}
