using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Audit;

namespace Resolute.Web.Data;

/// <summary>The audited save: every change is written with its signed audit entries in one transaction (ADR-006, ADR-011).</summary>
public abstract partial class ResoluteDbContext
{
    public AuditKeyring Keyring { get; } = keyring;

    /// <summary>Any fixed number: the PostgreSQL advisory lock that serialises writers of the audit chain.</summary>
    private const long AuditLockKey = 0x5245534F4C; // "RESOL"

    private readonly List<Auditing.Pending> _events = [];
    private bool _bulkLoad;

    /// <summary>
    /// A bulk load (a benchmark data set, a legacy register being migrated) records one audit event for the whole
    /// load, with its counts and source, instead of one entry per row: call with the event, save in batches, then end.
    /// </summary>
    public void BeginBulkLoad(string entityType, object details)
    {
        RecordEvent(AuditActions.BulkLoad, entityType, null, details: details);
        _bulkLoad = true;
    }

    /// <summary>Ends a bulk load and counts the tasks' tally again (it is not kept row by row during the load).</summary>
    public async Task EndBulkLoadAsync(CancellationToken ct = default)
    {
        _bulkLoad = false;
        await AssignmentTally.RebuildAsync(this, ct);
    }

    /// <summary>Records an event that is not a change of a record (a sign-in, a failed sign-in…) with the next save.</summary>
    public void RecordEvent(string action, string entityType, string? entityId, Guid? userId = null, string? userName = null, object? details = null) =>
        _events.Add(new Auditing.Pending(action, entityType, entityId, null, null, details is null ? null : Auditing.Json(details), userId, userName));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves the changes together with their audit entries, in one transaction. The entries are chained: each carries
    /// the previous entry's hash, read under a lock (an advisory lock on PostgreSQL; SQLite's write lock, taken by
    /// BEGIN IMMEDIATE) so that entries written by several instances at once still form one chain.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        try
        {
            return await SaveAuditedAsync(acceptAllChangesOnSuccess, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer saved the same record since it was read (its version, a concurrency token, moved): a 409
            // for the API and a "reload and try again" on the page, the same as a stale version sent by the caller.
            throw new Infrastructure.ConflictException();
        }
    }

    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var tally = _bulkLoad ? [] : AssignmentTally.Deltas(ChangeTracker);
        var pending = _bulkLoad ? [] : await Auditing.CollectAsync(this, ct);
        pending.AddRange(_events);
        _events.Clear();
        if (pending.Count == 0 && tally.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var added = new List<AuditEntry>();
        try
        {
            if (Database.IsNpgsql())
                await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditLockKey})", ct);
            var last = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? AuditChain.Genesis;
            var at = AuditChain.Truncate(Clock.GetUtcNow().UtcDateTime);
            var (keyId, key) = Keyring.Current;
            foreach (var p in pending)
            {
                var entry = new AuditEntry
                {
                    Sequence = ++sequence,
                    At = at,
                    UserId = p.UserId ?? Scope.UserId,
                    UserName = p.UserName ?? Scope.UserName,
                    IpAddress = Scope.IpAddress,
                    Action = p.Action,
                    EntityType = p.EntityType,
                    EntityId = p.EntityId,
                    OrganisationId = p.OrganisationId,
                    Before = p.Before,
                    After = p.After,
                    SubjectId = p.SubjectId,
                    Secret = p.Secret,
                    KeyId = keyId,
                    PreviousHash = previous,
                };
                entry.Hash = AuditChain.Hash(key, previous, entry.Content());
                previous = entry.Hash;
                added.Add(entry);
            }
            AuditEntries.AddRange(added);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (added.Count > 0) await MoveHeadAsync(added[^1], keyId, key, ct);
            // The tasks' tally moves with them, in the same transaction (applied after the save, so a failed save adds nothing).
            await AssignmentTally.ApplyAsync(this, tally, ct);
            if (own is not null) await own.CommitAsync(ct);
            return count;
        }
        catch
        {
            // Nothing is half-written: the transaction rolls back and the entries are not retried with stale links.
            foreach (var entry in added) Entry(entry).State = EntityState.Detached;
            if (own is not null) await own.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Signs the chain's new head, in the transaction (and under the lock) of the entries it ends.</summary>
    private Task MoveHeadAsync(AuditEntry newest, string keyId, byte[] key, CancellationToken ct)
    {
        var mac = AuditChain.HeadMac(key, newest.Sequence, newest.Hash);
        return Database.ExecuteSqlRawAsync(
            "INSERT INTO audit_heads (\"Id\", \"Sequence\", \"Hash\", \"KeyId\", \"Mac\") VALUES (1, {0}, {1}, {2}, {3}) "
            + "ON CONFLICT (\"Id\") DO UPDATE SET \"Sequence\" = excluded.\"Sequence\", \"Hash\" = excluded.\"Hash\", "
            + "\"KeyId\" = excluded.\"KeyId\", \"Mac\" = excluded.\"Mac\"",
            [newest.Sequence, newest.Hash, keyId, mac], ct);
    }
}
