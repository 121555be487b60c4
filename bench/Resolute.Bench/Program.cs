using System.CommandLine;
using Resolute.Bench;

// dotnet run -c Release --project bench/Resolute.Bench -- search [--documents 20000] [--iterations 200] [--database sqlite|postgres|both] [--pg "Host=…"]
// dotnet run -c Release --project bench/Resolute.Bench -- tasks [--tasks 200000] [--from-csv DIR] [--iterations 200] [--database sqlite|postgres|both] [--pg "Host=…"]
// dotnet run -c Release --project bench/Resolute.Bench -- http [--tasks N] [--from-csv DIR] [--duration S] [--warmup S] [--concurrency N] [--database …]
// Each command has --help; a missing or unknown option is exit code 2.
var database = new Option<string>("--database") { Description = "sqlite, postgres or both.", DefaultValueFactory = _ => "both" };
database.AcceptOnlyFromAmong("sqlite", "postgres", "both");
var pg = new Option<string?>("--pg") { Description = "A PostgreSQL connection string (a throwaway database is made in it)." };
var iterations = new Option<int>("--iterations") { Description = "Timed runs of each scenario.", DefaultValueFactory = _ => 200 };
var tasks = new Option<int>("--tasks") { Description = "Tasks in the city data set.", DefaultValueFactory = _ => 200_000 };
var fromCsv = new Option<string?>("--from-csv") { Description = "A folder with the data set's CSV files (otherwise generated with python3)." };
var today = new Option<string?>("--today") { Description = "The data set's day, yyyy-MM-dd." };
var documents = new Option<int>("--documents") { Description = "Documents in the register.", DefaultValueFactory = _ => 20_000 };
var duration = new Option<double>("--duration") { Description = "Seconds each HTTP scenario runs.", DefaultValueFactory = _ => 30 };
var warmup = new Option<double?>("--warmup") { Description = "Seconds of warm-up before measuring (default: the lesser of 5 and half the duration)." };
var concurrency = new Option<int>("--concurrency") { Description = "Concurrent clients.", DefaultValueFactory = _ => 8 };

static string[] Databases(string? which) => which is null or "both" ? ["sqlite", "postgres"] : [which];

var all = new List<object>();
Directory.CreateDirectory("bench/results");

var http = new Command("http", "Drives the app over HTTP as its own process (build it first: dotnet build -c Release src/Resolute.Web).")
    { tasks, fromCsv, today, duration, warmup, concurrency, database, pg };
http.SetAction(async (p, _) =>
{
    // The app judges status against the real clock, so the data set is generated for today.
    var day = p.GetValue(today) ?? Resolute.Web.Infrastructure.VietnamTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");
    var dir = p.GetValue(fromCsv) ?? TasksBenchmark.Generate(p.GetValue(tasks), day);
    var seconds = p.GetValue(duration);
    var warm = p.GetValue(warmup) ?? Math.Min(5, seconds / 2);
    var workers = p.GetValue(concurrency);
    var results = new List<HttpBenchmark.Result>();
    var loads = new List<object>();
    foreach (var database in Databases(p.GetValue(database)))
    {
        var cs = SearchBenchmark.NewDatabase(database, p.GetValue(pg));
        var data = await TasksBenchmark.LoadAsync(database, cs, dir, Console.Out);
        var programmes = await ProgrammesBenchmark.SeedAsync(database, cs, data, Console.Out);
        loads.Add(new
        {
            database,
            tasks = data.Tasks,
            progressReports = data.Notes,
            loadSeconds = Math.Round(data.LoadSeconds, 1),
            programmes = programmes.Programmes,
            programmeItems = programmes.Items,
            programmeSeconds = Math.Round(programmes.Seconds, 1)
        });
        results.AddRange(await HttpBenchmark.RunAsync(database, cs, data, seconds, warm, workers, Console.Out, programmes));
    }
    Console.WriteLine("| scenario | database | tasks | concurrency | req/s | p50 ms | p95 ms | p99 ms | errors | CPU s / 1000 req | peak RSS MB | bare SQL ms |");
    Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var r in results)
        Console.WriteLine($"| {r.Scenario} | {r.Database} | {r.Tasks:N0} | {r.Concurrency} | {r.Rps} | {r.P50Ms} | {r.P95Ms} | {r.P99Ms} | {r.Errors} | {r.CpuSecondsPer1000} | {r.PeakRssMb} | {r.BareSqlMs?.ToString() ?? "—"} |");
    var commit = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true })!.StandardOutput.ReadToEnd().Trim();
    await File.WriteAllTextAsync("bench/results/latest.json", System.Text.Json.JsonSerializer.Serialize(
        new { commit, date = DateTime.UtcNow.ToString("yyyy-MM-dd"), cores = Environment.ProcessorCount, loads, results },
        new System.Text.Json.JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase }));
    return 0;
});

var tasksCommand = new Command("tasks", "Task scenarios in-process on the city data set.") { tasks, fromCsv, today, iterations, database, pg };
tasksCommand.SetAction(async (p, _) =>
{
    var day = p.GetValue(today) ?? "2026-11-28";
    var dir = p.GetValue(fromCsv) ?? TasksBenchmark.Generate(p.GetValue(tasks), day);
    // Noon in Vietnam on the data set's day: statuses are those the generator meant.
    var clock = new FixedClock(new DateTimeOffset(DateTime.Parse(day).AddHours(5), TimeSpan.Zero));
    foreach (var database in Databases(p.GetValue(database)))
    {
        var cs = SearchBenchmark.NewDatabase(database, p.GetValue(pg));
        var data = await TasksBenchmark.LoadAsync(database, cs, dir, Console.Out);
        var results = await TasksBenchmark.RunAsync(database, cs, data, p.GetValue(iterations), clock, Console.Out);
        Console.WriteLine("| database | scenario | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var r in results) Console.WriteLine($"| {database} | {r.Scenario} | {r.P50Ms} | {r.P95Ms} | {r.P99Ms} |");
        all.Add(new { database, tasks = data.Tasks, progressReports = data.Notes, loadSeconds = Math.Round(data.LoadSeconds, 1), iterations = p.GetValue(iterations), results });
    }
    await File.WriteAllTextAsync("bench/results/tasks-latest.json", SearchBenchmark.Json(new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), cores = Environment.ProcessorCount, runs = all }));
    return 0;
});

var search = new Command("search", "Register search over generated documents.") { documents, iterations, database, pg };
search.SetAction(async (p, _) =>
{
    var count = p.GetValue(documents);
    foreach (var database in Databases(p.GetValue(database)))
    {
        var cs = SearchBenchmark.NewDatabase(database, p.GetValue(pg));
        var results = await SearchBenchmark.RunAsync(database, cs, count, p.GetValue(iterations), Console.Out);
        Console.WriteLine($"| database | query | hits | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine($"|---|---|---:|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine($"| {database} | {r.Query} | {r.Hits} | {r.P50Ms} | {r.P95Ms} | {r.P99Ms} |");
        all.Add(new { database, documents = count, iterations = p.GetValue(iterations), results });
    }
    await File.WriteAllTextAsync("bench/results/search-latest.json", SearchBenchmark.Json(new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), cores = Environment.ProcessorCount, runs = all }));
    return 0;
});

var root = new RootCommand("Resolute's benchmark harness (docs/benchmarks.md).") { search, tasksCommand, http };
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("See --help.");
    return 2;
}
return await parsed.InvokeAsync();
