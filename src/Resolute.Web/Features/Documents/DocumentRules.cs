using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Documents;

/// <summary>Which units may stand as a document's issuer for the caller, and the standard type table.</summary>
public static class DocumentRules
{
    /// <summary>
    /// An issuer must be a unit the caller sees, a unit above the caller's units (documents sent down to them),
    /// or a Central body. Looked up by id or code across scopes, then checked.
    /// </summary>
    public static async Task<Organisation> FindIssuerAsync(ResoluteDbContext db, Guid? id, string? code, CancellationToken ct)
    {
        var normalized = code is null ? null : Organisations.UnitPicker.CodeOf(code);
        var issuer = await db.Organisations.IgnoreQueryFilters()
            .FirstOrDefaultAsync(o => id != null ? o.Id == id : o.Code == normalized, ct);
        if (issuer is null || !await MayCiteAsync(db, issuer, ct))
            throw new DomainException("issuer-not-found", $"Không tìm thấy cơ quan ban hành {(normalized ?? id?.ToString())} trong phạm vi của bạn.", "issuerId");
        return issuer;
    }

    /// <summary>The same rule as <see cref="ResoluteDbContext.IssuerInScope"/>, asked of a unit rather than a document.</summary>
    private static async Task<bool> MayCiteAsync(ResoluteDbContext db, Organisation issuer, CancellationToken ct)
    {
        if (db.Scope.Unrestricted || issuer.Level == OrganisationLevel.Central) return true;
        var roots = db.Scope.Roots;
        return await db.OrganisationClosures.AnyAsync(c =>
            (c.DescendantId == issuer.Id && roots.Contains(c.AncestorId)) || (c.AncestorId == issuer.Id && roots.Contains(c.DescendantId)), ct);
    }

    /// <summary>The issuer's term of office that covers the issue date: Party document numbers restart each term.</summary>
    public static async Task<Term?> TermOnAsync(ResoluteDbContext db, Guid issuerId, DateOnly on, CancellationToken ct) =>
        await db.Terms.Where(t => t.OrganisationId == issuerId && t.StartsOn <= on && (t.EndsOn == null || t.EndsOn >= on))
            .OrderByDescending(t => t.StartsOn).FirstOrDefaultAsync(ct);

    /// <summary>Adds the standard document types that are missing; runs at every start, so it is idempotent.</summary>
    public static async Task EnsureTypesAsync(ResoluteDbContext db, CancellationToken ct = default)
    {
        var existing = await db.DocumentTypes.Select(t => new { t.System, t.Abbreviation, t.Name }).ToListAsync(ct);
        var missing = DocumentType.Standard()
            .Where(t => !existing.Any(e => e.System == t.System && e.Abbreviation == t.Abbreviation && e.Name == t.Name)).ToList();
        if (missing.Count == 0) return;
        db.DocumentTypes.AddRange(missing);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance added them at the same moment.
            db.ChangeTracker.Clear();
        }
    }
}
