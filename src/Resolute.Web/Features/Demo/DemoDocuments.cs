using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Demo;

/// <summary>
/// The seed's story in the register: Resolution 15-NQ/TW (2007), the city's action programme, plans, schemes and model
/// working regulations that implement it, the district committees' yearly plans until 2025, the wards' plans since,
/// and the 15-year review report: over 500 documents issued to carry out one resolution.
/// </summary>
internal static class DemoDocuments
{
    public const string Resolution15 = "15-NQ/TW";

    public static async Task SeedAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var types = await db.DocumentTypes.ToListAsync(ct);
        DocumentType T(DocumentSystem s, string abbr, string? name = null) =>
            types.First(t => t.System == s && t.Abbreviation == abbr && (name is null || t.Name == name));
        var units = await db.Organisations.IgnoreQueryFilters().ToDictionaryAsync(o => o.Code, ct);
        var terms = new List<Term>();
        Term AddTerm(Organisation o, string name, DateOnly from, DateOnly? to)
        {
            var t = new Term(o.Id, name, from, to);
            terms.Add(t);
            return t;
        }

        var central = units[DemoSeeder.CentralCode];
        var city = units[DemoSeeder.CityCode];
        var khoaX = AddTerm(central, "Khóa X", new DateOnly(2006, 4, 24), new DateOnly(2011, 1, 18));
        AddTerm(central, "Khóa XIII", new DateOnly(2021, 1, 31), null);
        var cityTerms = new[]
        {
            AddTerm(city, "Khóa XIV (2005–2010)", new DateOnly(2005, 12, 1), new DateOnly(2010, 10, 15)),
            AddTerm(city, "Khóa XV (2010–2015)", new DateOnly(2010, 10, 16), new DateOnly(2015, 10, 15)),
            AddTerm(city, "Khóa XVI (2015–2020)", new DateOnly(2015, 10, 16), new DateOnly(2020, 10, 19)),
        };
        var cityTermsAll = cityTerms.Concat(await db.Terms.Where(t => t.OrganisationId == city.Id).ToListAsync(ct)).ToList();
        Term CityTerm(DateOnly d) => cityTermsAll.First(t => t.StartsOn <= d && (t.EndsOn == null || t.EndsOn >= d));

        var docs = new List<Document>();
        var relations = new List<DocumentRelation>();
        Document Add(DocumentType type, string number, string symbol, Organisation issuer, Term? term, DateOnly on, string summary, string? signer = null,
            Secrecy secrecy = Secrecy.None, string? fullText = null)
        {
            var d = new Document(type.System, type, number, symbol, issuer.Id, issuer.Level, term?.Id, on, signer,
                secrecy == Secrecy.TopSecret ? null : summary, secrecy, Urgency.Normal, secrecy == Secrecy.None ? fullText : null,
                secrecy == Secrecy.None ? null : "Văn phòng Thành ủy (bản giấy)");
            docs.Add(d);
            return d;
        }
        void Link(Document from, Document to, RelationKind kind = RelationKind.Implements) => relations.Add(new DocumentRelation(from.Id, to.Id, kind));

        const DocumentSystem P = DocumentSystem.Party;
        var nq15 = Add(T(P, "NQ"), "15", Resolution15, central, khoaX, new DateOnly(2007, 7, 30),
            "Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa X về tiếp tục đổi mới phương thức lãnh đạo của Đảng đối với hoạt động của hệ thống chính trị",
            "Nông Đức Mạnh", fullText: "Nghị quyết số 15-NQ/TW ngày 30/7/2007 của Ban Chấp hành Trung ương Đảng (khóa X) về tiếp tục đổi mới phương thức lãnh đạo của Đảng đối với hoạt động của hệ thống chính trị.");

        var decree = Add(T(DocumentSystem.State, "NĐ"), "30", "30/2020/NĐ-CP", units["CP"], null, new DateOnly(2020, 3, 5),
            "Nghị định về công tác văn thư", "Nguyễn Xuân Phúc");

