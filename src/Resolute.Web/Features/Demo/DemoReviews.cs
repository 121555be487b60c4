using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Reviews;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Demo;

/// <summary>
/// The seed's reviews: the city's 10-year and 15-year reviews of 15-NQ/TW (closed; the 15-year one consolidated into
/// the report 234-BC/TU with 7 limitations, 4 lessons, 8 tasks, 2 breakthrough solutions and 6 recommendations, as the
/// seed says), and a live preliminary review of the programme 10-CTr/TU, sent to six wards, in every state.
/// </summary>
internal static class DemoReviews
{
    private static readonly string[] Results =
    [
        "Nhận thức, tư duy của cấp ủy, cán bộ, đảng viên về đổi mới phương thức lãnh đạo của Đảng đối với hệ thống chính trị ngày càng được nâng lên.",
        "Đổi mới việc ban hành nghị quyết: cụ thể hóa nghị quyết thành chương trình hành động với mục tiêu, nhiệm vụ trọng tâm có tính đột phá; ban hành trên 500 văn bản triển khai.",
        "Lãnh đạo toàn diện thông qua quy chế làm việc, chương trình công tác toàn khóa và hằng năm, bảo đảm rõ người, rõ việc, rõ tiến độ, rõ trách nhiệm, rõ hiệu quả.",
        "Thực hiện thí điểm mô hình chính quyền đô thị; ban hành quy chế làm việc mẫu của Đảng ủy phường, Mặt trận Tổ quốc và các đoàn thể.",
        "Công tác cán bộ được lãnh đạo, chỉ đạo đồng bộ, đúng quy định; chủ động, thực hiện trước một bước, giữ vững đoàn kết, ổn định.",
        "Tăng cường kiểm tra, giám sát việc thực hiện nghị quyết; khắc phục tình trạng bao biện, làm thay hoặc buông lỏng lãnh đạo.",
    ];

    private static readonly string[] Limitations =
    [
        "Việc cụ thể hóa một số nghị quyết còn chậm, chưa sát thực tiễn ở cơ sở; nguyên nhân: khâu khảo sát, lấy ý kiến còn hình thức.",
        "Chất lượng ban hành nghị quyết của một số cấp ủy cơ sở chưa cao, còn dàn trải, thiếu trọng tâm.",
        "Phân định trách nhiệm giữa cấp ủy và chính quyền ở một số nơi chưa rõ, còn chồng chéo.",
        "Kiểm tra, giám sát việc thực hiện nghị quyết chưa thường xuyên; việc theo dõi còn dựa trên báo cáo giấy, số liệu chậm.",
        "Việc thực hiện nguyên tắc tập trung dân chủ, tự phê bình và phê bình ở một số tổ chức đảng còn hạn chế.",
        "Phương thức lãnh đạo của tổ chức đảng đối với Mặt trận Tổ quốc và các đoàn thể có lúc còn hành chính hóa.",
        "Một bộ phận cán bộ, đảng viên chưa gương mẫu, ngại đổi mới; nguyên nhân chủ quan là chưa quyết liệt trong chỉ đạo.",
    ];

    private static readonly string[] Lessons =
    [
        "Phải thường xuyên nâng cao nhận thức, thống nhất tư tưởng và hành động trong toàn Đảng bộ về đổi mới phương thức lãnh đạo.",
        "Cụ thể hóa nghị quyết bằng chương trình, kế hoạch với nhiệm vụ rõ người, rõ việc, rõ tiến độ; kiểm tra, đôn đốc đến cùng.",
        "Phát huy vai trò nêu gương của người đứng đầu; đề cao trách nhiệm cá nhân gắn với tập thể.",
        "Dựa vào nhân dân, lắng nghe ý kiến nhân dân; lấy sự hài lòng của nhân dân làm thước đo.",
    ];

    private static readonly string[] Tasks =
    [
        "Tiếp tục quán triệt sâu sắc các quan điểm, mục tiêu của Nghị quyết trong toàn Đảng bộ và hệ thống chính trị.",
        "Đổi mới cách ra nghị quyết; mỗi nghị quyết có chương trình hành động và cơ chế theo dõi bằng dữ liệu.",
        "Hoàn thiện quy chế làm việc của cấp ủy các cấp theo quy chế mẫu sau sắp xếp đơn vị hành chính.",
        "Nâng cao chất lượng, hiệu quả kiểm tra, giám sát; theo dõi tình hình thực hiện nhiệm vụ trên hệ thống theo thời gian thực.",
        "Đổi mới phương thức lãnh đạo của Đảng đối với chính quyền, Mặt trận Tổ quốc và các đoàn thể.",
        "Làm tốt công tác cán bộ; xây dựng đội ngũ cán bộ lãnh đạo, quản lý đủ phẩm chất, năng lực.",
        "Tăng cường mối quan hệ mật thiết giữa Đảng và nhân dân; thực hiện tốt quy chế dân chủ ở cơ sở.",
        "Đẩy mạnh chuyển đổi số trong hoạt động của cơ quan đảng; số hóa văn bản và báo cáo.",
    ];

