using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Programmes;

namespace Resolute.Web.Features.Demo;

/// <summary>
/// The seed's working year (RULES.md §10): the City Party Committee's full-term programme 2025–2030 and its 2026
/// programmes of the executive committee, the standing committee and the standing members — about forty items, most
/// submitted on time, some late, two postponed, one withdrawn, one secret — and the 2026 programmes of a dozen wards,
/// so the adoption table shows who adopted theirs and who has not. The standing committee's items are heard at its
/// meetings (<see cref="DemoMeetings"/>), whose notices record them submitted. Everything goes through the commands, so items
/// become tasks as they would for a user; nothing is dated after today.
/// </summary>
internal static class DemoProgrammes
{
    private const int Year = 2026;

    /// <summary>One item: month, forum, preparing unit, content (null for a secret item), and what became of it.</summary>
    private sealed record Item(int Month, ProgrammeForum Forum, string Unit, string? Content, string? Coordinators = null, Outcome Outcome = Outcome.OnTime,
        int Days = 0, int ToMonth = 0, string? Type = null, int Y = Year);

    private enum Outcome { OnTime, Late, Open, Postponed, PostponedThenSubmitted, Withdrawn }

    private static readonly Item[] FullTerm =
    [
        new(12, ProgrammeForum.ExecutiveCommittee, "VPTU", "Quy chế làm việc của Ban Chấp hành Đảng bộ Thành phố khóa XVIII", Type: "QC", Y: 2025),
        new(1, ProgrammeForum.ExecutiveCommittee, "VPTU", "Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Ban Chấp hành Đảng bộ Thành phố năm 2025; phương hướng, nhiệm vụ năm 2026", Type: "BC"),
        new(7, ProgrammeForum.ExecutiveCommittee, "BTGDVTU", "Nghị quyết về phát triển văn hóa Thủ đô giai đoạn 2026–2030, tầm nhìn đến năm 2045", "BCSCLTU", Type: "NQ"),
        new(10, ProgrammeForum.ExecutiveCommittee, "BTCTU", "Đề án nâng cao chất lượng tổ chức cơ sở đảng và đảng viên sau sắp xếp đơn vị hành chính", "VPTU", Type: "ĐA"),
        new(12, ProgrammeForum.ExecutiveCommittee, "VPTU", "Chương trình công tác năm 2027 của Ban Chấp hành Đảng bộ Thành phố", Type: "CTr"),
        new(6, ProgrammeForum.ExecutiveCommittee, "BCSCLTU", "Báo cáo sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ Thành phố lần thứ XVIII", Type: "BC", Y: 2028),
        new(10, ProgrammeForum.ExecutiveCommittee, "VPTU", "Báo cáo tổng kết nhiệm kỳ 2025–2030, chuẩn bị Đại hội Đảng bộ Thành phố lần thứ XIX", Type: "BC", Y: 2030),
    ];

    private static readonly Item[] ExecutiveCommittee2026 =
    [
        new(1, ProgrammeForum.ExecutiveCommittee, "VPTU", "Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Ban Chấp hành Đảng bộ Thành phố năm 2025; phương hướng, nhiệm vụ năm 2026", Days: 20, Type: "BC"),
        new(4, ProgrammeForum.ExecutiveCommittee, "VPTU", "Báo cáo kết quả thực hiện nhiệm vụ quý I, nhiệm vụ trọng tâm quý II năm 2026", Days: 22, Type: "BC"),
        new(7, ProgrammeForum.ExecutiveCommittee, "VPTU", "Báo cáo sơ kết 6 tháng đầu năm, nhiệm vụ trọng tâm 6 tháng cuối năm 2026", Days: 15, Type: "BC"),
        new(7, ProgrammeForum.ExecutiveCommittee, "BTGDVTU", "Nghị quyết về phát triển văn hóa Thủ đô giai đoạn 2026–2030, tầm nhìn đến năm 2045", "BCSCLTU", Outcome.Late, 12, Type: "NQ"),
        new(10, ProgrammeForum.ExecutiveCommittee, "BTCTU", "Đề án nâng cao chất lượng tổ chức cơ sở đảng và đảng viên sau sắp xếp đơn vị hành chính", "VPTU", Days: 24, Type: "ĐA"),
        new(12, ProgrammeForum.ExecutiveCommittee, "VPTU", "Báo cáo kết quả thực hiện nhiệm vụ năm 2026, phương hướng, nhiệm vụ năm 2027", Outcome: Outcome.Open, Type: "BC"),
        new(12, ProgrammeForum.ExecutiveCommittee, "VPTU", "Chương trình công tác năm 2027 của Ban Chấp hành Đảng bộ Thành phố", Outcome: Outcome.Open, Type: "CTr"),
    ];

