using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Resolute.Domain.Assignments;
using Resolute.Domain.Delegations;
using Resolute.Web.Data;
using Resolute.Web.Features.Delegations;

namespace Resolute.Web.Features.Demo;

/// <summary>
/// The seed's delegation — working delegation no. 1 of the Central Project 6 steering committee, which worked with the
/// city's standing committee on 12 April 2022 and received the summary report of the 15-year review — and the city
/// inspection commission's 2026 supervision of three wards on their working regulations, its recommendations in every
/// state. Through the commands; the tasks of the past carried in with their dates, as history is.
/// </summary>
internal static class DemoDelegations
{
    public static async Task SeedAsync(ResoluteDbContext db, IServiceProvider sp, CancellationToken ct)
    {
        await WorkingDelegationAsync(db, sp, ct);
        await SupervisionAsync(db, sp, ct);
    }

    private static async Task<Guid> PersonAsync(ResoluteDbContext db, string unitCode, string title, CancellationToken ct) =>
        await (from p in db.Positions.IgnoreQueryFilters()
               join o in db.Organisations.IgnoreQueryFilters() on p.OrganisationId equals o.Id
               where o.Code == unitCode && p.Title == title
               orderby p.StartsOn descending
               select p.PersonId).FirstAsync(ct);

    private static async Task WorkingDelegationAsync(ResoluteDbContext db, IServiceProvider sp, CancellationToken ct)
    {
        var posts = await (from p in db.Positions.IgnoreQueryFilters()
                           join o in db.Organisations.IgnoreQueryFilters() on p.OrganisationId equals o.Id
                           where o.Code == "BCD-DA6"
                           orderby p.Title
                           select new { p.PersonId, p.Title }).ToListAsync(ct);
        var d = await new SaveDelegation(null, null, new DelegationFields
        {
            OrganisationCode = "BCD-DA6",
            Kind = DelegationKind.WorkingDelegation,
            Title = "Đoàn công tác số 1 của Ban Chỉ đạo Đề án Trung ương 6",
            Subject = "Tổng kết 15 năm thực hiện Nghị quyết Trung ương 5 khóa X về \"Tiếp tục đổi mới phương thức lãnh đạo của Đảng đối với hoạt động của hệ thống chính trị\"",
            SubjectSymbol = "15-NQ/TW",
            ReviewFrom = new DateOnly(2007, 7, 30),
            ReviewTo = new DateOnly(2022, 3, 31),
            StartsOn = new DateOnly(2022, 4, 1),
            EndsOn = new DateOnly(2022, 4, 30),
            Members = posts.Select(p => new MemberInput(p.PersonId, p.Title.StartsWith("Trưởng") ? DelegationRole.Head
                : p.Title.StartsWith("Thư ký") ? DelegationRole.Secretary : DelegationRole.Member)).ToList(),
            Visits = [new VisitInput(DemoSeeder.CityCode, null, null)],
        }).HandleAsync(db, ct);
        db.ChangeTracker.Clear();
        var users = sp.GetRequiredService<UserManager<User>>();
        var config = sp.GetRequiredService<IConfiguration>();
        await new EstablishDelegation(d.Id, null, new DateOnly(2022, 3, 25)).HandleAsync(db, users, config, ct);
        db.ChangeTracker.Clear();
        await new AddSession(d.Id, null, null, new DateTime(2022, 4, 12, 14, 0, 0), "Trụ sở Thành ủy, số 4 Lê Lai", "234-BC/TU",
            "Đoàn công tác số 1; Ban Thường vụ Thành ủy Hà Nội, lãnh đạo các ban Đảng Thành ủy",
            "Phó Bí thư Thường trực Thành ủy trình bày Báo cáo tóm tắt tổng kết 15 năm thực hiện Nghị quyết số 15-NQ/TW. Đoàn công tác trao đổi, ghi nhận kết quả.").HandleAsync(db, ct);
        db.ChangeTracker.Clear();
        await new ConcludeVisit(d.Id, null, null,
            "Đoàn công tác đánh giá cao việc Thành ủy Hà Nội tổ chức tổng kết nghiêm túc, báo cáo công phu, có nhiều kinh nghiệm quý.",
            [
                new(FindingKind.Strength, "Thành ủy đã ban hành trên 500 văn bản để triển khai thực hiện nghị quyết; cụ thể hóa nghị quyết thành chương trình, đề án có tính đột phá."),
                new(FindingKind.Strength, "Ban Thường vụ lãnh đạo toàn diện thông qua quy chế làm việc, nghị quyết và chương trình công tác toàn khóa, hằng năm."),
                new(FindingKind.Shortcoming, "Việc kiểm tra, giám sát thực hiện nghị quyết ở một số cấp ủy cơ sở chưa thường xuyên; báo cáo còn chậm."),
            ],
            [
                new("Bổ sung vào báo cáo tổng kết các bài học kinh nghiệm về đổi mới phương thức lãnh đạo ở mô hình chính quyền đô thị.", new DateOnly(2022, 4, 30)),
                new("Làm rõ các kiến nghị với Trung ương về thể chế hóa phương thức lãnh đạo của Đảng.", new DateOnly(2022, 4, 30)),
            ], Issue: true, On: new DateOnly(2022, 4, 20)).HandleAsync(db, ct);
        db.ChangeTracker.Clear();
    }