    private static readonly string[] Breakthroughs =
    [
        "Chuyển đổi số toàn diện công tác theo dõi, đôn đốc thực hiện nhiệm vụ của cấp ủy các cấp.",
        "Đổi mới công tác cán bộ: thu hút, trọng dụng nhân tài, đánh giá cán bộ bằng sản phẩm cụ thể.",
    ];

    private static readonly string[] Recommendations =
    [
        "Trung ương nghiên cứu, ban hành Nghị quyết mới về đổi mới phương thức lãnh đạo của Đảng đối với hoạt động của hệ thống chính trị.",
        "Thể chế hóa, cụ thể hóa phương thức lãnh đạo của Đảng đối với hệ thống chính trị thành các quy định, quy chế.",
        "Chỉ đạo xây dựng chiến lược quốc gia về thu hút, trọng dụng nhân tài.",
        "Ban hành quy định thống nhất về hệ thống theo dõi nhiệm vụ trên cơ sở dữ liệu giữa các cấp.",
        "Sớm hướng dẫn mô hình tổ chức, quy chế làm việc của cấp ủy phường sau sắp xếp.",
        "Bố trí nguồn lực cho chuyển đổi số trong các cơ quan đảng ở cơ sở.",
    ];

    /// <summary>What one unit says in a section: two or three items drawn from the section's pool, in its own words.</summary>
    private static IEnumerable<(Guid? Id, string SectionKey, string Text)> UnitItems(string unit, int seed)
    {
        var pools = new (string Key, string[] Pool)[]
        {
            (ReviewOutline.Results, Results), (ReviewOutline.Limitations, Limitations), (ReviewOutline.Lessons, Lessons),
            (ReviewOutline.Tasks, Tasks), (ReviewOutline.Breakthroughs, Breakthroughs), (ReviewOutline.Recommendations, Recommendations),
        };
        foreach (var (key, pool) in pools)
            for (var i = 0; i < Math.Min(pool.Length, key == ReviewOutline.Breakthroughs ? 1 : 2 + seed % 2); i++)
                yield return (null, key, $"{unit}: {pool[(seed + i * 3) % pool.Length]}");
    }

    public static async Task SeedAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var today = db.Today;
        var units = await db.Organisations.IgnoreQueryFilters().Select(o => new { o.Code, o.Id, o.ShortName }).ToDictionaryAsync(o => o.Code, ct);
        var docs = await db.Documents.IgnoreQueryFilters().Where(d => d.Symbol == "15-NQ/TW" || d.Symbol == "10-CTr/TU" || d.Symbol == "234-BC/TU")
            .ToDictionaryAsync(d => d.Symbol, d => d.Id, ct);
        var city = units[DemoSeeder.CityCode].Id;
        var wards = HanoiData.Wards.Take(6).Select(n => "P-" + Domain.Text.VietnameseText.CodeFragment(n)).Where(units.ContainsKey).ToList();
        var agencies = new[] { "VPTU", "BTCTU", "BTGDVTU" }.Where(units.ContainsKey).ToList();
        DateTime At(DateOnly d) => DateTime.SpecifyKind(d.ToDateTime(new TimeOnly(9, 0)) - VietnamTime.Offset, DateTimeKind.Utc);

        // The two closed rounds, as they happened (no reporting tasks: they were done on paper then).
        ReviewCampaign Round(string title, DateOnly to, DateOnly sent, DateOnly deadline, IReadOnlyList<string> recipients, int[] counts)
        {
            var c = new ReviewCampaign(city, ReviewKind.Final, title, docs["15-NQ/TW"], null, new DateOnly(2007, 7, 30), to, deadline,
                ReviewOutline.Standard(), At(sent), null);
            foreach (var code in recipients) c.AddRecipient(units[code].Id);
            c.Send(sent);
            var seed = 0;
            foreach (var r in c.Reports)
            {
                var name = units.Values.First(u => u.Id == r.UnitId).ShortName;
                r.SaveDraft(c.Outline, UnitItems(name, seed++), []);
                r.Submit(seed == 3 ? deadline.AddDays(3) : deadline.AddDays(-seed), "demo");
                c.Accept(r.Id, At(deadline.AddDays(5)), "vanphong");
            }
            var pools = new[] { Results, Limitations, Lessons, Tasks, Breakthroughs, Recommendations };
            for (var s = 0; s < pools.Length; s++)
            {
                var key = ReviewOutline.StandardSections[s].Key;
                var unitItems = c.Reports.SelectMany(r => r.Items).Where(i => i.SectionKey == key).ToList();
                for (var i = 0; i < counts[s]; i++)
                {
                    // Each consolidated item keeps the unit items that said the same thing.
                    var sources = unitItems.Where(u => u.Text.EndsWith(pools[s][i % pools[s].Length])).Select(u => u.Id).ToList();
                    c.AddItem(key, pools[s][i % pools[s].Length], sources);
                }
            }
            c.Close();
            db.ReviewCampaigns.Add(c);
            return c;
        }