    private static readonly Item[] StandingCommittee2026 =
    [
        new(1, ProgrammeForum.StandingCommittee, "UBKTTU", "Chương trình kiểm tra, giám sát năm 2026 của Ban Thường vụ Thành ủy", Days: 14, Type: "CTr"),
        new(2, ProgrammeForum.StandingCommittee, "BTCTU", "Báo cáo tình hình tổ chức bộ máy, cán bộ sau sắp xếp chính quyền địa phương hai cấp", "DU-UBND", Days: 26, Type: "BC"),
        new(2, ProgrammeForum.StandingCommittee, "VPTU", "Quy chế làm việc mẫu của Đảng ủy xã, phường sau sắp xếp", "BTCTU", Days: 24, Type: "QC"),
        new(3, ProgrammeForum.StandingCommittee, "VPTU", "Đề án chuyển đổi số trong các cơ quan Đảng Thành phố giai đoạn 2026–2030", "BCSCLTU", Outcome.PostponedThenSubmitted, 18, 6, "ĐA"),
        new(3, ProgrammeForum.StandingCommittee, "VPTU", "Báo cáo việc theo dõi thực hiện nhiệm vụ trên hệ thống dữ liệu theo Quy chế 08-QC/TW", Days: 27, Type: "BC"),
        new(4, ProgrammeForum.StandingCommittee, "BTCTU", null, Days: 16),
        new(4, ProgrammeForum.StandingCommittee, "BCSCLTU", "Kế hoạch sơ kết thực hiện Nghị quyết số 15-NQ/TW trong giai đoạn mới", "VPTU", Outcome.Late, 9, Type: "KH"),
        new(5, ProgrammeForum.StandingCommittee, "BNCTU", "Báo cáo kết quả công tác phòng, chống tham nhũng, tiêu cực 6 tháng đầu năm", "UBKTTU", Days: 28, Type: "BC"),
        new(5, ProgrammeForum.StandingCommittee, "BTGDVTU", "Đề án nâng cao hiệu quả công tác dân vận của chính quyền các cấp", "MTTQ-HN", Days: 21, Type: "ĐA"),
        new(6, ProgrammeForum.StandingCommittee, "BTGDVTU", "Báo cáo sơ kết 5 năm thực hiện Chỉ thị về xây dựng văn hóa công sở", Outcome: Outcome.Withdrawn, Type: "BC"),
        new(6, ProgrammeForum.StandingCommittee, "DU-UBND", "Nghị quyết chuyên đề về phát triển kinh tế ban đêm của Thủ đô", "BCSCLTU", Outcome.Postponed, ToMonth: 12, Type: "NQ"),
        new(7, ProgrammeForum.StandingCommittee, "UBKTTU", "Báo cáo kết quả kiểm tra, giám sát 6 tháng đầu năm 2026", Days: 19, Type: "BC"),
        new(8, ProgrammeForum.StandingCommittee, "BTCTU", "Đề án đào tạo, bồi dưỡng cán bộ cấp xã sau sắp xếp giai đoạn 2026–2030", "DU-UBND", Outcome.Late, 16, Type: "ĐA"),
        new(9, ProgrammeForum.StandingCommittee, "BNCTU", "Báo cáo tình hình an ninh chính trị, trật tự an toàn xã hội 9 tháng", Days: 25, Type: "BC"),
        new(9, ProgrammeForum.StandingCommittee, "BTGDVTU", "Kế hoạch lãnh đạo đại hội Mặt trận Tổ quốc và các đoàn thể nhiệm kỳ 2026–2031", "MTTQ-HN", Days: 11, Type: "KH"),
        new(10, ProgrammeForum.StandingCommittee, "DU-UBND", "Báo cáo sơ kết một năm vận hành mô hình chính quyền địa phương hai cấp", "BTCTU", Days: 29, Type: "BC"),
        new(11, ProgrammeForum.StandingCommittee, "BTCTU", "Quy định về phân cấp quản lý cán bộ của Thành ủy", "UBKTTU", Outcome.Open, Type: "QĐ"),
        new(11, ProgrammeForum.StandingCommittee, "VPTU", "Báo cáo tình hình thực hiện Chương trình công tác năm 2026", Days: 20, Type: "BC"),
        new(12, ProgrammeForum.StandingCommittee, "UBKTTU", "Chương trình kiểm tra, giám sát năm 2027 của Ban Thường vụ Thành ủy", Outcome: Outcome.Open, Type: "CTr"),
        new(12, ProgrammeForum.StandingCommittee, "VPTU", "Báo cáo kiểm điểm tập thể Ban Thường vụ Thành ủy năm 2026", Outcome: Outcome.Open, Type: "BC"),
    ];

