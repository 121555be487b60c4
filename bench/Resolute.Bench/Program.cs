using Resolute.Bench;

// dotnet run -c Release --project bench/Resolute.Bench -- search [--documents 20000] [--iterations 200] [--database sqlite|postgres|both] [--pg "Host=…"]
// dotnet run -c Release --project bench/Resolute.Bench -- tasks [--tasks 200000] [--from-csv DIR] [--iterations 200] [--database sqlite|postgres|both] [--pg "Host=…"]
var options = args.Skip(1).Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--")).ToDictionary(x => x.a[2..], x => args.Skip(1).ElementAtOrDefault(x.i + 1) ?? "");
var command = args.FirstOrDefault();
if (command is not ("search" or "tasks" or "http"))
{
    Console.Error.WriteLine("usage: Resolute.Bench search [--documents N] [--iterations N] [--database sqlite|postgres|both] [--pg CONNECTION]");
    Console.Error.WriteLine("       Resolute.Bench tasks [--tasks N] [--from-csv DIR] [--today YYYY-MM-DD] [--iterations N] [--database sqlite|postgres|both] [--pg CONNECTION]");
    Console.Error.WriteLine("       Resolute.Bench http [--tasks N] [--from-csv DIR] [--duration S] [--warmup S] [--concurrency N] [--database sqlite|postgres|both] [--pg CONNECTION]");
    return 2;
}
var iterations = int.Parse(options.GetValueOrDefault("iterations", "200"));
var databases = options.GetValueOrDefault("database", "both") is "both" ? new[] { "sqlite", "postgres" } : [options["database"]];
var all = new List<object>();
Directory.CreateDirectory("bench/results");
if (command == "http")
{
    // The app judges status against the real clock, so the data set is generated for today.
    var today = options.GetValueOrDefault("today", Resolute.Web.Infrastructure.VietnamTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"));
    var tasks = int.Parse(options.GetValueOrDefault("tasks", "200000"));
    var dir = options.TryGetValue("from-csv", out var csv) ? csv : TasksBenchmark.Generate(tasks, today);
    var duration = double.Parse(options.GetValueOrDefault("duration", "30"), System.Globalization.CultureInfo.InvariantCulture);
    var warmup = double.Parse(options.GetValueOrDefault("warmup", Math.Min(5, duration / 2).ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);
    var concurrency = int.Parse(options.GetValueOrDefault("concurrency", "8"));
    var results = new List<HttpBenchmark.Result>();
    var loads = new List<object>();
    foreach (var database in databases)
    {
        var cs = SearchBenchmark.NewDatabase(database, options.GetValueOrDefault("pg"));
        var data = await TasksBenchmark.LoadAsync(database, cs, dir, Console.Out);
        loads.Add(new { database, tasks = data.Tasks, progressReports = data.Notes, loadSeconds = Math.Round(data.LoadSeconds, 1) });
        results.AddRange(await HttpBenchmark.RunAsync(database, cs, data, duration, warmup, concurrency, Console.Out));
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
}
if (command == "tasks")
{
    var tasks = int.Parse(options.GetValueOrDefault("tasks", "200000"));
    var today = options.GetValueOrDefault("today", "2026-11-28");
    var dir = options.TryGetValue("from-csv", out var csv) ? csv : TasksBenchmark.Generate(tasks, today);
    // Noon in Vietnam on the data set's day: statuses are those the generator meant.
    var clock = new FixedClock(new DateTimeOffset(DateTime.Parse(today).AddHours(5), TimeSpan.Zero));
    foreach (var database in databases)
    {
        var cs = SearchBenchmark.NewDatabase(database, options.GetValueOrDefault("pg"));
        var data = await TasksBenchmark.LoadAsync(database, cs, dir, Console.Out);
        var results = await TasksBenchmark.RunAsync(database, cs, data, iterations, clock, Console.Out);
        Console.WriteLine("| database | scenario | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var r in results) Console.WriteLine($"| {database} | {r.Scenario} | {r.P50Ms} | {r.P95Ms} | {r.P99Ms} |");
        all.Add(new { database, tasks = data.Tasks, progressReports = data.Notes, loadSeconds = Math.Round(data.LoadSeconds, 1), iterations, results });
    }
    await File.WriteAllTextAsync("bench/results/tasks-latest.json", SearchBenchmark.Json(new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), cores = Environment.ProcessorCount, runs = all }));
    return 0;
}
var documents = int.Parse(options.GetValueOrDefault("documents", "20000"));
foreach (var database in databases)
{
    var cs = SearchBenchmark.NewDatabase(database, options.GetValueOrDefault("pg"));
    var results = await SearchBenchmark.RunAsync(database, cs, documents, iterations, Console.Out);
    Console.WriteLine($"| database | query | hits | p50 ms | p95 ms | p99 ms |");
    Console.WriteLine($"|---|---|---:|---:|---:|---:|");
    foreach (var r in results)
        Console.WriteLine($"| {database} | {r.Query} | {r.Hits} | {r.P50Ms} | {r.P95Ms} | {r.P99Ms} |");
    all.Add(new { database, documents, iterations, results });
}
await File.WriteAllTextAsync("bench/results/search-latest.json", SearchBenchmark.Json(new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), cores = Environment.ProcessorCount, runs = all }));
return 0;
