using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Resolute.Web.Data;

/// <summary>
/// Writes many new rows of one entity type without the change tracker: binary COPY on PostgreSQL, one prepared INSERT
/// in the caller's transaction on SQLite. Columns, value conversions and parameter types come from the EF Core model
/// (each property's type mapping, as SaveChanges would use), so the rows are exactly those SaveChanges would write.
/// It writes no audit entries and does not keep the task tally: a bulk load records one audit event for the whole load
/// and rebuilds the tally at its end (<see cref="ResoluteDbContext.BeginBulkLoad"/>, <see cref="ResoluteDbContext.EndBulkLoadAsync"/>).
/// </summary>
public static class BulkWriter
{
    private sealed record Column(string Name, IProperty Property, Func<object, object?> Get, RelationalTypeMapping Mapping);

    public static async Task<int> InsertAsync<T>(ResoluteDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return 0;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Select(p =>
        {
            if (p.IsShadowProperty()) throw new InvalidOperationException($"{type.DisplayName()}.{p.Name} is a shadow property: the bulk writer cannot read it.");
            var getter = p.GetGetter();
            return new Column(p.GetColumnName(table)!, p, e => getter.GetClrValue(e), p.GetRelationalTypeMapping());
        }).ToList();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);

        if (connection is NpgsqlConnection npgsql)
        {
            await using var importer = await npgsql.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
            await using var probe = npgsql.CreateCommand();
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var c in columns)
                {
                    var p = (NpgsqlParameter)c.Mapping.CreateParameter(probe, "p", c.Get(row), c.Property.IsNullable);
                    if (p.Value is null or DBNull) await importer.WriteNullAsync(ct);
                    else await importer.WriteAsync(p.Value, p.NpgsqlDbType, ct);
                }
            }
            await importer.CompleteAsync(ct);
            return rows.Count;
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            foreach (var row in rows)
            {
                command.Parameters.Clear();
                for (var i = 0; i < columns.Count; i++)
                    command.Parameters.Add(columns[i].Mapping.CreateParameter(command, $"@p{i}", columns[i].Get(row), columns[i].Property.IsNullable));
                await command.ExecuteNonQueryAsync(ct);
            }
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
        return rows.Count;
    }
}
