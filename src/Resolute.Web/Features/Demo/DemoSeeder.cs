using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Resolute.Domain.Access;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;
using Resolute.Domain.Text;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Demo;

/// <summary>
/// Seeds a realistic Hà Nội into an empty database: the City Party Committee with its standing committee and
/// advisory bodies, the People's Council and Committee, the Fatherland Front and mass organisations, the 126
/// communes and wards with their bodies, the 30 district committees dissolved on 1 Jul 2025 naming their
/// successors, the Central bodies of the seed, fictional people in their posts, and demo accounts.
/// </summary>
public static class DemoSeeder
{
    public static readonly DateOnly CityFrom = new(2008, 8, 1);
    public static readonly DateOnly DistrictsEnded = new(2025, 6, 30);
    public static readonly DateOnly CommunesFrom = new(2025, 7, 1);

    public const string CityCode = "TU-HN";
    public const string CentralCode = "TW";

    /// <summary>The demo accounts: user name, display name, role, unit code.</summary>
    public static readonly (string User, string Name, ScopeRole Role, string Unit)[] Accounts =
    [
        ("admin", "Quản trị hệ thống", ScopeRole.Admin, CityCode),
        ("vanphong", "Chuyên viên Văn phòng Thành ủy", ScopeRole.Office, CityCode),
        ("lanhdao", "Lãnh đạo Thành ủy", ScopeRole.Leader, CityCode),
        ("kiemtra", "Cán bộ Ủy ban Kiểm tra Thành ủy", ScopeRole.Inspector, CityCode),
        ("hoankiem", "Văn phòng Đảng ủy phường Hoàn Kiếm", ScopeRole.Office, "P-HOANKIEM"),
        ("cuanam", "Văn phòng Đảng ủy phường Cửa Nam", ScopeRole.Reporter, "P-CUANAM"),
    ];

