using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Resolute.Domain.Access;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Web.Data;
using Resolute.Web.Features.Documents;
using Resolute.Web.Infrastructure;
using Resolute.Web.Infrastructure.Access;

namespace Resolute.Bench;

/// <summary>
/// Document search latency: N generated documents (Vietnamese summaries and texts drawn from the vocabulary of
/// resolutions), loaded through the app's migrations and DbContext (audit trail included), then the register's own
/// search (<see cref="DocumentQueries.SearchAsync"/>) run as a city leader, whose scope filter applies.
/// </summary>
public static class SearchBenchmark
{
    internal static readonly string[] Verbs = ["Triển khai", "Tổ chức thực hiện", "Quán triệt và triển khai", "Sơ kết 6 tháng thực hiện", "Tổng kết việc thực hiện",
        "Xây dựng kế hoạch thực hiện", "Kiểm tra, giám sát việc thực hiện", "Báo cáo kết quả thực hiện", "Tuyên truyền, phổ biến", "Hướng dẫn thực hiện"];
    internal static readonly string[] Topics = ["đổi mới phương thức lãnh đạo của Đảng đối với hệ thống chính trị", "tăng cường công tác xây dựng, chỉnh đốn Đảng",
        "phòng, chống tham nhũng, lãng phí, tiêu cực", "đẩy mạnh chuyển đổi số trong các cơ quan Đảng", "cải cách hành chính và nâng cao chỉ số hài lòng của người dân",
        "xây dựng nông thôn mới nâng cao, kiểu mẫu", "bảo vệ môi trường và xử lý rác thải sinh hoạt", "phòng, chống ngập úng và ứng phó thiên tai mùa mưa bão",
        "phát triển kinh tế tư nhân", "công tác cán bộ và quy hoạch cán bộ lãnh đạo, quản lý", "sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả",
        "công tác dân vận của hệ thống chính trị", "bảo đảm an ninh, trật tự an toàn xã hội trên địa bàn", "giải phóng mặt bằng các dự án trọng điểm",
        "phát triển văn hóa, xây dựng người Hà Nội thanh lịch, văn minh", "giảm nghèo bền vững và bảo đảm an sinh xã hội", "thực hiện quy chế dân chủ ở cơ sở",
        "bảo đảm trật tự an toàn giao thông và chống ùn tắc", "ứng dụng khoa học, công nghệ và đổi mới sáng tạo", "công tác kiểm tra, giám sát và thi hành kỷ luật trong Đảng"];
    internal static readonly string[] Sentences = ["Giao các cơ quan liên quan chủ trì, phối hợp tổ chức thực hiện, bảo đảm đúng tiến độ và chất lượng.",
        "Yêu cầu xây dựng kế hoạch cụ thể, phân công rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ kết quả.",
        "Báo cáo kết quả về Văn phòng Thành ủy để tổng hợp, báo cáo Thường trực Thành ủy.",
        "Kịp thời phát hiện, tháo gỡ khó khăn, vướng mắc phát sinh trong quá trình tổ chức thực hiện.",
        "Phát huy vai trò tiên phong, gương mẫu của cán bộ, đảng viên, nhất là người đứng đầu.",
        "Tăng cường phối hợp với Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong tuyên truyền, vận động Nhân dân."];

    public static readonly string[] Queries = ["chuyển đổi số", "chuyen doi so", "Đảng", "dang", "phương thức lãnh đạo", "phuong thuc lanh dao", "cải cách hành chính", "15-NQ/TW"];

    public sealed record Measure(string Query, int Hits, double P50Ms, double P95Ms, double P99Ms);

