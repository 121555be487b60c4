using Npgsql;

namespace Resolute.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on: <c>RESOLUTE_TEST_DB=sqlite</c> (default) or <c>postgres</c>, with
/// <c>RESOLUTE_TEST_PG</c> naming the throwaway cluster that test.sh starts. Every test host gets a database of its own.
/// </summary>
public static class TestDatabase
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("RESOLUTE_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string Provider => IsPostgres ? "Postgres" : "Sqlite";

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("RESOLUTE_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres";

    /// <summary>A connection string for a new, empty database; the app's migrations create its schema.</summary>
    public static string NewConnectionString()
    {
        var name = "resolute_test_" + Guid.NewGuid().ToString("N")[..16];
        if (IsPostgres)
            return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = true }.ConnectionString;
        var dir = Path.Combine(Path.GetTempPath(), "resolute-tests");
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, name + ".db")}";
    }

    public static void Drop(string connectionString)
    {
        try
        {
            if (IsPostgres)
            {
                var b = new NpgsqlConnectionStringBuilder(connectionString);
                var db = b.Database;
                b.Database = "postgres";
                NpgsqlConnection.ClearAllPools();
                using var conn = new NpgsqlConnection(b.ConnectionString);
                conn.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)", conn);
                cmd.ExecuteNonQuery();
            }
            else
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                var file = connectionString["Data Source=".Length..];
                foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                    if (File.Exists(f)) File.Delete(f);
            }
        }
        catch (Exception)
        {
            // A leftover test database is harmless: the cluster and temp folder are thrown away.
        }
    }
}
