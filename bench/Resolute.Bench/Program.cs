using Resolute.Bench;

// dotnet run -c Release --project bench/Resolute.Bench -- search [--documents 20000] [--iterations 200] [--database sqlite|postgres|both] [--pg "Host=…"]
// dotnet run -c Release --project bench/Resolute.Bench -- tasks [--tasks 200000] [--from-csv DIR] [--iterations 200] [--database sqlite|postgres|both] [--pg "Host=…"]
var options = args.Skip(1).Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--")).ToDictionary(x => x.a[2..], x => args.Skip(1).ElementAtOrDefault(x.i + 1) ?? "");
var command = args.FirstOrDefault();
if (command is not ("search" or "tasks"))
{
    Console.Error.WriteLine("usage: Resolute.Bench search [--documents N] [--iterations N] [--database sqlite|postgres|both] [--pg CONNECTION]");
    Console.Error.WriteLine("       Resolute.Bench tasks [--tasks N] [--from-csv DIR] [--today YYYY-MM-DD] [--iterations N] [--database sqlite|postgres|both] [--pg CONNECTION]");
    return 2;
}
var iterations = int.Parse(options.GetValueOrDefault("iterations", "200"));
var databases = options.GetValueOrDefault("database", "both") is "both" ? new[] { "sqlite", "postgres" } : [options["database"]];
var all = new List<object>();
Directory.CreateDirectory("bench/results");
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
