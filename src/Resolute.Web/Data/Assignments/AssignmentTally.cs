using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;

namespace Resolute.Web.Data;

/// <summary>
/// How many tasks each unit leads, by status before the overdue split, kept in the same transaction as every change to
/// a task (ADR-010). The dashboard reads these few thousand rows instead of counting 200,000 tasks. "Overdue" is the
/// only status that moves with the calendar: open tasks are tallied as open (plain or recurring) and the dashboard takes
/// the overdue ones out with a range of the due-date index. Done tasks are also tallied by the month they were done
/// in, for the dashboard's trend. Secret tasks are not tallied: whether a caller may count one depends on who they are,
/// so the dashboard counts them live, through need-to-know (they are few).
/// </summary>
public sealed class AssignmentTally
{
    /// <summary>The period of the all-time rows; a month's rows have yyyymm (202611).</summary>
    public const int AllTime = 0;

    public Guid LeadId { get; set; }
    /// <summary>Open tasks are <see cref="AssignmentStatus.OnTrack"/> (plain) or <see cref="AssignmentStatus.Recurring"/>; the rest their status.</summary>
    public int Bucket { get; set; }
    public int Period { get; set; }
    public int N { get; set; }

    public readonly record struct Key(Guid LeadId, int Bucket, int Period);

    public static int PeriodOf(DateOnly d) => d.Year * 100 + d.Month;

    /// <summary>
    /// The tally rows a task counts in: none when it has no lead unit or is secret; else its all-time row and, when done,
    /// its month's row. Said again in SQL by <see cref="RebuildSql"/>; a test holds the two together.
    /// </summary>
    public static IEnumerable<Key> KeysOf(Guid? leadId, AssignmentState state, DateOnly? completedOn, DateOnly? deadlineInForce,
        Recurrence recurrence, Secrecy secrecy)
    {
        if (leadId is not { } lead || secrecy != Secrecy.None) yield break;
        // The domain's status rule with nothing yet due: an open task is "on track" (or "recurring") here, and the
        // dashboard takes the overdue ones out by due date (overdue is the one status that moves with the calendar).
        var bucket = AssignmentStatuses.Of(state, recurrence, deadlineInForce, dueOn: null, completedOn, DateOnly.MinValue);
        yield return new Key(lead, (int)bucket, AllTime);
        if (bucket is AssignmentStatus.DoneOnTime or AssignmentStatus.DoneLate)
            yield return new Key(lead, (int)bucket, PeriodOf(completedOn!.Value));
    }

    /// <summary>The changes the tracked tasks make to the tally, read before they are saved (original against current values).</summary>
    public static Dictionary<Key, int> Deltas(ChangeTracker tracker)
    {
        var deltas = new Dictionary<Key, int>();
        void Add(IEnumerable<Key> keys, int sign)
        {
            foreach (var k in keys) deltas[k] = deltas.GetValueOrDefault(k) + sign;
        }
        IEnumerable<Key> Of(PropertyValues v) => KeysOf(v.GetValue<Guid?>(nameof(Assignment.LeadId)), v.GetValue<AssignmentState>(nameof(Assignment.State)),
            v.GetValue<DateOnly?>(nameof(Assignment.CompletedOn)), v.GetValue<DateOnly?>(nameof(Assignment.DeadlineInForce)),
            v.GetValue<Recurrence>(nameof(Assignment.Recurrence)), v.GetValue<Secrecy>(nameof(Assignment.Secrecy)));
        foreach (var e in tracker.Entries<Assignment>())
        {
            if (e.State is EntityState.Modified or EntityState.Deleted) Add(Of(e.OriginalValues), -1);
            if (e.State is EntityState.Added or EntityState.Modified) Add(Of(e.CurrentValues), +1);
        }
        foreach (var k in deltas.Where(d => d.Value == 0).Select(d => d.Key).ToList()) deltas.Remove(k);
        return deltas;
    }

    /// <summary>Adds the deltas in the caller's transaction, in key order (so two writers never wait on each other crosswise).</summary>
    public static async Task ApplyAsync(ResoluteDbContext db, Dictionary<Key, int> deltas, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        foreach (var (k, n) in deltas.OrderBy(d => d.Key.LeadId).ThenBy(d => d.Key.Bucket).ThenBy(d => d.Key.Period))
        {
            // SQLite keeps a Guid as upper-case text (EF Core's mapping); PostgreSQL as uuid.
            object lead = postgres ? k.LeadId : k.LeadId.ToString().ToUpperInvariant();
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO assignment_tallies ("LeadId", "Bucket", "Period", "N") VALUES ({0}, {1}, {2}, {3})
                ON CONFLICT ("LeadId", "Period", "Bucket") DO UPDATE SET "N" = assignment_tallies."N" + excluded."N"
                """, [lead, k.Bucket, k.Period, n], ct);
        }
    }

    /// <summary>Counts every task again (after a bulk load, and when the table is created).</summary>
    public static async Task RebuildAsync(ResoluteDbContext db, CancellationToken ct = default)
    {
        foreach (var sql in RebuildSql(db.Database.IsNpgsql()))
            await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    public static string[] RebuildSql(bool postgres)
    {
        const string bucket = """
            CASE WHEN "State" = 'Draft' THEN 1 WHEN "State" = 'Paused' THEN 7 WHEN "State" = 'Withdrawn' THEN 8
                 WHEN "CompletedOn" IS NOT NULL THEN (CASE WHEN "DeadlineInForce" IS NOT NULL AND "CompletedOn" > "DeadlineInForce" THEN 5 ELSE 4 END)
                 WHEN "Recurrence" <> 'None' THEN 6 ELSE 2 END
            """;
        var period = postgres
            ? """(EXTRACT(YEAR FROM "CompletedOn") * 100 + EXTRACT(MONTH FROM "CompletedOn"))::integer"""
            : """CAST(substr("CompletedOn", 1, 4) AS INTEGER) * 100 + CAST(substr("CompletedOn", 6, 2) AS INTEGER)""";
        return
        [
            "DELETE FROM assignment_tallies",
            $"""
            INSERT INTO assignment_tallies ("LeadId", "Bucket", "Period", "N")
            SELECT "LeadId", b, 0, COUNT(*) FROM (SELECT "LeadId", {bucket} AS b FROM assignments
                WHERE "LeadId" IS NOT NULL AND "Secrecy" = 'None') t GROUP BY "LeadId", b
            """,
            $"""
            INSERT INTO assignment_tallies ("LeadId", "Bucket", "Period", "N")
            SELECT "LeadId", b, p, COUNT(*) FROM (SELECT "LeadId", {bucket} AS b, {period} AS p FROM assignments
                WHERE "LeadId" IS NOT NULL AND "Secrecy" = 'None' AND "CompletedOn" IS NOT NULL
                  AND "State" NOT IN ('Draft', 'Paused', 'Withdrawn')) t GROUP BY "LeadId", b, p
            """,
        ];
    }
}