        var programme = Add(T(P, "CTr"), "10", "10-CTr/TU", city, CityTerm(new DateOnly(2008, 2, 5)), new DateOnly(2008, 2, 5),
            "Chương trình hành động của Thành ủy thực hiện Nghị quyết số 15-NQ/TW ngày 30/7/2007 của Ban Chấp hành Trung ương Đảng (khóa X) về tiếp tục đổi mới phương thức lãnh đạo của Đảng đối với hoạt động của hệ thống chính trị");
        Link(programme, nq15);
        (string Abbr, string Name, string Number, DateOnly On, string Summary, RelationKind Kind)[] citySeries =
        [
            ("KH", "Kế hoạch", "68", new(2008, 3, 20), "Kế hoạch quán triệt, triển khai thực hiện Nghị quyết số 15-NQ/TW trong Đảng bộ Thành phố", RelationKind.Implements),
            ("HD", "Hướng dẫn", "12", new(2009, 5, 12), "Hướng dẫn xây dựng quy chế làm việc của các quận ủy, huyện ủy, thị ủy theo hướng rõ người, rõ việc, rõ tiến độ, rõ trách nhiệm, rõ hiệu quả", RelationKind.Guides),
            ("ĐA", "Đề án", "03", new(2012, 6, 1), "Đề án đổi mới phương thức lãnh đạo của Thành ủy đối với chính quyền các cấp", RelationKind.Implements),
            ("KL", "Kết luận", "45", new(2017, 9, 14), "Kết luận của Ban Thường vụ Thành ủy về sơ kết 10 năm thực hiện Nghị quyết số 15-NQ/TW", RelationKind.Concludes),
            ("QC", "Quy chế", "02", new(2021, 4, 9), "Quy chế làm việc mẫu của Đảng ủy phường thực hiện thí điểm mô hình chính quyền đô thị", RelationKind.Implements),
            ("QC", "Quy chế", "03", new(2021, 4, 9), "Quy chế làm việc mẫu của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội phường", RelationKind.Implements),
            ("CTr", "Chương trình", "01", new(2021, 3, 5), "Chương trình công tác toàn khóa của Ban Chấp hành Đảng bộ Thành phố nhiệm kỳ 2020–2025", RelationKind.Implements),
            ("KH", "Kế hoạch", "120", new(2022, 1, 12), "Kế hoạch tổng kết 15 năm thực hiện Nghị quyết số 15-NQ/TW của Ban Chấp hành Trung ương Đảng khóa X", RelationKind.Implements),
            ("BC", "Báo cáo", "234", new(2022, 4, 10), "Báo cáo tổng kết 15 năm thực hiện Nghị quyết số 15-NQ/TW ngày 30/7/2007 của Ban Chấp hành Trung ương Đảng (khóa X)", RelationKind.ReportsOn),
        ];
        Document? reviewPlan = null;
        foreach (var (abbr, name, number, on, summary, kind) in citySeries)
        {
            var d = Add(T(P, abbr, name), number, $"{number}-{abbr}/TU", city, CityTerm(on), on, summary);
            Link(d, abbr is "BC" or "KL" || number is "68" or "120" ? nq15 : programme, kind);
            if (number == "120") reviewPlan = d;
        }
        // The secret items are register entries only: no content, and no summary at all for a top-secret one.
        Add(T(P, "CV"), "88", "88-CV/TU", city, CityTerm(new DateOnly(2025, 9, 9)), new DateOnly(2025, 9, 9), "Về công tác bảo vệ chính trị nội bộ", secrecy: Secrecy.Secret);
        Add(T(P, "BC"), "301", "301-BC/TU", city, CityTerm(new DateOnly(2025, 11, 3)), new DateOnly(2025, 11, 3), "", secrecy: Secrecy.TopSecret);

        // Each district committee planned its year's work under the city programme, 2008–2025.
        var districtTerms = new (string Name, DateOnly From, DateOnly To)[]
        {
            ("Nhiệm kỳ 2005–2010", new(2005, 10, 1), new(2010, 9, 30)), ("Nhiệm kỳ 2010–2015", new(2010, 10, 1), new(2015, 9, 30)),
            ("Nhiệm kỳ 2015–2020", new(2015, 10, 1), new(2020, 9, 30)), ("Nhiệm kỳ 2020–2025", new(2020, 10, 1), new(2025, 6, 30)),
        };
        var districts = units.Values.Where(u => u.Level == OrganisationLevel.District).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var rng = new Random(2007);
        foreach (var district in districts)
        {
            var dts = districtTerms.Select(t => AddTerm(district, t.Name, t.From, t.To)).ToList();
            var suffix = district.Code.Split('-')[0];
            var perTerm = new Dictionary<Guid, int>();
            for (var year = 2008; year <= 2025; year++)
            {
                var on = new DateOnly(year, rng.Next(1, year == 2025 ? 5 : 12), rng.Next(1, 28));
                var term = dts.First(t => t.StartsOn <= on && t.EndsOn >= on);
                var n = perTerm[term.Id] = perTerm.GetValueOrDefault(term.Id) + rng.Next(3, 40);
                var plan = Add(T(P, "KH"), n.ToString("00"), $"{n:00}-KH/{suffix}", district, term, on,
                    $"Kế hoạch thực hiện Chương trình số 10-CTr/TU của Thành ủy về đổi mới phương thức lãnh đạo của Đảng năm {year} ({district.ShortName})");
                Link(plan, programme);
            }
        }

        // Wards and communes, since 1 Jul 2025, plan the review under the city's plan.
        var wards = units.Values.Where(u => u.Level == OrganisationLevel.Commune && u.Kind == OrganisationKind.PartyCommittee)
            .OrderBy(u => u.Code, StringComparer.Ordinal).Take(40).ToList();
        foreach (var (ward, i) in wards.Select((w, i) => (w, i)))
        {
            var term = AddTerm(ward, "Nhiệm kỳ 2025–2030", new DateOnly(2025, 7, 1), null);
            var on = new DateOnly(2025, 8, 1).AddDays(i * 2);
            var plan = Add(T(P, "KH"), (5 + i % 7).ToString("00"), $"{5 + i % 7:00}-KH/ĐU", ward, term, on,
                $"Kế hoạch thực hiện Quy chế làm việc mẫu và đổi mới phương thức lãnh đạo của {ward.ShortName}");
            Link(plan, reviewPlan!);
        }

        _ = decree;
        db.Terms.AddRange(terms);
        db.Documents.AddRange(docs);
        db.DocumentRelations.AddRange(relations);
        await db.SaveChangesAsync(ct);
    }
}
