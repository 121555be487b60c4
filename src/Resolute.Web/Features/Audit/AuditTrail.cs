using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Audit;
using Resolute.Domain.Documents;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Audit;

/// <summary>Reading the audit trail: who may see which entries, and verifying the chain.</summary>
public static class AuditTrail
{
    public static bool MayRead(ResoluteDbContext db) => db.Scope.Has(ScopeRole.Inspector) || db.Scope.Has(ScopeRole.Admin);

    /// <summary>
    /// Entries about units in the caller's inspector or administrator scope. Entries tied to no unit (people,
    /// accounts, sign-ins) are shown to inspectors and administrators of a top-level unit only.
    /// </summary>
    public static IQueryable<AuditEntry> Visible(ResoluteDbContext db)
    {
        if (db.Scope.Unrestricted) return db.AuditEntries.AsNoTracking();
        var roots = db.Scope.Grants.Where(g => g.Role is ScopeRole.Inspector or ScopeRole.Admin).Select(g => g.OrganisationId).Distinct().ToArray();
        var topLevel = db.Organisations.Any(o => roots.Contains(o.Id) && o.ParentId == null);
        return db.AuditEntries.AsNoTracking().Where(a =>
            (a.OrganisationId != null && db.OrganisationClosures.Any(c => c.DescendantId == a.OrganisationId && roots.Contains(c.AncestorId)))
            || (a.OrganisationId == null && topLevel));
    }

    /// <summary>What stands in place of a secret record's values for a reader who is not cleared for it.</summary>
    public const string Redacted = "[nội dung mật: chỉ người có tên trong danh sách được biết mới xem được]";

    /// <summary>
    /// Hides the values of entries about a secret document or task (secret when written, or secret now) from a reader
    /// not on its need-to-know list. The stored entry is untouched, so the chain still verifies; the reader sees that
    /// the change happened, by whom and when, but not what it said.
    /// </summary>
    public static async Task RedactAsync(ResoluteDbContext db, List<AuditEntry> entries, CancellationToken ct)
    {
        if (db.Scope.Unrestricted) return;
        var subjects = entries.Where(e => e.SubjectId != null).Select(e => e.SubjectId!.Value).Distinct().ToArray();
        if (subjects.Length == 0) return;
        var me = db.Scope.UserId;
        var secretNow = (await db.Assignments.IgnoreQueryFilters().Where(a => subjects.Contains(a.Id) && a.Secrecy != Secrecy.None).Select(a => a.Id).ToListAsync(ct))
            .Concat(await db.Documents.IgnoreQueryFilters().Where(d => subjects.Contains(d.Id) && d.Secrecy != Secrecy.None).Select(d => d.Id).ToListAsync(ct))
            .ToHashSet();
        var cleared = (await db.AssignmentNeedToKnow.Where(n => subjects.Contains(n.AssignmentId) && n.UserId == me).Select(n => n.AssignmentId).ToListAsync(ct))
            .Concat(await db.NeedToKnow.Where(n => subjects.Contains(n.DocumentId) && n.UserId == me).Select(n => n.DocumentId).ToListAsync(ct))
            .ToHashSet();
        foreach (var e in entries)
        {
            if (e.SubjectId is not { } s || (!e.Secret && !secretNow.Contains(s)) || cleared.Contains(s)) continue;
            // Detached copies (read with AsNoTracking): changing them changes nothing stored.
            if (e.Before is not null) e.Before = Redacted;
            if (e.After is not null) e.After = Redacted;
        }
    }

    /// <summary>
    /// Walks the whole chain in sequence order with the keyring, then checks its end against the signed head; returns
    /// the first break, or null when it is whole.
    /// </summary>
    public static async Task<(AuditChain.Break? Break, long Checked)> VerifyAsync(ResoluteDbContext db, CancellationToken ct = default)
    {
        const int batch = 5_000;
        var previous = AuditChain.Genesis;
        long expected = 1, after = 0, count = 0;
        while (true)
        {
            var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence > after)
                .OrderBy(a => a.Sequence).Take(batch).ToListAsync(ct);
            if (entries.Count == 0) break;
            var broken = AuditChain.Verify(entries.Select(e => (e.Content(), e.PreviousHash, e.Hash)), db.Keyring.Find, ref previous, ref expected);
            if (broken is not null) return (broken, count);
            count += entries.Count;
            after = entries[^1].Sequence;
        }
        var head = await db.AuditHeads.AsNoTracking().Where(h => h.Id == 1).FirstOrDefaultAsync(ct);
        var recordsExist = head is null && after == 0
            && (await db.Users.AnyAsync(ct) || await db.Organisations.IgnoreQueryFilters().AnyAsync(ct));
        var end = AuditChain.VerifyHead(after, previous, head is null ? null : (head.Sequence, head.Hash, head.KeyId, head.Mac), db.Keyring.Find, recordsExist);
        return (end, count);
    }
}