    public static async Task<List<Measure>> RunAsync(string database, string connectionString, int documents, int iterations, TextWriter log)
    {
        var sw = Stopwatch.StartNew();
        Guid rootId;
        await using (var db = Context(database, connectionString, AccessScope.System()))
        {
            await Database.MigrateAsync(db);
            await DocumentRules.EnsureTypesAsync(db);
            rootId = await LoadAsync(db, documents);
        }
        log.WriteLine($"{database}: loaded {documents:N0} documents in {sw.Elapsed.TotalSeconds:F1} s");

        // A city leader: the documents query filter (scope, need-to-know) is part of what is measured.
        var http = new Microsoft.AspNetCore.Http.HttpContextAccessor
        {
            HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
            {
                User = new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
                    new Claim(AccessScope.GrantClaim, AccessScope.Encode(ScopeRole.Leader, rootId)),
                ], "bench")),
            },
        };
        var results = new List<Measure>();
        foreach (var q in Queries)
        {
            var times = new List<double>();
            var hits = 0;
            for (var i = 0; i < iterations + 20; i++)
            {
                await using var db = Context(database, connectionString, new AccessScope(http));
                var t = Stopwatch.GetTimestamp();
                var r = await DocumentQueries.SearchAsync(db, new(q, null, null, null, null, null, 1, 25), default);
                var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                if (i >= 20) times.Add(ms);
                hits = r.Total;
            }
            times.Sort();
            results.Add(new Measure(q, hits, Pct(times, 0.50), Pct(times, 0.95), Pct(times, 0.99)));
        }
        return results;
    }

    private static double Pct(List<double> sorted, double p) => Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);

    /// <summary>The audit keyring of the benchmark's databases, shared with the app it starts for the HTTP scenarios.</summary>
    public static readonly string KeyFile = Path.Combine(Path.GetTempPath(), "resolute-bench", "audit.keys");
    public static readonly AuditKeyring Keyring = new(KeyFile);

    public static ResoluteDbContext Context(string database, string cs, AccessScope scope) => database == "postgres"
        ? new PostgresResoluteDbContext(new DbContextOptionsBuilder<PostgresResoluteDbContext>().UseNpgsql(cs).Options, scope, TimeProvider.System, Keyring)
        : new SqliteResoluteDbContext(new DbContextOptionsBuilder<SqliteResoluteDbContext>().UseSqlite(cs).Options, scope, TimeProvider.System, Keyring);

    private static async Task<Guid> LoadAsync(ResoluteDbContext db, int count)
    {
        var rng = new Random(15);
        var root = new Organisation("BENCH-TU", "Thành ủy (bench)", "Đảng bộ thành phố (bench)", OrganisationKind.PartyCommittee, OrganisationLevel.Province, null, new DateOnly(2008, 8, 1));
        var closure = new List<OrganisationClosure> { new(root.Id, root.Id, 0) };
        var wards = Enumerable.Range(1, 126).Select(i => new Organisation($"BENCH-P{i}", $"Đảng ủy phường {i}", $"Đảng bộ phường {i}", OrganisationKind.PartyCommittee,
            OrganisationLevel.Commune, root.Id, new DateOnly(2025, 7, 1))).ToList();
        foreach (var w in wards) closure.AddRange([new(w.Id, w.Id, 0), new(root.Id, w.Id, 1)]);
        db.Organisations.AddRange([root, .. wards]);
        db.OrganisationClosures.AddRange(closure);
        var issuers = new List<Organisation> { root }.Concat(wards).ToList();
        var terms = issuers.ToDictionary(o => o.Id, o => new Term(o.Id, "2000–2030", new DateOnly(2000, 1, 1), new DateOnly(2030, 12, 31)));
        db.Terms.AddRange(terms.Values);
        await db.SaveChangesAsync();

        var types = await db.DocumentTypes.Where(t => t.System == DocumentSystem.Party && (t.Abbreviation == "NQ" || t.Abbreviation == "KH" || t.Abbreviation == "CTr" || t.Abbreviation == "BC" || t.Abbreviation == "TB")).ToListAsync();
        var seq = new Dictionary<(Guid, string), int>();
        for (var i = 0; i < count; i++)
        {
            var issuer = rng.NextDouble() < 0.3 ? root : wards[rng.Next(wards.Count)];
            var type = types[rng.Next(types.Count)];
            var n = seq[(issuer.Id, type.Abbreviation)] = seq.GetValueOrDefault((issuer.Id, type.Abbreviation)) + 1;
            var symbol = $"{n:00}-{type.Abbreviation}/{(issuer == root ? "TU" : "ĐU")}";
            var topic = Topics[rng.Next(Topics.Length)];
            var text = string.Join(" ", Enumerable.Range(0, 3).Select(_ => Sentences[rng.Next(Sentences.Length)])) + $" Tập trung lãnh đạo, chỉ đạo {topic}.";
            db.Documents.Add(new Document(DocumentSystem.Party, type, n.ToString(), symbol, issuer.Id, issuer.Level, terms[issuer.Id].Id,
                new DateOnly(2008, 1, 1).AddDays(rng.Next(0, 6500)), null, $"{Verbs[rng.Next(Verbs.Length)]} {topic}", Secrecy.None, Urgency.Normal, text, null));
            if ((i + 1) % 2000 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        return root.Id;
    }

    /// <summary>A new, empty database for a run: a temp SQLite file, or a new database on the PostgreSQL server given.</summary>
    public static string NewDatabase(string database, string? server)
    {
        if (database == "postgres")
        {
            var b = new NpgsqlConnectionStringBuilder(server ?? "Host=127.0.0.1;Port=55432;Username=postgres") { Database = "resolute_bench_" + Guid.NewGuid().ToString("N")[..8] };
            return b.ConnectionString;
        }
        var file = Path.Combine(Path.GetTempPath(), $"resolute-bench-{Guid.NewGuid():N}.db");
        return $"Data Source={file}";
    }

    public static string Json(object value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true });
}
