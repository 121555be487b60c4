using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure.Access;

namespace Resolute.Web.Infrastructure;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Chooses the database from configuration: <c>Database:Provider</c> (Sqlite or Postgres) and
/// <c>ConnectionStrings:Default</c>. SQLite is the embedded default, a file under <c>data/</c> in WAL mode.
/// </summary>
public static class Database
{
    public const string DefaultSqlite = "Data Source=data/resolute.db";

    public static DatabaseProvider Provider(IConfiguration config)
    {
        var value = config["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return value.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Database:Provider '{value}' is not known: use Sqlite or Postgres."),
        };
    }

    public static string ConnectionString(IConfiguration config, string contentRoot)
    {
        var cs = config.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(cs)) return cs;
        if (Provider(config) == DatabaseProvider.Postgres)
            throw new InvalidOperationException("ConnectionStrings:Default is required when Database:Provider is Postgres.");
        Directory.CreateDirectory(Path.Combine(contentRoot, "data"));
        return $"Data Source={Path.Combine(contentRoot, "data", "resolute.db")}";
    }

    /// <summary>
    /// Registers both provider contexts and resolves <see cref="ResoluteDbContext"/> to the configured one.
    /// Configuration is read when the context is resolved, so a test host's settings apply.
    /// </summary>
    public static IServiceCollection AddResoluteDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => AuditKeyring.FromConfiguration(sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddDbContext<SqliteResoluteDbContext>((sp, o) =>
        {
            var cfg = sp.GetRequiredService<IConfiguration>();
            var env = sp.GetRequiredService<IHostEnvironment>();
            o.UseSqlite(ConnectionString(cfg, env.ContentRootPath), s => s.CommandTimeout(30));
        });
        services.AddDbContext<PostgresResoluteDbContext>((sp, o) =>
        {
            var cfg = sp.GetRequiredService<IConfiguration>();
            var env = sp.GetRequiredService<IHostEnvironment>();
            o.UseNpgsql(ConnectionString(cfg, env.ContentRootPath));
        });
        services.AddScoped<ResoluteDbContext>(sp => Provider(sp.GetRequiredService<IConfiguration>()) switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresResoluteDbContext>(),
            _ => sp.GetRequiredService<SqliteResoluteDbContext>(),
        });
        return services;
    }

    /// <summary>Applies the provider's migrations. EF Core takes a database lock, so two instances starting together are safe.</summary>
    public static async Task MigrateAsync(ResoluteDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer writes; the setting is kept in the database file.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.MigrateAsync(ct);
    }
}

/// <summary>Design-time factories for <c>dotnet ef</c>: one per provider, each with its own migrations folder.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteResoluteDbContext>
{
    public SqliteResoluteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteResoluteDbContext>().UseSqlite(Database.DefaultSqlite).Options, AccessScope.System(), TimeProvider.System, DesignTime.Keyring);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresResoluteDbContext>
{
    public PostgresResoluteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresResoluteDbContext>().UseNpgsql("Host=localhost;Database=resolute").Options, AccessScope.System(), TimeProvider.System, DesignTime.Keyring);
}

internal static class DesignTime
{
    /// <summary><c>dotnet ef</c> only reads the model; a throwaway keyring stands in for the real one.</summary>
    public static AuditKeyring Keyring => new(Path.Combine(Path.GetTempPath(), "resolute-design-time.keys"));
}