    public static async Task SeedIfEmptyAsync(IServiceProvider sp, ILogger log, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<ResoluteDbContext>();
        var options = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (await db.Organisations.IgnoreQueryFilters().AnyAsync(ct))
        {
            if (options.Password is { Length: > 0 } pw)
                await ResetPasswordsAsync(sp, pw);
            PrintAccounts(options.Password is { Length: > 0 } ? options.Password : null, existing: true);
            return;
        }

        var tree = Build();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Organisations.AddRange(tree.Units);
            db.OrganisationClosures.AddRange(tree.Closure);
            db.Terms.AddRange(tree.Terms);
            db.People.AddRange(tree.People);
            db.Positions.AddRange(tree.Positions);
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two instances starting together on an empty database: one wins, the other stands down.
                if (!await AnotherInstanceSeededAsync(sp, ct)) throw;
                log.LogInformation("Another instance seeded the demo data first.");
                return;
            }
        }
        db.ChangeTracker.Clear();
        await DemoDocuments.SeedAsync(db, ct);
        db.ChangeTracker.Clear();
        await DemoAssignments.SeedAsync(db, ct);
        db.ChangeTracker.Clear();
        await DemoReviews.SeedAsync(db, ct);
        db.ChangeTracker.Clear();
        await DemoProgrammes.SeedAsync(db, sp, ct);
        db.ChangeTracker.Clear();
        await DemoDelegations.SeedAsync(db, sp, ct);
        db.ChangeTracker.Clear();

        var password = options.Password is { Length: > 0 } p ? p : RandomPassword();
        await CreateAccountsAsync(sp, db, password);
        log.LogInformation("Seeded the Hà Nội demo: {Units} units, {People} people.", tree.Units.Count, tree.People.Count);
        PrintAccounts(password, existing: false);
    }

    private static async Task<bool> AnotherInstanceSeededAsync(IServiceProvider sp, CancellationToken ct)
    {
        using var scope = sp.CreateScope();
        var fresh = scope.ServiceProvider.GetRequiredService<ResoluteDbContext>();
        return await fresh.Organisations.IgnoreQueryFilters().AnyAsync(o => o.Code == CityCode, ct);
    }

    private static async Task CreateAccountsAsync(IServiceProvider sp, ResoluteDbContext db, string password)
    {
        var users = sp.GetRequiredService<UserManager<User>>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var units = await db.Organisations.IgnoreQueryFilters().Where(o => o.ParentId == null || o.Code.StartsWith("P-"))
            .ToDictionaryAsync(o => o.Code, o => o.Id);
        foreach (var (name, display, role, unit) in Accounts)
        {
            var user = new User { UserName = name, DisplayName = display, CreatedAt = now };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
                throw new InvalidOperationException("Demo:Password does not meet the password policy: " +
                    string.Join(" ", result.Errors.Select(e => e.Description)));
            db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = role, OrganisationId = units[unit] });
            // The system administrator also administers the Central bodies kept as outside issuers.
            if (role == ScopeRole.Admin)
                db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = role, OrganisationId = units[CentralCode] });
            // The city's leader is cleared for its secret register entries; everyone else only sees them counted.
            if (name == "lanhdao")
            {
                foreach (var secret in await db.Documents.IgnoreQueryFilters().Where(d => d.Secrecy != Resolute.Domain.Documents.Secrecy.None).Select(d => d.Id).ToListAsync())
                    db.NeedToKnow.Add(new Resolute.Domain.Documents.NeedToKnow(secret, user.Id));
                foreach (var secret in await db.Assignments.IgnoreQueryFilters().Where(a => a.Secrecy != Resolute.Domain.Documents.Secrecy.None).Select(a => a.Id).ToListAsync())
                    db.AssignmentNeedToKnow.Add(new Resolute.Domain.Assignments.AssignmentNeedToKnow(secret, user.Id));
            }
        }
        await db.SaveChangesAsync();
    }

    private static async Task ResetPasswordsAsync(IServiceProvider sp, string password)
    {
        var users = sp.GetRequiredService<UserManager<User>>();
        foreach (var (name, _, _, _) in Accounts)
        {
            var user = await users.FindByNameAsync(name);
            // Unchanged when it already holds: a reset moves the security stamp, which would end the account's
            // sessions and tokens on every instance each time one starts.
            if (user is null || await users.CheckPasswordAsync(user, password)) continue;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await users.ResetPasswordAsync(user, token, password);
        }
    }

    private static string RandomPassword() =>
        "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)) + "-hn" + RandomNumberGenerator.GetInt32(10, 99);

    private static void PrintAccounts(string? password, bool existing)
    {
        Console.WriteLine();
        Console.WriteLine("=== Resolute demo (dữ liệu minh họa) ===");
        Console.WriteLine(existing && password is null
            ? "Demo accounts exist already; their password was printed on the first start. Set Demo__Password to reset it."
            : $"Password for every demo account: {password}");
        foreach (var (name, display, role, unit) in Accounts)
            Console.WriteLine($"  {name,-10} {role.CommandName(),-10} {unit,-12} {display}");
        Console.WriteLine();
    }

    internal sealed class DemoTree
    {
        public List<Organisation> Units { get; } = [];
        public List<OrganisationClosure> Closure { get; } = [];
        public List<Term> Terms { get; } = [];
        public List<Person> People { get; } = [];
        public List<Position> Positions { get; } = [];
        private readonly Dictionary<Guid, List<OrganisationClosure>> _ancestors = [];
        private readonly Random _random = new(15);

        public Organisation Add(string code, string name, string fullName, OrganisationKind kind, OrganisationLevel level,
            Organisation? parent, DateOnly from)
        {
            var unit = new Organisation(code, name, fullName, kind, level, parent?.Id, from);
            var rows = OrganisationTree.RowsForNewUnit(unit.Id, parent is null ? [] : _ancestors[parent.Id]).ToList();
            _ancestors[unit.Id] = rows;
            Units.Add(unit);
            Closure.AddRange(rows);
            return unit;
        }

        public Person Appoint(Organisation unit, string title, bool leader, DateOnly from, Person? person = null)
        {
            var concurrent = person is not null;
            person ??= NewPerson();
            Positions.Add(new Position(person.Id, unit.Id, title, leader, concurrent, from));
            return person;
        }

        private Person NewPerson()
        {
            var name = $"{Pick(HanoiData.FamilyNames)} {Pick(HanoiData.MiddleNames)} {Pick(HanoiData.GivenNames)}";
            var person = new Person(name, phone: $"024 3{_random.Next(100, 999)} {_random.Next(1000, 9999)}");
            People.Add(person);
            return person;
        }

        private string Pick(string[] items) => items[_random.Next(items.Length)];
    }

    internal static DemoTree Build()
    {
        var t = new DemoTree();
        const OrganisationLevel city = OrganisationLevel.Province;
        const OrganisationLevel commune = OrganisationLevel.Commune;

        // Central bodies: issuers of Resolution 15-NQ/TW and the steering committee whose delegation met the city.
        var central = t.Add(CentralCode, "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam",
            OrganisationKind.ExecutiveCommittee, OrganisationLevel.Central, null, new DateOnly(1930, 2, 3));
        t.Add("BCD-DA6", "Ban Chỉ đạo Đề án Trung ương 6", "Ban Chỉ đạo Đề án Trung ương 6 tổng kết thực hiện Nghị quyết Trung ương 5 khóa X",
            OrganisationKind.SteeringCommittee, OrganisationLevel.Central, central, new DateOnly(2022, 1, 1));

        // The Government, issuer of decrees such as Nghị định 30/2020/NĐ-CP on document formats.
        t.Add("CP", "Chính phủ", "Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam", OrganisationKind.OutsideBody, OrganisationLevel.Central, null, new DateOnly(1945, 9, 2));

        var root = t.Add(CityCode, "Thành ủy Hà Nội", "Đảng bộ thành phố Hà Nội", OrganisationKind.PartyCommittee, city, null, CityFrom);
        t.Terms.Add(new Term(root.Id, "Nhiệm kỳ 2020–2025", new DateOnly(2020, 10, 20), new DateOnly(2025, 10, 15)));
        t.Terms.Add(new Term(root.Id, "Nhiệm kỳ 2025–2030", new DateOnly(2025, 10, 16), null));

        var bch = t.Add("TU-HN-BCH", "Ban Chấp hành Đảng bộ Thành phố", "Ban Chấp hành Đảng bộ thành phố Hà Nội khóa XVIII",
            OrganisationKind.ExecutiveCommittee, city, root, CityFrom);
        var btv = t.Add("TU-HN-BTV", "Ban Thường vụ Thành ủy", "Ban Thường vụ Thành ủy Hà Nội", OrganisationKind.StandingCommittee, city, root, CityFrom);
        var tt = t.Add("TU-HN-TT", "Thường trực Thành ủy", "Thường trực Thành ủy Hà Nội", OrganisationKind.StandingOffice, city, root, CityFrom);
        var secretary = t.Appoint(tt, "Bí thư Thành ủy", true, new DateOnly(2025, 10, 16));
        t.Appoint(btv, "Ủy viên Ban Thường vụ", true, new DateOnly(2025, 10, 16), secretary);
        t.Appoint(bch, "Ủy viên Ban Chấp hành", true, new DateOnly(2025, 10, 16), secretary);
        var deputy = t.Appoint(tt, "Phó Bí thư Thường trực Thành ủy", true, new DateOnly(2025, 10, 16));
        t.Appoint(btv, "Ủy viên Ban Thường vụ", true, new DateOnly(2025, 10, 16), deputy);

        (string Code, string Name)[] advisory =
        [
            ("VPTU", "Văn phòng Thành ủy"), ("BTCTU", "Ban Tổ chức Thành ủy"), ("BTGDVTU", "Ban Tuyên giáo và Dân vận Thành ủy"),
            ("UBKTTU", "Ủy ban Kiểm tra Thành ủy"), ("BNCTU", "Ban Nội chính Thành ủy"), ("BCSCLTU", "Ban Chính sách, chiến lược Thành ủy"),
        ];
        foreach (var (code, name) in advisory)
        {
            var body = t.Add(code, name, name + " Hà Nội", OrganisationKind.AdvisoryBody, city, root, CityFrom);
            t.Appoint(body, name.StartsWith("Văn phòng") ? "Chánh Văn phòng" : name.StartsWith("Ủy ban") ? "Chủ nhiệm" : "Trưởng ban", true, new DateOnly(2025, 10, 20));
        }

        foreach (var (code, name) in new[] { ("DU-CQD", "Đảng ủy các cơ quan Đảng Thành phố"), ("DU-UBND", "Đảng ủy Ủy ban nhân dân Thành phố"), ("DU-MTDT", "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Thành phố") })
            t.Add(code, name, name + " Hà Nội", OrganisationKind.PartyCommittee, city, root, new DateOnly(2025, 2, 1));

        var hdnd = t.Add("HDND-HN", "HĐND Thành phố", "Hội đồng nhân dân thành phố Hà Nội", OrganisationKind.PeoplesCouncil, city, root, CityFrom);
        t.Appoint(hdnd, "Chủ tịch HĐND Thành phố", true, new DateOnly(2021, 6, 1), deputy);
        var ubnd = t.Add("UBND-HN", "UBND Thành phố", "Ủy ban nhân dân thành phố Hà Nội", OrganisationKind.PeoplesCommittee, city, root, CityFrom);
        t.Appoint(ubnd, "Chủ tịch UBND Thành phố", true, new DateOnly(2024, 6, 1));
        foreach (var (code, name) in new[]
                 {
                     ("VP-UBND-HN", "Văn phòng UBND Thành phố"), ("SNV-HN", "Sở Nội vụ"), ("STC-HN", "Sở Tài chính"), ("SXD-HN", "Sở Xây dựng"),
                     ("SGDDT-HN", "Sở Giáo dục và Đào tạo"), ("SYT-HN", "Sở Y tế"), ("SNNMT-HN", "Sở Nông nghiệp và Môi trường"),
                     ("SKHCN-HN", "Sở Khoa học và Công nghệ"),
                 })
            t.Add(code, name, name + " thành phố Hà Nội", OrganisationKind.StateAgency, city, ubnd, CityFrom);

        var mttq = t.Add("MTTQ-HN", "Ủy ban MTTQ Việt Nam Thành phố", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội",
            OrganisationKind.FatherlandFront, city, root, CityFrom);
        t.Appoint(mttq, "Chủ tịch Ủy ban MTTQ Việt Nam Thành phố", true, new DateOnly(2024, 9, 1));
        foreach (var (code, name) in new[]
                 {
                     ("TD-HN", "Thành đoàn Hà Nội"), ("HPN-HN", "Hội Liên hiệp Phụ nữ Thành phố"), ("HND-HN", "Hội Nông dân Thành phố"),
                     ("HCCB-HN", "Hội Cựu chiến binh Thành phố"), ("LDLD-HN", "Liên đoàn Lao động Thành phố"),
                 })
            t.Add(code, name, name + " Hà Nội", OrganisationKind.MassOrganisation, city, mttq, CityFrom);

        t.Add("TCT-VT-HN", "Tổng công ty Vận tải Hà Nội", "Đảng bộ Tổng công ty Vận tải Hà Nội", OrganisationKind.Enterprise, city, root, CityFrom);
        t.Add("TCT-DL-HN", "Tổng công ty Du lịch Hà Nội", "Đảng bộ Tổng công ty Du lịch Hà Nội", OrganisationKind.Enterprise, city, root, CityFrom);
        t.Add("BCD-NQ15-HN", "Ban Chỉ đạo tổng kết Nghị quyết 15", "Ban Chỉ đạo tổng kết 15 năm thực hiện Nghị quyết số 15-NQ/TW của Thành ủy Hà Nội",
            OrganisationKind.SteeringCommittee, city, root, new DateOnly(2022, 1, 10));

        var communeCommittees = new Dictionary<string, Organisation>();
        foreach (var (names, isWard) in new[] { (HanoiData.Wards, true), (HanoiData.Communes, false) })
        {
            foreach (var name in names)
            {
                var kindWord = isWard ? "phường" : "xã";
                var code = (isWard ? "P-" : "X-") + VietnameseText.CodeFragment(name);
                var du = t.Add(code, $"Đảng ủy {kindWord} {name}", $"Đảng bộ {kindWord} {name}, thành phố Hà Nội",
                    OrganisationKind.PartyCommittee, commune, root, CommunesFrom);
                communeCommittees[name] = du;
                // The first congresses of the new commune and ward committees (2025–2030): Party documents are numbered per term.
                t.Terms.Add(new Term(du.Id, "Nhiệm kỳ 2025–2030", CommunesFrom, null));
                var sec = t.Appoint(du, "Bí thư Đảng ủy", true, CommunesFrom);
                t.Appoint(du, "Phó Bí thư Thường trực Đảng ủy", true, CommunesFrom);
                t.Add(code + "-VP", $"Văn phòng Đảng ủy {kindWord} {name}", $"Văn phòng Đảng ủy {kindWord} {name}", OrganisationKind.AdvisoryBody, commune, du, CommunesFrom);
                var council = t.Add(code + "-HDND", $"HĐND {kindWord} {name}", $"Hội đồng nhân dân {kindWord} {name}", OrganisationKind.PeoplesCouncil, commune, du, CommunesFrom);
                t.Appoint(council, $"Chủ tịch HĐND {kindWord}", true, CommunesFrom, sec);
                var pc = t.Add(code + "-UBND", $"UBND {kindWord} {name}", $"Ủy ban nhân dân {kindWord} {name}", OrganisationKind.PeoplesCommittee, commune, du, CommunesFrom);
                var chair = t.Appoint(pc, $"Chủ tịch UBND {kindWord}", true, CommunesFrom);
                t.Appoint(du, "Phó Bí thư Đảng ủy", true, CommunesFrom, chair);
                var front = t.Add(code + "-MTTQ", $"Ủy ban MTTQ {kindWord} {name}", $"Ủy ban Mặt trận Tổ quốc Việt Nam {kindWord} {name}", OrganisationKind.FatherlandFront, commune, du, CommunesFrom);
                t.Appoint(front, $"Chủ tịch Ủy ban MTTQ {kindWord}", true, CommunesFrom);
                t.Add(code + "-DTN", $"Đoàn Thanh niên {kindWord} {name}", $"Đoàn Thanh niên Cộng sản Hồ Chí Minh {kindWord} {name}", OrganisationKind.MassOrganisation, commune, front, CommunesFrom);
                t.Add(code + "-HPN", $"Hội Phụ nữ {kindWord} {name}", $"Hội Liên hiệp Phụ nữ {kindWord} {name}", OrganisationKind.MassOrganisation, commune, front, CommunesFrom);
                t.Add(code + "-HCCB", $"Hội Cựu chiến binh {kindWord} {name}", $"Hội Cựu chiến binh {kindWord} {name}", OrganisationKind.MassOrganisation, commune, front, CommunesFrom);
                if (!isWard)
                    t.Add(code + "-HND", $"Hội Nông dân xã {name}", $"Hội Nông dân xã {name}", OrganisationKind.MassOrganisation, commune, front, CommunesFrom);
            }
        }

        foreach (var (committee, name, successor) in HanoiData.Districts)
        {
            var prefix = committee switch { "Quận ủy" => "QU-", "Thị ủy" => "TXU-", _ => "HU-" };
            var unit = t.Add(prefix + VietnameseText.CodeFragment(name), $"{committee} {name}", $"Đảng bộ {committee switch { "Quận ủy" => "quận", "Thị ủy" => "thị xã", _ => "huyện" }} {name}",
                OrganisationKind.PartyCommittee, OrganisationLevel.District, root, CityFrom);
            unit.Dissolve(DistrictsEnded, communeCommittees[successor],
                "Kết thúc hoạt động của đảng bộ cấp huyện từ ngày 01/7/2025 theo chủ trương sắp xếp đơn vị hành chính hai cấp.");
        }

        // The standing committee of the 2020–2025 term, which heard the 15-year review of 15-NQ/TW in April 2022; its posts
        // ended with the term. Added last, so the people drawn above keep their names.
        var termEnd = new DateOnly(2025, 10, 15);
        var termStart = new DateOnly(2020, 10, 20);
        var formerSecretary = t.Appoint(tt, "Bí thư Thành ủy", true, termStart);
        var tuyen = new Person("Nguyễn Thị Tuyến");
        t.People.Add(tuyen);
        t.Appoint(tt, "Phó Bí thư Thường trực Thành ủy", true, termStart, tuyen);
        foreach (var p in new[] { formerSecretary, tuyen })
            t.Appoint(btv, "Ủy viên Ban Thường vụ", true, termStart, p);
        for (var i = 0; i < 5; i++) t.Appoint(btv, "Ủy viên Ban Thường vụ", false, termStart);
        foreach (var post in t.Positions.Where(x => x.StartsOn == termStart)) post.End(termEnd);

        // Working delegation no. 1 of the Central Project 6 steering committee (the seed), which numbers its documents in
        // the Central Committee's XIII term; and the city inspection commission's supervision team of 2026.
        t.Terms.Add(new Term(central.Id, "Khóa XIII", new DateOnly(2021, 1, 31), new DateOnly(2026, 1, 22)));
        var steering = t.Units.First(u => u.Code == "BCD-DA6");
        foreach (var title in new[] { "Trưởng Đoàn công tác số 1", "Thành viên Đoàn công tác số 1", "Thành viên Đoàn công tác số 1", "Thư ký Đoàn công tác số 1" })
            t.Appoint(steering, title, title.StartsWith("Trưởng"), new DateOnly(2022, 1, 1));
        foreach (var post in t.Positions.Where(x => x.OrganisationId == steering.Id)) post.End(new DateOnly(2022, 12, 31));
        var inspection = t.Units.First(u => u.Code == "UBKTTU");
        t.Appoint(inspection, "Phó Chủ nhiệm", true, new DateOnly(2025, 10, 20));
        t.Appoint(inspection, "Kiểm tra viên", false, new DateOnly(2025, 10, 20));
        return t;
    }
}
