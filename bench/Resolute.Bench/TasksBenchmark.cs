using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Assignments;
using Resolute.Web.Infrastructure;
using Resolute.Web.Infrastructure.Access;

namespace Resolute.Bench;

/// <summary>
/// Task-list and dashboard latency on the canonical "city" data set (../shared/bench/gen_dataset.py): 777 units,
/// N tasks over five years, three progress notes each. The CSV files are loaded through the app's schema and
/// DbContext (one audit event for the load), then the app's own queries run in-process with a city leader's scope,
/// each in a fresh DbContext as a request would.
/// </summary>
public static class TasksBenchmark
{
    public sealed record Measure(string Scenario, string Detail, double P50Ms, double P95Ms, double P99Ms);

    public sealed record Loaded(Guid Root, Guid Ward, List<Guid> TaskIds, double LoadSeconds, int Tasks, int Notes);

    public static string Generate(int tasks, string today)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"city-{tasks}-{today}");
        if (File.Exists(Path.Combine(dir, "meta.json"))) return dir;
        var script = Path.GetFullPath(Path.Combine("..", "shared", "bench", "gen_dataset.py"));
        var p = Process.Start(new ProcessStartInfo("python3", $"\"{script}\" --out \"{dir}\" --tasks {tasks} --today {today}") { RedirectStandardOutput = true })!;
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("gen_dataset.py failed");
        return dir;
    }

    /// <summary>RFC 4180 rows (quoted fields, doubled quotes, line breaks inside quotes), header skipped.</summary>
    private static IEnumerable<string[]> Csv(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, false, 1 << 16);
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var header = true;
        bool quoted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else field.Append((char)c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (!header) yield return fields.ToArray();
                    header = false;
                    fields.Clear();
                    any = false;
                    break;
                default: field.Append((char)c); any = true; break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            if (!header) yield return fields.ToArray();
        }
    }

    private static DateTime Utc(string local) =>
        DateTime.SpecifyKind(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) - VietnamTime.Offset, DateTimeKind.Utc);

    public static async Task<Loaded> LoadAsync(string database, string cs, string dir, TextWriter log)
    {
        var sw = Stopwatch.StartNew();
        await using var db = SearchBenchmark.Context(database, cs, AccessScope.System());
        await Database.MigrateAsync(db);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var tasksFile = Path.Combine(dir, "tasks.csv");
        db.BeginBulkLoad("Assignment", new { source = dir, file = "tasks.csv" });

        // Units and their closure, one leader each.
        var units = new Dictionary<string, Organisation>();
        var ancestors = new Dictionary<Guid, List<OrganisationClosure>>();
        var leaders = new Dictionary<Guid, Guid>();
        foreach (var r in Csv(Path.Combine(dir, "organisations.csv")))
        {
            var (kind, level) = r[3] switch
            {
                "city_committee" => (OrganisationKind.PartyCommittee, OrganisationLevel.Province),
                "city_agency" => (OrganisationKind.AdvisoryBody, OrganisationLevel.Province),
                "commune_committee" => (OrganisationKind.PartyCommittee, OrganisationLevel.Commune),
                "commune_people_committee" => (OrganisationKind.PeoplesCommittee, OrganisationLevel.Commune),
                "commune_fatherland_front" => (OrganisationKind.FatherlandFront, OrganisationLevel.Commune),
                _ => (OrganisationKind.MassOrganisation, OrganisationLevel.Commune),
            };
            var parent = r[1].Length > 0 ? units[r[1]] : null;
            var o = new Organisation($"CITY-{r[0]}", r[2].Length > 150 ? r[2][..150] : r[2], r[2], kind, level, parent?.Id, new DateOnly(2020, 1, 1));
            var rows = OrganisationTree.RowsForNewUnit(o.Id, parent is null ? [] : ancestors[parent.Id]).ToList();
            ancestors[o.Id] = rows;
            units[r[0]] = o;
            db.Organisations.Add(o);
            db.OrganisationClosures.AddRange(rows);
            var person = new Person($"Lãnh đạo {r[0]}");
            db.People.Add(person);
            db.Positions.Add(new Position(person.Id, o.Id, "Người đứng đầu", true, false, new DateOnly(2020, 1, 1)));
            leaders[o.Id] = person.Id;
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var root = units["1"];
        var phases = new List<string> { $"units {sw.Elapsed.TotalSeconds:F1} s" };
        var mark = sw.Elapsed;
        void Phase(string name)
        {
            phases.Add($"{name} {(sw.Elapsed - mark).TotalSeconds:F1} s");
            mark = sw.Elapsed;
        }
        var documentCount = await LoadDocumentsAsync(db, units.Values.ToList(), root, CountLines(tasksFile) / 10);
        Phase("documents");

        // Notes by task, to attach them as each task is added.
        var notes = Csv(Path.Combine(dir, "progress_notes.csv")).GroupBy(n => n[1]).ToDictionary(g => g.Key, g => g.Select(n => (At: Utc(n[2]), Body: n[3])).ToList());
        Phase("reading progress_notes.csv");
        var ids = new List<Guid>();
        var count = 0;
        var noteCount = 0;
        // Tasks and their history are made by the domain (Assignment.Imported, ImportReport) and written by the app's
        // bulk writer: binary COPY on PostgreSQL, a prepared INSERT in one transaction on SQLite.
        var batch = new List<Assignment>();
        var tx = database == "sqlite" ? await db.Database.BeginTransactionAsync() : null;
        async Task Flush()
        {
            await BulkWriter.InsertAsync(db, batch);
            await BulkWriter.InsertAsync(db, batch.SelectMany(a => a.Reports).ToList());
            batch.Clear();
        }
        foreach (var t in Csv(tasksFile))
        {
            var lead = units[t[1]];
            // The root and city agencies take tasks from the city; a ward's bodies from their ward committee.
            var assigner = lead.Level == OrganisationLevel.Commune && lead.Kind != OrganisationKind.PartyCommittee ? lead.ParentId!.Value : root.Id;
            var created = Utc(t[4]);
            var deadline = DateOnly.ParseExact(t[5], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            DateOnly? completed = t[6].Length > 0 ? VietnamTime.DateOf(Utc(t[6])) : null;
            var a = Assignment.Imported(assigner, lead.Id, leaders[lead.Id], t[2], t[3], "Chương trình công tác", created, deadline, completed, 40);
            if (notes.TryGetValue(t[0], out var list))
                for (var i = 0; i < list.Count; i++)
                {
                    var last = i == list.Count - 1 && completed is not null;
                    a.ImportReport(list[i].Body, last ? 100 : 30 * (i + 1), last, list[i].At, VietnamTime.DateOf(list[i].At));
                    noteCount++;
                }
            batch.Add(a);
            ids.Add(a.Id);
            if (++count % 10_000 == 0) await Flush();
        }
        await Flush();
        if (tx is not null)
        {
            await tx.CommitAsync();
            await tx.DisposeAsync();
        }
        Phase("tasks and reports");
        await db.EndBulkLoadAsync();
        Phase("tally");
        // Fresh statistics (and, on PostgreSQL, the visibility map that index-only scans need), as a maintained database has.
        await db.Database.ExecuteSqlRawAsync(database == "postgres" ? "VACUUM ANALYZE" : "ANALYZE");
        Phase("statistics");
        var seconds = sw.Elapsed.TotalSeconds;
        log.WriteLine($"  load phases: {string.Join(", ", phases)}");
        log.WriteLine($"{database}: loaded {count:N0} tasks, {noteCount:N0} progress reports, {documentCount:N0} documents, {units.Count} units in {seconds:F1} s");
        var ward = units.Values.First(u => u.Kind == OrganisationKind.PartyCommittee && u.Level == OrganisationLevel.Commune);
        return new Loaded(root.Id, ward.Id, ids, seconds, count, noteCount);
    }

    private static int CountLines(string path) => File.ReadLines(path).Count() - 1;

    /// <summary>
    /// The data set's documents (N/10), made deterministically from a seed as the register would hold them: Party documents
    /// of the city and the ward committees numbered per term ("12-NQ/TU", "7-KH/ĐU"), state documents of the People's
    /// Committees numbered per year ("45/KH-UBND"), summaries and texts from the vocabulary of resolutions. Written by
    /// the app's bulk writer; the full-text index follows through its triggers (SQLite) or index (PostgreSQL).
    /// </summary>
    private static async Task<int> LoadDocumentsAsync(Web.Data.ResoluteDbContext db, List<Organisation> units, Organisation root, int count)
    {
        await Web.Features.Documents.DocumentRules.EnsureTypesAsync(db);
        var rng = new Random(10);
        var party = units.Where(u => u.Kind == OrganisationKind.PartyCommittee).ToList();
        var state = units.Where(u => u.Kind == OrganisationKind.PeoplesCommittee).ToList();
        var terms = party.ToDictionary(o => o.Id, o => new Term(o.Id, "2020–2025", new DateOnly(2020, 1, 1), new DateOnly(2030, 12, 31)));
        db.Terms.AddRange(terms.Values);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        string[] wanted = ["NQ", "KH", "CTr", "BC", "TB", "QĐ"];
        var types = await db.DocumentTypes.AsNoTracking().Where(t => wanted.Contains(t.Abbreviation)).ToListAsync();
        var partyTypes = types.Where(t => t.System == DocumentSystem.Party).ToList();
        var stateTypes = types.Where(t => t.System == DocumentSystem.State).ToList();
        var seq = new Dictionary<(Guid, string, int), int>();
        var batch = new List<Document>();
        for (var i = 0; i < count; i++)
        {
            var isParty = rng.NextDouble() < 0.6 || stateTypes.Count == 0;
            var issuer = isParty ? (rng.NextDouble() < 0.3 ? root : party[rng.Next(party.Count)]) : state[rng.Next(state.Count)];
            var type = isParty ? partyTypes[rng.Next(partyTypes.Count)] : stateTypes[rng.Next(stateTypes.Count)];
            var issuedOn = new DateOnly(2021, 12, 1).AddDays(rng.Next(0, 1820));
            // Party numbers run per issuer, type and term; state numbers per issuer and year, whatever the type.
            var key = isParty ? (issuer.Id, type.Abbreviation, 0) : (issuer.Id, "", issuedOn.Year);
            var n = seq[key] = seq.GetValueOrDefault(key) + 1;
            var symbol = isParty ? $"{n}-{type.Abbreviation}/{(issuer == root ? "TU" : "ĐU")}" : $"{n}/{type.Abbreviation}-UBND";
            var topic = SearchBenchmark.Topics[rng.Next(SearchBenchmark.Topics.Length)];
            var text = string.Join(" ", Enumerable.Range(0, 3).Select(_ => SearchBenchmark.Sentences[rng.Next(SearchBenchmark.Sentences.Length)]))
                + $" Tập trung lãnh đạo, chỉ đạo {topic}.";
            batch.Add(new Document(isParty ? DocumentSystem.Party : DocumentSystem.State, type, n.ToString(), symbol, issuer.Id, issuer.Level,
                isParty ? terms[issuer.Id].Id : null, issuedOn, null, $"{SearchBenchmark.Verbs[rng.Next(SearchBenchmark.Verbs.Length)]} {topic}",
                Secrecy.None, Urgency.Normal, text, null));
            if (batch.Count == 5000)
            {
                await BulkWriter.InsertAsync(db, batch);
                batch.Clear();
            }
        }
        await BulkWriter.InsertAsync(db, batch);
        return count;
    }

    private static AccessScope Scope(ScopeRole role, Guid unit) => new(new Microsoft.AspNetCore.Http.HttpContextAccessor
    {
        HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
                new Claim(AccessScope.GrantClaim, AccessScope.Encode(role, unit)),
            ], "bench")),
        },
    });

    public static async Task<List<Measure>> RunAsync(string database, string cs, Loaded data, int iterations, TimeProvider clock, TextWriter log)
    {
        var results = new List<Measure>();
        var random = new Random(7);
        async Task Time(string scenario, string detail, ScopeRole role, Guid unit, Func<Web.Data.ResoluteDbContext, Task> query)
        {
            // BENCH_ONLY=name runs that scenario alone (for a profiler).
            if (Environment.GetEnvironmentVariable("BENCH_ONLY") is { Length: > 0 } only && only != scenario) return;
            var times = new List<double>();
            for (var i = 0; i < iterations + 10; i++)
            {
                await using var db = Context(database, cs, Scope(role, unit), clock);
                var t = Stopwatch.GetTimestamp();
                await query(db);
                if (i >= 10) times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            times.Sort();
            var m = new Measure(scenario, detail, Pct(times, .5), Pct(times, .95), Pct(times, .99));
            log.WriteLine($"  {scenario,-28} p50 {m.P50Ms,7} p95 {m.P95Ms,7} p99 {m.P99Ms,7}  {detail}");
            results.Add(m);
        }

        var overdueTotal = 0;
        await Time("overdue-list-root", "whole tree, page 1 of 25 by due date", ScopeRole.Leader, data.Root, async db =>
            overdueTotal = (await AssignmentQueries.ListAsync(db, new() { Org = data.Root, Subtree = true, Statuses = [AssignmentStatus.Overdue] }, default)).Total);
        await Time("dashboard-root", "counts by status per child unit, on-time rate, lists, trend", ScopeRole.Leader, data.Root, db => Dashboard.BuildAsync(db, data.Root, default));
        await Time("assignment-details", "one task with its progress history (random ids)", ScopeRole.Leader, data.Root, db =>
            AssignmentDetails.LoadAsync(db, data.TaskIds[random.Next(data.TaskIds.Count)], default));
        await Time("list-open-text", "open tasks matching \"ngap ung\", page 1", ScopeRole.Leader, data.Root, db =>
            AssignmentQueries.ListAsync(db, new() { Org = data.Root, Subtree = true, Statuses = [AssignmentStatus.OnTrack, AssignmentStatus.Overdue], Q = "ngap ung" }, default));
        await Time("dashboard-ward", "a ward committee's dashboard, as its own leader", ScopeRole.Leader, data.Ward, db => Dashboard.BuildAsync(db, data.Ward, default));
        await Time("list-ward-reporter", "a ward reporter's task list, page 1", ScopeRole.Reporter, data.Ward, db =>
            AssignmentQueries.ListAsync(db, new() { Org = data.Ward, Subtree = true }, default));
        log.WriteLine($"  (overdue tasks in the tree: {overdueTotal:N0})");

        // Last, as it gives every task a source: the consolidated report of a review of that source.
        var review = await SetUpReviewAsync(database, cs, data, clock, log);
        await Time("review-consolidated", "review of a resolution with 2,000 implementing documents, every task from it, 146 unit reports: figures, items, .docx", ScopeRole.Leader, data.Root, async db =>
        {
            var view = await Web.Features.Reviews.ReviewReport.LoadAsync(db, review, default);
            await Web.Features.Reviews.ReviewReport.ToDocxAsync(db, view, new(), default);
        });
        return results;
    }

    /// <summary>
    /// A resolution of the root with 2,000 documents implementing it (a third of them through another), every task
    /// given under it, and a review campaign sent to the root's direct units, each of which reported and was accepted,
    /// consolidated into 33 items.
    /// </summary>
    private static async Task<Guid> SetUpReviewAsync(string database, string cs, Loaded data, TimeProvider clock, TextWriter log)
    {
        var sw = Stopwatch.StartNew();
        await using var db = Context(database, cs, AccessScope.System(), clock);
        var rng = new Random(15);
        var root = await db.Organisations.FirstAsync(o => o.Id == data.Root);
        var units = await db.OrganisationClosures.Where(c => c.AncestorId == data.Root).Select(c => c.DescendantId).ToListAsync();
        var children = await db.Organisations.Where(o => o.ParentId == data.Root).Select(o => o.Id).ToListAsync();
        var term = new Term(root.Id, "2000–2030", new DateOnly(2000, 1, 1), new DateOnly(2030, 12, 31));
        db.Terms.Add(term);
        await Web.Features.Documents.DocumentRules.EnsureTypesAsync(db);
        var nq = await db.DocumentTypes.FirstAsync(t => t.System == DocumentSystem.Party && t.Abbreviation == "NQ");
        var kh = await db.DocumentTypes.FirstAsync(t => t.System == DocumentSystem.State && t.Abbreviation == "KH");
        var subject = new Document(DocumentSystem.Party, nq, "15", "15-NQ/TU", root.Id, root.Level, term.Id, new DateOnly(2007, 7, 30), null,
            "Nghị quyết về đổi mới phương thức lãnh đạo", Secrecy.None, Urgency.Normal, null, null);
        db.Documents.Add(subject);
        var plans = new List<Document>();
        for (var i = 0; i < 2000; i++)
        {
            var issuer = units[rng.Next(units.Count)];
            var d = new Document(DocumentSystem.State, kh, (i + 1).ToString(), $"{i + 1}/KH-BENCH", issuer, OrganisationLevel.Commune, null,
                new DateOnly(2008, 1, 1).AddDays(rng.Next(0, 5000)), null, "Kế hoạch thực hiện nghị quyết", Secrecy.None, Urgency.Normal, null, null);
            db.Documents.Add(d);
            db.DocumentRelations.Add(new DocumentRelation(d.Id, i % 3 == 2 && plans.Count > 0 ? plans[rng.Next(plans.Count)].Id : subject.Id, RelationKind.Implements));
            plans.Add(d);
        }
        await db.SaveChangesAsync();
        // Every task is rewritten (and, on PostgreSQL, every index entry with it, the full-text one included): minutes, not seconds.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Assignments.IgnoreQueryFilters().ExecuteUpdateAsync(s => s.SetProperty(a => a.SourceDocumentId, subject.Id));

        var today = VietnamTime.Today(clock);
        var c = new ReviewCampaign(root.Id, ReviewKind.Final, "Tổng kết 15 năm thực hiện Nghị quyết (bench)", subject.Id, null, new DateOnly(2007, 7, 30), today,
            today.AddDays(30), ReviewOutline.From(ReviewOutline.StandardSections.Select(x => x.Key), null, "Số cuộc kiểm tra | cuộc"), DateTime.UtcNow, null);
        foreach (var u in children) c.AddRecipient(u);
        c.Send(today);
        foreach (var r in c.Reports)
        {
            r.SaveDraft(c.Outline, [(null, ReviewOutline.Results, "Ban hành kế hoạch, quán triệt nghị quyết"), (null, ReviewOutline.Limitations, "Kiểm tra còn ít"),
                (null, ReviewOutline.Tasks, "Tiếp tục đổi mới cách ra nghị quyết")], [("reported-1", rng.Next(1, 20), null)]);
            r.Submit(today, "bench");
            c.Accept(r.Id, DateTime.UtcNow, "bench");
        }
        var all = c.Reports.SelectMany(r => r.Items).ToList();
        foreach (var (key, n) in new[] { (ReviewOutline.Results, 6), (ReviewOutline.Limitations, 7), (ReviewOutline.Lessons, 4), (ReviewOutline.Tasks, 8), (ReviewOutline.Breakthroughs, 2), (ReviewOutline.Recommendations, 6) })
            for (var i = 0; i < n; i++)
                c.AddItem(key, $"Mục tổng hợp {i + 1}", all.Where(x => x.SectionKey == key).Skip(i * 5).Take(5).Select(x => x.Id));
        db.ReviewCampaigns.Add(c);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync(database == "postgres" ? "VACUUM ANALYZE" : "ANALYZE");
        log.WriteLine($"  (review set up in {sw.Elapsed.TotalSeconds:F1} s: 2,000 implementing documents, {data.Tasks:N0} tasks from the resolution, {c.Reports.Count} unit reports)");
        return c.Id;
    }

    /// <summary>BENCH_SQL_LOG=1 prints every command with its duration, to see where a scenario's time goes.</summary>
    private static readonly bool LogSql = Environment.GetEnvironmentVariable("BENCH_SQL_LOG") == "1";

    public static Web.Data.ResoluteDbContext Context(string database, string cs, AccessScope scope, TimeProvider clock)
    {
        static T Log<T>(T b) where T : DbContextOptionsBuilder => LogSql
            ? (T)b.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted, Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.QueryCompilationStarting]) : b;
        return database == "postgres"
            ? new Web.Data.PostgresResoluteDbContext(Log(new DbContextOptionsBuilder<Web.Data.PostgresResoluteDbContext>().UseNpgsql(cs)).Options, scope, clock, SearchBenchmark.Keyring)
            : new Web.Data.SqliteResoluteDbContext(Log(new DbContextOptionsBuilder<Web.Data.SqliteResoluteDbContext>().UseSqlite(cs)).Options, scope, clock, SearchBenchmark.Keyring);
    }

    private static double Pct(List<double> sorted, double p) => Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);
}

/// <summary>A clock fixed at the data set's "today", so statuses match the generator's.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