    private static readonly Item[] StandingMembers2026 =
    [
        new(1, ProgrammeForum.StandingMembers, "VPTU", "Giao ban Thường trực Thành ủy với các ban đảng, Văn phòng Thành ủy quý I", Days: 30),
        new(3, ProgrammeForum.StandingMembers, "VPTU", "Làm việc với Đảng ủy phường Cửa Nam về thực hiện nhiệm vụ sau sắp xếp", "P-CUANAM", Days: 17),
        new(4, ProgrammeForum.StandingMembers, "VPTU", "Giao ban Thường trực Thành ủy với các ban đảng, Văn phòng Thành ủy quý II", Days: 28),
        new(6, ProgrammeForum.StandingMembers, "DU-UBND", "Làm việc với Đảng ủy Ủy ban nhân dân Thành phố về giải ngân vốn đầu tư công", Outcome: Outcome.Late, Days: 6),
        new(7, ProgrammeForum.StandingMembers, "VPTU", "Giao ban Thường trực Thành ủy với các ban đảng, Văn phòng Thành ủy quý III", Days: 29),
        new(9, ProgrammeForum.StandingMembers, "MTTQ-HN", "Làm việc với Đảng ủy Mặt trận Tổ quốc, các đoàn thể Thành phố", "DU-MTDT", Days: 23),
        new(10, ProgrammeForum.StandingMembers, "VPTU", "Giao ban Thường trực Thành ủy với các ban đảng, Văn phòng Thành ủy quý IV", Days: 27),
        new(11, ProgrammeForum.StandingMembers, "BTCTU", "Cho ý kiến về công tác cán bộ thuộc diện Ban Thường vụ quản lý", Days: 12),
        new(12, ProgrammeForum.StandingMembers, "VPTU", "Giao ban Thường trực Thành ủy tháng 12 và tổng kết năm", Outcome: Outcome.Open),
    ];

