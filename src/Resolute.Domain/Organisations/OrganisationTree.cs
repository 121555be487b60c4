using Resolute.Domain.Common;

namespace Resolute.Domain.Organisations;

/// <summary>
/// The rules for changing the shape of the tree, and the closure rows each change implies.
/// Works on plain data so the database layer only has to apply the result.
/// </summary>
public static class OrganisationTree
{
    /// <summary>Closure rows for a new unit placed under a parent whose ancestors (with depths, self at 0) are given.</summary>
    public static IReadOnlyList<OrganisationClosure> RowsForNewUnit(Guid unitId, IEnumerable<OrganisationClosure> parentAncestors)
    {
        var rows = new List<OrganisationClosure> { new(unitId, unitId, 0) };
        rows.AddRange(parentAncestors.Select(a => new OrganisationClosure(a.AncestorId, unitId, a.Depth + 1)));
        return rows;
    }

    /// <summary>
    /// Moves <paramref name="unit"/> under <paramref name="newParent"/>. <paramref name="subtree"/> are the closure rows
    /// with the unit as ancestor (the unit and everything below it); <paramref name="newParentAncestors"/> the rows with
    /// the new parent as descendant. Returns the rows to add; the caller removes every row linking an ancestor
    /// outside the subtree to a descendant inside it.
    /// </summary>
    public static IReadOnlyList<OrganisationClosure> Move(Organisation unit, Organisation? newParent,
        IReadOnlyCollection<OrganisationClosure> subtree, IReadOnlyCollection<OrganisationClosure> newParentAncestors)
    {
        if (newParent is not null)
        {
            if (newParent.Id == unit.Id)
                throw new DomainException("move-under-self", $"Không thể chuyển đơn vị {unit.ShortName} vào dưới chính nó.", "parentId");
            if (subtree.Any(r => r.DescendantId == newParent.Id))
                throw new DomainException("move-under-descendant",
                    $"Không thể chuyển đơn vị {unit.ShortName} vào dưới {newParent.ShortName}, vì {newParent.ShortName} là đơn vị cấp dưới của nó.", "parentId");
            if (newParent.IsEnded)
                throw new DomainException("parent-ended", $"Đơn vị {newParent.ShortName} đã kết thúc hoạt động, không thể nhận đơn vị trực thuộc mới.", "parentId");
        }
        if (unit.ParentId == newParent?.Id)
            throw new DomainException("move-same-parent", $"Đơn vị {unit.ShortName} đã trực thuộc đơn vị này.", "parentId");

        unit.SetParent(newParent?.Id);
        var rows = new List<OrganisationClosure>();
        foreach (var above in newParentAncestors)
            foreach (var below in subtree)
                rows.Add(new OrganisationClosure(above.AncestorId, below.DescendantId, above.Depth + below.Depth + 1));
        return rows;
    }
}
