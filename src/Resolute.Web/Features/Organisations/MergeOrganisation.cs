using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Common;
using Resolute.Domain.Organisations;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Organisations;

/// <summary>
/// Merges a unit into another (sáp nhập): the unit ends on <see cref="On"/> naming the other as its successor,
/// and its active subordinate units move under the successor.
/// </summary>
public sealed record MergeOrganisation(Guid Id, Guid IntoId, DateOnly On, string Reason)
{
    public async Task<Organisation> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var unit = await db.FindManageableAsync(Id, ct);
        var into = await db.FindManageableAsync(IntoId, ct);
        if (into.Id == unit.Id)
            throw new DomainException("merge-into-self", "Không thể sáp nhập đơn vị vào chính nó.", "intoId");
        if (await db.OrganisationClosures.AnyAsync(c => c.AncestorId == unit.Id && c.DescendantId == into.Id, ct))
            throw new DomainException("merge-into-descendant",
                $"Không thể sáp nhập {unit.ShortName} vào {into.ShortName}, vì {into.ShortName} là đơn vị cấp dưới của nó.", "intoId");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var children = await db.Organisations.IgnoreQueryFilters()
            .Where(o => o.ParentId == unit.Id && o.ValidTo == null).ToListAsync(ct);
        foreach (var child in children)
            await MoveOrganisation.MoveAsync(db, child, into, ct);
        unit.Dissolve(On, into, Reason);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return unit;
    }
}
