using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Organisations;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Organisations;

/// <summary>Moves a unit, with everything below it, under another parent (or to the top when <see cref="ParentId"/> is null).</summary>
public sealed record MoveOrganisation(Guid Id, Guid? ParentId)
{
    public async Task<Organisation> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var unit = await db.FindManageableAsync(Id, ct);
        var newParent = ParentId is { } p ? await db.FindManageableAsync(p, ct) : null;
        if (newParent is null && !db.Scope.Unrestricted && !db.Scope.Has(Domain.Access.ScopeRole.Admin))
            throw new Infrastructure.ForbiddenException("Chỉ quản trị hệ thống được đưa đơn vị lên cấp cao nhất.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await MoveAsync(db, unit, newParent, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return unit;
    }

    /// <summary>Re-parents <paramref name="unit"/> and rewrites the closure rows of its subtree. The caller saves.</summary>
    internal static async Task MoveAsync(ResoluteDbContext db, Organisation unit, Organisation? newParent, CancellationToken ct)
    {
        var subtree = await db.OrganisationClosures.Where(c => c.AncestorId == unit.Id).ToListAsync(ct);
        var newParentAncestors = newParent is null
            ? []
            : await db.OrganisationClosures.Where(c => c.DescendantId == newParent.Id).ToListAsync(ct);
        var added = OrganisationTree.Move(unit, newParent, subtree, newParentAncestors);

        var subtreeIds = subtree.Select(r => r.DescendantId).ToArray();
        // Unlink the subtree from its old ancestors; its inner rows stay as they are.
        await db.OrganisationClosures
            .Where(c => subtreeIds.Contains(c.DescendantId) && !subtreeIds.Contains(c.AncestorId))
            .ExecuteDeleteAsync(ct);
        db.OrganisationClosures.AddRange(added);
    }
}
