using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using Resolute.Web.Infrastructure.Access;

namespace Resolute.Bench;

/// <summary>
/// The load driver: the app runs as its own process on Kestrel at 127.0.0.1 over a loaded database; this process sends
/// requests with a personal access token at a given concurrency for a given duration after a warm-up, and reads the
/// server's CPU time and peak memory from /proc. Each scenario's question is also asked as bare SQL on the same
/// database, so the app's overhead shows.
/// </summary>
public static class HttpBenchmark
{
    public sealed record Result(string Scenario, string Database, int Tasks, int Concurrency, double DurationS, double Rps, double P50Ms,
        double P95Ms, double P99Ms, int Errors, double CpuSecondsPer1000, double PeakRssMb, double? BareSqlMs);

    private sealed record Scenario(string Name, int Concurrency, Func<Random, HttpRequestMessage> Request, string? BareSql);

    public static async Task<List<Result>> RunAsync(string database, string cs, TasksBenchmark.Loaded data, double durationS, double warmupS,
        int concurrency, TextWriter log, ProgrammesBenchmark.Seeded? programmes = null)
    {
        // An account holding the leader's role over the city, and its token.
        string token;
        await using (var db = SearchBenchmark.Context(database, cs, AccessScope.System()))
        {
            var user = new User
            {
                UserName = "bench",
                NormalizedUserName = "BENCH",
                DisplayName = "Benchmark",
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = DateTime.UtcNow,
            };
            db.Users.Add(user);
            db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = ScopeRole.Office, OrganisationId = data.Root });
            await db.SaveChangesAsync();
            token = await PersonalAccessTokens.CreateAsync(db, user.Id, "bench", DateTime.UtcNow);
        }
        var versions = await OpenTasksAsync(database, cs, data);
        var open = versions.Keys.ToList();

        var port = FreePort();
        using var server = StartServer(database, cs, port);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await WaitForHealthAsync(http, server);

        var today = VietnamTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        string Q(string s) => s.Replace("@root", database == "postgres" ? $"'{data.Root}'" : $"'{data.Root.ToString().ToUpperInvariant()}'").Replace("@today", $"'{today}'");
        var words = new[] { "ngập úng", "ngap ung", "chuyển đổi số", "chuyen doi so" };
        var documentWords = new[] { "chỉnh đốn Đảng", "chinh don dang", "phương thức lãnh đạo", "phuong thuc lanh dao" };
        HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);
        var scenarios = new List<Scenario>
        {
            new("overdue-list", concurrency, _ => Get($"/api/assignments?org={data.Root}&subtree=true&status=overdue&pageSize=25"),
                Q("SELECT \"Id\", \"Title\", \"DueOn\" FROM assignments WHERE \"State\" = 'Assigned' AND \"CompletedOn\" IS NULL AND \"DueOn\" < @today ORDER BY \"DueOn\" LIMIT 25")),
            new("dashboard", concurrency, _ => Get($"/api/dashboard?org={data.Root}"),
                Q("SELECT \"LeadId\", CASE WHEN \"CompletedOn\" IS NOT NULL THEN (CASE WHEN \"CompletedOn\" > \"DeadlineInForce\" THEN 5 ELSE 4 END) WHEN \"DueOn\" < @today THEN 3 ELSE 2 END AS code, COUNT(*) FROM assignments GROUP BY 1, 2")),
            new("one-assignment", concurrency, r => Get($"/api/assignments/{data.TaskIds[r.Next(data.TaskIds.Count)]}"), null),
            new("search", concurrency, r => Get($"/api/assignments?q={Uri.EscapeDataString(words[r.Next(words.Length)])}&pageSize=25"),
                Q("SELECT \"Id\" FROM assignments WHERE \"SearchText\" LIKE '%ngap ung%' LIMIT 25")),
            new("document-search", concurrency, r => Get($"/api/documents?q={Uri.EscapeDataString(documentWords[r.Next(documentWords.Length)])}&pageSize=25"),
                database == "postgres"
                    ? "SELECT \"Id\" FROM documents WHERE to_tsvector('simple', resolute_fold(coalesce(\"Symbol\", '') || ' ' || coalesce(\"Summary\", '') || ' ' || coalesce(\"FullText\", '') || ' ' || coalesce(\"AttachmentText\", ''))) @@ to_tsquery('simple', 'chinh & don & dang:*') LIMIT 25"
                    : "SELECT rowid FROM documents_fts WHERE documents_fts MATCH '\"chinh\" \"don\" \"dang\"*' LIMIT 25"),
            new("progress-write", 4, r =>
            {
                var id = open[r.Next(open.Count)];
                int version;
                // Each report moves the task's version by one; the driver keeps count (two writers rarely pick the same task).
                lock (versions) version = versions[id]++;
                return new HttpRequestMessage(HttpMethod.Post, $"/api/assignments/{id}/progress")
                {
                    Content = JsonContent.Create(new { narrative = "Đã triển khai, đang tổng hợp kết quả báo cáo Thường trực.", percent = r.Next(10, 90), version }),
                };
            }, null),
        };
        scenarios.Add(new("mixed", concurrency, r => r.Next(100) switch
        {
            < 40 => scenarios[2].Request(r),
            < 60 => scenarios[0].Request(r),
            < 75 => scenarios[1].Request(r),
            < 90 => scenarios[3].Request(r),
            _ => scenarios[5].Request(r),
        }, null));
        if (programmes is { } pr)
        {
            // The city's programme page data (40 items with names, gaps and history), its report over the year, and the adoption table of the communes and wards.
            scenarios.Add(new("programme", concurrency, _ => Get($"/api/work-programmes/{pr.CityProgramme}"), null));
            scenarios.Add(new("programme-report", concurrency, _ => Get($"/api/work-programmes/{pr.CityProgramme}/report?from={pr.Year}-01-01&to={pr.Year}-12-01"), null));
            if (pr.Meeting is { } meeting)
            {
                scenarios.Add(new("meeting", concurrency, _ => Get($"/api/meetings/{meeting}"), null));
                scenarios.Add(new("conclusions-report", concurrency, _ => Get($"/api/meetings/report?org={data.Root}&from={pr.Year}-01-01&to={pr.Year}-12-31"), null));
                // The city's dashboard of the tasks born from its standing committee's conclusions (counted from the tasks, not the tally).
                scenarios.Add(new("dashboard-conclusions", concurrency, _ => Get($"/api/dashboard?org={data.Root}&conclusions=standingCommittee"), null));
            }
            if (pr.Delegation is { } delegation)
            {
                // One delegation with 20 units, sessions, conclusions and 60 recommendations; the state of every recommendation; the body's inspection programme.
                scenarios.Add(new("delegation", concurrency, _ => Get($"/api/delegations/{delegation}"), null));
                scenarios.Add(new("recommendations", concurrency, _ => Get($"/api/delegations/recommendations?org={data.Root}&year={pr.Year}"), null));
                scenarios.Add(new("inspection-programme", concurrency, _ => Get($"/api/inspection-programmes?org={data.Root}&year={pr.Year}"), null));
            }
            scenarios.Add(new("adoption", concurrency, _ => Get($"/api/work-programmes/adoption?org={data.Root}&year={pr.Year}"),
                Q("SELECT \"OrganisationId\", \"State\", \"ApprovedOn\" FROM work_programmes WHERE \"Kind\" = 'Annual'")));
        }

        var results = new List<Result>();
        foreach (var s in scenarios)
        {
            await DriveAsync(http, s, warmupS, null);
            var cpu0 = CpuSeconds(server.Id);
            var (times, errors, elapsed) = await DriveAsync(http, s, durationS, null);
            var cpu = CpuSeconds(server.Id) - cpu0;
            times.Sort();
            double? bare = s.BareSql is null ? null : await BareSqlAsync(database, cs, s.BareSql);
            var r = new Result(s.Name, database, data.Tasks, s.Concurrency, Math.Round(elapsed, 1), Math.Round(times.Count / elapsed, 1),
                Pct(times, .5), Pct(times, .95), Pct(times, .99), errors, times.Count == 0 ? 0 : Math.Round(cpu * 1000 / times.Count, 3),
                PeakRssMb(server.Id), bare is null ? null : Math.Round(bare.Value, 2));
            log.WriteLine($"  {r.Scenario,-16} c={r.Concurrency,-3} {r.Rps,8} req/s  p50 {r.P50Ms,7} p95 {r.P95Ms,7} p99 {r.P99Ms,7}  errors {r.Errors}  cpu/1000 {r.CpuSecondsPer1000} s  rss {r.PeakRssMb} MB  bare {r.BareSqlMs} ms");
            results.Add(r);
        }
        server.Kill(entireProcessTree: true);
        return results;
    }

    private static async Task<(List<double> Times, int Errors, double Elapsed)> DriveAsync(HttpClient http, Scenario s, double seconds, object? _)
    {
        var times = new List<double>();
        var errors = 0;
        var sw = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, s.Concurrency).Select(async w =>
        {
            var random = new Random(w * 7919 + 1);
            var mine = new List<double>();
            var bad = 0;
            while (sw.Elapsed < until)
            {
                using var request = s.Request(random);
                var t = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode) bad++;
                }
                catch (HttpRequestException)
                {
                    bad++;
                }
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            lock (times) times.AddRange(mine);
            Interlocked.Add(ref errors, bad);
        }).ToList();
        await Task.WhenAll(workers);
        return (times, errors, sw.Elapsed.TotalSeconds);
    }

    /// <summary>Open tasks with their versions: a write sends the version it read (a missing one is a 400, a stale one a 409).</summary>
    private static async Task<Dictionary<Guid, int>> OpenTasksAsync(string database, string cs, TasksBenchmark.Loaded data)
    {
        await using var db = SearchBenchmark.Context(database, cs, AccessScope.System());
        return await db.Assignments.Where(a => a.CompletedOn == null && a.State == Domain.Assignments.AssignmentState.Assigned)
            .Take(20_000).ToDictionaryAsync(a => a.Id, a => a.Version);
    }

    /// <summary>The bare query's median over 30 runs after 5 warm-ups, on a connection of its own.</summary>
    private static async Task<double> BareSqlAsync(string database, string cs, string sql)
    {
        await using var db = SearchBenchmark.Context(database, cs, AccessScope.System());
        DbConnection c = db.Database.GetDbConnection();
        await c.OpenAsync();
        var times = new List<double>();
        for (var i = 0; i < 35; i++)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            var t = Stopwatch.GetTimestamp();
            await using (var reader = await cmd.ExecuteReaderAsync())
                while (await reader.ReadAsync()) { }
            if (i >= 5) times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static Process StartServer(string database, string cs, int port)
    {
        var root = Directory.GetCurrentDirectory();
        var dll = Path.Combine(root, "src", "Resolute.Web", "bin", "Release", "net10.0", "Resolute.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build the app first: dotnet build -c Release src/Resolute.Web ({dll})");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(root, "src", "Resolute.Web"), RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Database__Provider"] = database == "postgres" ? "Postgres" : "Sqlite";
        psi.Environment["ConnectionStrings__Default"] = cs;
        psi.Environment["Demo__Enabled"] = "false";
        psi.Environment["Audit__KeyFile"] = SearchBenchmark.KeyFile;
        psi.Environment["Reminders__Enabled"] = "false";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process server)
    {
        for (var i = 0; i < 120; i++)
        {
            if (server.HasExited) throw new InvalidOperationException("The app exited at start-up.");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("The app did not answer /health.");
    }

    private static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>User plus system CPU time of the process, from /proc (clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }

    private static double PeakRssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:"));
        return Math.Round(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0, 1);
    }

    private static double Pct(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);
}