    public static async Task SeedAsync(ResoluteDbContext db, IServiceProvider sp, CancellationToken ct)
    {
        var today = db.Today;
        if (today < new DateOnly(Year, 12, 1)) return; // the story is told as of December 2026; an earlier clock has nothing true to show
        var units = await db.Organisations.IgnoreQueryFilters().Select(o => new { o.Code, o.Id }).ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        // By abbreviation; QĐ stands for both quyết định and quy định, the first in the table order is taken.
        var types = (await db.DocumentTypes.IgnoreQueryFilters().Where(t => t.System == DocumentSystem.Party && t.ValidTo == null)
            .OrderBy(t => t.SortOrder).ToListAsync(ct)).GroupBy(t => t.Abbreviation).ToDictionary(g => g.Key, g => g.First().Id);
        var city = units[DemoSeeder.CityCode];
        var members = await (from pos in db.Positions.IgnoreQueryFilters()
                             join o in db.Organisations.IgnoreQueryFilters() on pos.OrganisationId equals o.Id
                             where o.Code == "TU-HN-TT" && pos.IsLeader && pos.EndsOn == null
                             orderby pos.Title
                             select pos.PersonId).Distinct().ToListAsync(ct);

        async Task<WorkProgramme> ProgrammeAsync(Guid committee, ProgrammeForum body, ProgrammeKind kind, int from, int to, string preamble,
            IReadOnlyList<Item> items, IReadOnlyList<Guid> inCharge, DateOnly approvedOn, Guid? source = null)
        {
            var p = await new SaveProgramme(null, null, new ProgrammeFields
            {
                OrganisationId = committee,
                Body = body,
                Kind = kind,
                Year = from,
                ToYear = to,
                Preamble = preamble,
                SourceProgrammeId = source,
            }).HandleAsync(db, ct);
            var n = 0;
            foreach (var i in items)
            {
                if (source is not null && p.Items.Any(x => x.Content == i.Content)) continue; // already taken from the full-term programme
                await new SaveProgrammeItem(p.Id, null, null, new ItemFields
                {
                    Content = i.Content,
                    PreparingUnitId = units[i.Unit],
                    CoordinatorCodes = i.Coordinators is null ? [] : [i.Coordinators],
                    MemberInChargeId = inCharge[n++ % inCharge.Count],
                    Forum = i.Forum,
                    DueMonth = new DateOnly(i.Y, i.Month, 1),
                    Secrecy = i.Content is null ? Secrecy.Confidential : Secrecy.None,
                    ContentTypeId = i.Type is { } t && types.TryGetValue(t, out var id) ? id : null,
                }).HandleAsync(db, ct);
            }
            // Items taken from the full-term programme get their member in charge when missing.
            p = await ProgrammeRules.LoadAsync(db, p.Id, ct);
            foreach (var i in p.Items.Where(x => x.MemberInChargeId is null).ToList())
                await new SaveProgrammeItem(p.Id, i.Id, null, new ItemFields
                {
                    Content = i.Content,
                    PreparingUnitId = i.PreparingUnitId,
                    MemberInChargeId = inCharge[0],
                    Forum = i.Forum,
                    DueMonth = i.DueMonth,
                    ContentTypeId = i.ContentTypeId,
                }).HandleAsync(db, ct);
            await new ApproveProgramme(p.Id, null, approvedOn).HandleAsync(db, ct);
            db.ChangeTracker.Clear();
            return await ProgrammeRules.LoadAsync(db, p.Id, ct);
        }

        // Submissions of items heard at a meeting are left to the meeting (its notice records them); the others are recorded here.
        async Task FollowAsync(WorkProgramme p, IReadOnlyList<Item> items, SortedDictionary<DateOnly, List<Guid>>? heard = null)
        {
            foreach (var item in p.Items.OrderBy(i => i.Number))
            {
                var i = items.FirstOrDefault(x => x.Content == item.Content && x.Month == item.DueMonth?.Month && x.Forum == item.Forum)
                    ?? items.FirstOrDefault(x => x.Content is null && item.IsSecret);
                if (i is null) continue;
                var end = item.Deadline!.Value;
                async Task Change(string change, DateOnly? on, DateOnly? newMonth, string? reason, string? decision)
                {
                    if (on is { } d && d > today) return;
                    if (change == "submitted" && heard is not null && on is { } day)
                    {
                        if (!heard.TryGetValue(day, out var list)) heard[day] = list = [];
                        list.Add(item.Id);
                        return;
                    }
                    var version = await db.WorkProgrammes.Where(x => x.Id == p.Id).Select(x => x.Version).FirstAsync(ct);
                    await new ChangeItemState(p.Id, item.Id, version, change, on, newMonth, reason, decision).HandleAsync(db, ct);
                    db.ChangeTracker.Clear();
                }
                switch (i.Outcome)
                {
                    case Outcome.OnTime: await Change("submitted", end.AddDays(-(end.Day - Math.Clamp(i.Days, 1, end.Day))), null, null, null); break;
                    case Outcome.Late: await Change("submitted", end.AddDays(Math.Max(1, i.Days)), null, null, null); break;
                    case Outcome.Postponed:
                    case Outcome.PostponedThenSubmitted:
                        await Change("postponed", null, new DateOnly(Year, i.ToMonth, 1), "Cần thêm thời gian khảo sát, lấy ý kiến các sở, ngành và cơ sở",
                            $"Kết luận của Thường trực Thành ủy tại phiên giao ban tháng {item.DueMonth!.Value.Month}/{Year}");
                        if (i.Outcome == Outcome.PostponedThenSubmitted)
                            await Change("submitted", new DateOnly(Year, i.ToMonth, Math.Clamp(i.Days, 1, 28)), null, null, null);
                        break;
                    case Outcome.Withdrawn:
                        await Change("withdrawn", null, null, "Lồng ghép vào Báo cáo sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội",
                            $"Thông báo kết luận của Ban Thường vụ Thành ủy tháng 5/{Year}");
                        break;
                }
            }
        }

        var cityPreamble = "Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ Thành phố khóa XVIII, nhiệm kỳ 2025–2030; căn cứ Nghị quyết Đại hội đại biểu Đảng bộ Thành phố lần thứ XVIII,";
        var fullTerm = await ProgrammeAsync(city, ProgrammeForum.ExecutiveCommittee, ProgrammeKind.FullTerm, 2025, 2030,
            cityPreamble + " Ban Chấp hành Đảng bộ Thành phố xây dựng Chương trình công tác toàn khóa như sau:", FullTerm, members, new DateOnly(2025, 11, 20));
        var bch = await ProgrammeAsync(city, ProgrammeForum.ExecutiveCommittee, ProgrammeKind.Annual, Year, Year,
            cityPreamble + " Ban Chấp hành Đảng bộ Thành phố xây dựng Chương trình công tác năm 2026 như sau:", ExecutiveCommittee2026, members,
            new DateOnly(2025, 12, 19), fullTerm.Id);
        await FollowAsync(bch, ExecutiveCommittee2026);
        var btv = await ProgrammeAsync(city, ProgrammeForum.StandingCommittee, ProgrammeKind.Annual, Year, Year,
            "Căn cứ Chương trình công tác năm 2026 của Ban Chấp hành Đảng bộ Thành phố, Ban Thường vụ Thành ủy xây dựng Chương trình công tác năm 2026 như sau:",
            StandingCommittee2026, members, new DateOnly(2025, 12, 26));
        var heard = new SortedDictionary<DateOnly, List<Guid>>();
        await FollowAsync(btv, StandingCommittee2026, heard);
        await DemoMeetings.SeedAsync(db, sp, city, heard, ct);
        var tt = await ProgrammeAsync(city, ProgrammeForum.StandingMembers, ProgrammeKind.Annual, Year, Year,
            "Thường trực Thành ủy xây dựng Chương trình công tác năm 2026 như sau:", StandingMembers2026, members, new DateOnly(2026, 1, 5));
        await FollowAsync(tt, StandingMembers2026);

        // Twelve wards adopted their 2026 programme (the rest have not yet, as the adoption table shows); two still draft theirs.
        var wards = HanoiData.Wards.Take(14).Select(n => "P-" + Domain.Text.VietnameseText.CodeFragment(n)).Where(units.ContainsKey).ToList();
        for (var w = 0; w < wards.Count; w++)
        {
            var code = wards[w];
            var wardMembers = await db.Positions.IgnoreQueryFilters().Where(x => x.OrganisationId == units[code] && x.IsLeader)
                .OrderBy(x => x.Title).Select(x => x.PersonId).ToListAsync(ct);
            Item[] items =
            [
                new(1, ProgrammeForum.ExecutiveCommittee, code + "-VP", "Báo cáo kết quả thực hiện nhiệm vụ năm 2025, phương hướng, nhiệm vụ năm 2026", Days: 15, Type: "BC"),
                new(3, ProgrammeForum.StandingCommittee, code + "-UBND", "Kế hoạch thực hiện nhiệm vụ phát triển kinh tế – xã hội năm 2026 của phường", Days: 20 - w, Type: "KH"),
                new(6, ProgrammeForum.StandingCommittee, code + "-MTTQ", "Báo cáo công tác Mặt trận và các đoàn thể 6 tháng đầu năm", Outcome: w % 4 == 0 ? Outcome.Late : Outcome.OnTime, Days: 10, Type: "BC"),
                new(7, ProgrammeForum.ExecutiveCommittee, code + "-VP", "Báo cáo sơ kết 6 tháng đầu năm 2026", Days: 18, Type: "BC"),
                new(9, ProgrammeForum.StandingCommittee, code + "-UBND", "Đề án chỉnh trang đô thị, trật tự vỉa hè trên địa bàn phường", Outcome: w % 3 == 0 ? Outcome.Open : Outcome.OnTime, Days: 25, Type: "ĐA"),
                new(12, ProgrammeForum.ExecutiveCommittee, code + "-VP", "Báo cáo kết quả thực hiện nhiệm vụ năm 2026, phương hướng năm 2027", Outcome: Outcome.Open, Type: "BC"),
            ];
            if (w >= 12)
            {
                // A draft not yet approved: it shows in the table as drafted.
                _ = await new SaveProgramme(null, null, new ProgrammeFields
                {
                    OrganisationId = units[code],
                    Body = ProgrammeForum.ExecutiveCommittee,
                    Kind = ProgrammeKind.Annual,
                    Year = Year,
                }).HandleAsync(db, ct);
                db.ChangeTracker.Clear();
                continue;
            }
            var p = await ProgrammeAsync(units[code], ProgrammeForum.ExecutiveCommittee, ProgrammeKind.Annual, Year, Year,
                "Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ phường nhiệm kỳ 2025–2030, Ban Chấp hành Đảng bộ phường xây dựng Chương trình công tác năm 2026 như sau:",
                items, wardMembers, new DateOnly(2025, 12, 10).AddDays(w * 3));
            await FollowAsync(p, items);
        }
    }
}