    private const string RegulationsSubject = "Việc ban hành, thực hiện quy chế làm việc nhiệm kỳ 2025–2030 theo quy chế mẫu của Thành ủy";

    /// <summary>The rest of the commission's programme for the year, still drafts: one plans Hoàn Kiếm again on the same subject (the programme warns).</summary>
    private static async Task PlannedAsync(ResoluteDbContext db, Guid head, Guid inspector, CancellationToken ct)
    {
        (string Title, DelegationKind Kind, string Subject, string Ward, DateOnly Start)[] plans =
        [
            ("Đoàn kiểm tra việc thực hiện quy chế làm việc của Đảng ủy phường Hoàn Kiếm", DelegationKind.Inspection, RegulationsSubject, "P-HOANKIEM", new DateOnly(2026, 12, 10)),
            ("Đoàn giám sát công tác cán bộ của Đảng ủy phường Ngọc Hà", DelegationKind.Supervision, "Việc thực hiện quy định về công tác cán bộ", "P-NGOCHA", new DateOnly(2026, 12, 14)),
        ];
        foreach (var (title, kind, subject, ward, start) in plans)
        {
            await new SaveDelegation(null, null, new DelegationFields
            {
                OrganisationCode = "UBKTTU",
                Kind = kind,
                Title = title,
                Subject = subject,
                StartsOn = start,
                EndsOn = start.AddDays(20),
                Members = [new(head, DelegationRole.Head), new(inspector, DelegationRole.Secretary)],
                Visits = [new VisitInput(ward, null, start.AddDays(7))],
            }).HandleAsync(db, ct);
            db.ChangeTracker.Clear();
        }
    }