        Round("Tổng kết 10 năm thực hiện Nghị quyết số 15-NQ/TW của Ban Chấp hành Trung ương Đảng khóa X", new DateOnly(2017, 6, 30),
            new DateOnly(2017, 5, 15), new DateOnly(2017, 6, 20), agencies, [4, 5, 3, 5, 1, 3]);
        var fifteen = Round("Tổng kết 15 năm thực hiện Nghị quyết số 15-NQ/TW của Ban Chấp hành Trung ương Đảng khóa X", new DateOnly(2022, 3, 31),
            new DateOnly(2022, 1, 15), new DateOnly(2022, 3, 25), [.. agencies, .. wards.Take(4)], [6, 7, 4, 8, 2, 6]);
        if (docs.TryGetValue("234-BC/TU", out var report)) fifteen.Registered(report);
        await db.SaveChangesAsync(ct);

        // The live round, through the commands: sent to six wards with a deadline in five days, each in its own state.
        if (wards.Count < 6 || !docs.TryGetValue("10-CTr/TU", out var programme)) return;
        var live = await new SaveCampaign(null, null, new CampaignInput
        {
            OwnerId = city,
            Kind = ReviewKind.Preliminary,
            Title = "Sơ kết 1 năm thực hiện Chương trình hành động số 10-CTr/TU",
            SubjectDocumentId = programme,
            PeriodFrom = today.AddYears(-1),
            PeriodTo = today,
            Deadline = today.AddDays(5),
            ReportedFigures = "Số cuộc kiểm tra, giám sát việc thực hiện nghị quyết | cuộc",
            RecipientCodes = wards,
        }, Send: true).HandleAsync(db, ct);
        var config = new ConfigurationBuilder().Build();
        var n = 0;
        foreach (var r in live.Reports.OrderBy(r => wards.IndexOf(units.Values.First(u => u.Id == r.UnitId).Code)).ToList())
        {
            var name = units.Values.First(u => u.Id == r.UnitId).ShortName;
            var figure = live.Outline.Figures.First(f => f.Computed is null).Key;
            switch (n++)
            {
                case 0 or 1 or 2 or 3:
                    await new SaveUnitReport(r.Id, null, [.. UnitItems(name, n).Select(i => new ItemInput(null, i.SectionKey, i.Text))],
                        [new FigureInput(figure, 3 + n, null)], Submit: true).HandleAsync(db, config, ct);
                    if (n <= 2) await new DecideUnitReport(r.Id, true, null).HandleAsync(db, ct);
                    if (n == 4) await new DecideUnitReport(r.Id, false, "Bổ sung số liệu kiểm tra, giám sát và nêu rõ nguyên nhân hạn chế.").HandleAsync(db, ct);
                    break;
                case 4:
                    await new SaveUnitReport(r.Id, null, [new ItemInput(null, ReviewOutline.Results, $"{name}: đã ban hành kế hoạch thực hiện Chương trình 10-CTr/TU.")],
                        [], Submit: false).HandleAsync(db, config, ct);
                    break;
            }
            db.ChangeTracker.Clear();
        }
        // The city office has begun consolidating what the accepted wards said.
        var c2 = await ReviewRules.LoadAsync(db, live.Id, ct);
        var accepted = c2.Reports.Where(r => r.State == UnitReportState.Accepted).SelectMany(r => r.Items).Where(i => i.SectionKey == ReviewOutline.Results).ToList();
        if (accepted.Count > 0)
            c2.AddItem(ReviewOutline.Results, "Các đảng ủy phường đã ban hành kế hoạch, phân công rõ người, rõ việc thực hiện Chương trình hành động số 10-CTr/TU.",
                accepted.Select(i => i.Id));
        await db.SaveChangesAsync(ct);
    }
}
