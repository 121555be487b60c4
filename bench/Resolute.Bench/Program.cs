using Resolute.Bench;

// dotnet run -c Release --project bench/Resolute.Bench -- search [--documents 20000] [--iterations 200] [--database sqlite|postgres|both] [--pg "Host=…"]
var options = args.Skip(1).Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--")).ToDictionary(x => x.a[2..], x => args.Skip(1).ElementAtOrDefault(x.i + 1) ?? "");
if (args.FirstOrDefault() != "search")
{
    Console.Error.WriteLine("usage: Resolute.Bench search [--documents N] [--iterations N] [--database sqlite|postgres|both] [--pg CONNECTION]");
    return 2;
}
var documents = int.Parse(options.GetValueOrDefault("documents", "20000"));
var iterations = int.Parse(options.GetValueOrDefault("iterations", "200"));
var databases = options.GetValueOrDefault("database", "both") is "both" ? new[] { "sqlite", "postgres" } : [options["database"]];
var all = new List<object>();
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
Directory.CreateDirectory("bench/results");
await File.WriteAllTextAsync("bench/results/search-latest.json", SearchBenchmark.Json(new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), cores = Environment.ProcessorCount, runs = all }));
return 0;
