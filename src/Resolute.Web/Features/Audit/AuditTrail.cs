using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Audit;
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

    /// <summary>Walks the whole chain in sequence order; returns the first broken link, or null when it is whole.</summary>
    public static async Task<(AuditChain.Break? Break, long Checked)> VerifyAsync(ResoluteDbContext db, CancellationToken ct = default)
    {
        const int batch = 5_000;
        var previous = AuditChain.Genesis;
        long expected = 1, after = 0, count = 0;
        while (true)
        {
            var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence > after)
                .OrderBy(a => a.Sequence).Take(batch).ToListAsync(ct);
            if (entries.Count == 0) return (null, count);
            var broken = AuditChain.Verify(entries.Select(e => (e.Content(), e.PreviousHash, e.Hash)), ref previous, ref expected);
            if (broken is not null) return (broken, count);
            count += entries.Count;
            after = entries[^1].Sequence;
        }
    }
}