    private static async Task SupervisionAsync(ResoluteDbContext db, IServiceProvider sp, CancellationToken ct)
    {
        var head = await PersonAsync(db, "UBKTTU", "Chủ nhiệm", ct);
        var deputy = await PersonAsync(db, "UBKTTU", "Phó Chủ nhiệm", ct);
        var inspector = await PersonAsync(db, "UBKTTU", "Kiểm tra viên", ct);
        string[] wards = ["P-HOANKIEM", "P-CUANAM", "P-BADINH"];
        var d = await new SaveDelegation(null, null, new DelegationFields
        {
            OrganisationCode = "UBKTTU",
            Kind = DelegationKind.Supervision,
            Title = "Đoàn giám sát việc ban hành và thực hiện quy chế làm việc của đảng ủy phường",
            Subject = RegulationsSubject,
            ReviewFrom = new DateOnly(2025, 7, 1),
            ReviewTo = new DateOnly(2026, 9, 30),
            StartsOn = new DateOnly(2026, 10, 15),
            EndsOn = new DateOnly(2026, 12, 31),
            Members = [new(head, DelegationRole.Head), new(deputy, DelegationRole.Deputy), new(inspector, DelegationRole.Secretary)],
            Visits = wards.Select(w => new VisitInput(w, null, new DateOnly(2026, 10, 30))).ToList(),
        }).HandleAsync(db, ct);
        db.ChangeTracker.Clear();
        var city = await db.Organisations.IgnoreQueryFilters().Where(o => o.Code == DemoSeeder.CityCode).Select(o => o.Id).FirstAsync(ct);
        var units = await db.Organisations.IgnoreQueryFilters().Where(o => wards.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        var given = new DateTime(2026, 10, 12, 3, 0, 0, DateTimeKind.Utc);

        // The wards' reports on the outline, given with the decision and sent in (one a few days late).
        var sent = new[] { new DateOnly(2026, 10, 28), new DateOnly(2026, 10, 30), new DateOnly(2026, 11, 3) };
        for (var i = 0; i < wards.Length; i++)
        {
            var unit = units[wards[i]];
            var task = Assignment.Imported(city, unit, await Common.Units.DefaultLeaderAsync(db, unit, new DateOnly(2026, 10, 12), ct),
                "Báo cáo phục vụ đoàn giám sát: việc ban hành và thực hiện quy chế làm việc", "Báo cáo theo đề cương gửi kèm quyết định thành lập đoàn giám sát.",
                "Đề cương của Đoàn giám sát, Ủy ban Kiểm tra Thành ủy", given, new DateOnly(2026, 10, 30), sent[i], 100);
            db.Assignments.Add(task);
            var dd = await DelegationRules.LoadAsync(db, d.Id, ct);
            dd.ReportTasked(unit, task.Id);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        var users = sp.GetRequiredService<UserManager<User>>();
        var config = sp.GetRequiredService<IConfiguration>();
        await new EstablishDelegation(d.Id, null, new DateOnly(2026, 10, 12)).HandleAsync(db, users, config, ct);
        db.ChangeTracker.Clear();

        var day = 5;
        foreach (var w in wards)
        {
            await new AddSession(d.Id, null, w, new DateTime(2026, 11, day++, 8, 30, 0), "Trụ sở Đảng ủy phường", null,
                "Đoàn giám sát; Ban Thường vụ Đảng ủy phường", "Đảng ủy phường báo cáo việc ban hành, thực hiện quy chế làm việc; đoàn trao đổi, làm rõ.").HandleAsync(db, ct);
            db.ChangeTracker.Clear();
        }

        // The conclusions, issued on 20 November, and their recommendations in every state: done on time, done late,
        // overdue, open within the deadline, and one not yet made a task.
        (string Ward, (string Text, DateOnly Deadline, DateOnly? Done, bool Task)[] Recs)[] plan =
        [
            ("P-HOANKIEM", [("Bổ sung quy định về chế độ họp của Thường trực Đảng ủy phường vào quy chế làm việc.", new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 24), true),
                            ("Phân công cụ thể nhiệm vụ của từng ủy viên Ban Thường vụ phụ trách tổ dân phố.", new DateOnly(2026, 12, 31), null, true)]),
            ("P-CUANAM", [("Ban hành quy chế làm việc của Ban Chấp hành Đảng bộ phường theo đúng quy chế mẫu.", new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 28), true),
                          ("Xây dựng chương trình công tác năm 2027 của Ban Thường vụ Đảng ủy phường.", new DateOnly(2026, 11, 30), null, true)]),
            ("P-BADINH", [("Rà soát, sửa đổi mối quan hệ công tác giữa Đảng ủy với HĐND, UBND phường trong quy chế làm việc.", new DateOnly(2026, 12, 31), null, true),
                          ("Tổ chức quán triệt quy chế làm việc đến các chi bộ trực thuộc.", new DateOnly(2027, 1, 31), null, false)]),
        ];
        foreach (var (ward, recs) in plan)
        {
            var c = await new ConcludeVisit(d.Id, null, ward, "Đảng ủy phường đã ban hành quy chế làm việc nhiệm kỳ 2025–2030 trên cơ sở quy chế mẫu; cơ bản thực hiện nghiêm.",
                [new(FindingKind.Strength, "Quy chế làm việc được ban hành kịp thời, bám sát quy chế mẫu của Thành ủy."),
                 new(FindingKind.Shortcoming, "Một số nội dung chưa cụ thể hóa phù hợp với đặc điểm của phường.")],
                recs.Select(r => new RecommendationInput(r.Text, r.Deadline)).ToList(), Issue: true, On: new DateOnly(2026, 11, 20)).HandleAsync(db, ct);
            db.ChangeTracker.Clear();
            var unit = units[ward];
            foreach (var (r, rec) in c.Recommendations.OrderBy(x => x.Number).Zip(recs))
            {
                if (!rec.Task) continue;
                var task = Assignment.Imported(city, unit, await Common.Units.DefaultLeaderAsync(db, unit, new DateOnly(2026, 11, 20), ct), r.Text, null,
                    $"Kiến nghị {r.Number}, Đoàn giám sát của Ủy ban Kiểm tra Thành ủy", new DateTime(2026, 11, 21, 3, 0, 0, DateTimeKind.Utc), rec.Deadline, rec.Done,
                    rec.Done is null ? 40 : 100);
                db.Assignments.Add(task);
                var dd = await DelegationRules.LoadAsync(db, d.Id, ct);
                dd.RecommendationTasked(c.Id, r.Id, task.Id);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        await PlannedAsync(db, head, inspector, ct);
    }
}
