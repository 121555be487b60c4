using CsCheck;
using Resolute.Domain.Common;
using Resolute.Domain.Organisations;

namespace Resolute.Tests.Domain.Organisations;

public class OrganisationTreeTests
{
    private static readonly DateOnly Day = new(2025, 7, 1);

    /// <summary>An in-memory tree kept the way the app keeps it: parents plus closure rows.</summary>
    private sealed class Tree
    {
        public Dictionary<Guid, Organisation> Units { get; } = [];
        public List<OrganisationClosure> Rows { get; } = [];

        public Organisation Add(Organisation? parent)
        {
            var u = new Organisation($"U{Units.Count}", $"Đơn vị {Units.Count}", $"Đơn vị {Units.Count}", OrganisationKind.PartyCommittee,
                OrganisationLevel.Commune, parent?.Id, Day);
            Units[u.Id] = u;
            Rows.AddRange(OrganisationTree.RowsForNewUnit(u.Id, parent is null ? [] : Rows.Where(r => r.DescendantId == parent.Id).ToList()));
            return u;
        }

        public void Move(Organisation unit, Organisation? parent)
        {
            var subtree = Rows.Where(r => r.AncestorId == unit.Id).ToList();
            var above = parent is null ? [] : Rows.Where(r => r.DescendantId == parent.Id).ToList();
            var added = OrganisationTree.Move(unit, parent, subtree, above);
            var inside = subtree.Select(r => r.DescendantId).ToHashSet();
            Rows.RemoveAll(r => inside.Contains(r.DescendantId) && !inside.Contains(r.AncestorId));
            Rows.AddRange(added);
        }

        /// <summary>The closure recomputed from scratch by walking parents: what the rows must always equal.</summary>
        public HashSet<(Guid, Guid, int)> Expected()
        {
            var set = new HashSet<(Guid, Guid, int)>();
            foreach (var u in Units.Values)
            {
                var depth = 0;
                for (Organisation? a = u; a is not null; a = a.ParentId is { } p ? Units[p] : null)
                    set.Add((a.Id, u.Id, depth++));
            }
            return set;
        }

        public HashSet<(Guid, Guid, int)> Actual() => Rows.Select(r => (r.AncestorId, r.DescendantId, r.Depth)).ToHashSet();
    }

    [Fact]
    public void Move_UnderOwnDescendant_IsRefusedWithMessage()
    {
        var t = new Tree();
        var root = t.Add(null);
        var child = t.Add(root);
        var grandchild = t.Add(child);

        var e = Assert.Throws<DomainException>(() => t.Move(child, grandchild));
        Assert.Equal("move-under-descendant", e.Code);
        Assert.Contains("là đơn vị cấp dưới của nó", e.Message);
        Assert.Equal(root.Id, child.ParentId);
    }

    [Fact]
    public void Move_UnderItself_IsRefused()
    {
        var t = new Tree();
        var root = t.Add(null);
        var e = Assert.Throws<DomainException>(() => t.Move(root, root));
        Assert.Equal("move-under-self", e.Code);
    }

    [Fact]
    public void Move_UnderDissolvedUnit_IsRefused()
    {
        var t = new Tree();
        var root = t.Add(null);
        var a = t.Add(root);
        var b = t.Add(root);
        b.Dissolve(Day.AddDays(10), null, "Giải thể theo quyết định");
        Assert.Equal("parent-ended", Assert.Throws<DomainException>(() => t.Move(a, b)).Code);
    }

    [Fact]
    public void Move_Subtree_RewritesClosure()
    {
        var t = new Tree();
        var root = t.Add(null);
        var a = t.Add(root);
        var b = t.Add(root);
        var a1 = t.Add(a);
        t.Add(a1);

        t.Move(a, b);

        Assert.Equal(b.Id, a.ParentId);
        Assert.Equal(t.Expected(), t.Actual());
    }

    [Fact]
    public void Move_RandomValidMoves_KeepClosureEqualToParents()
    {
        // Property: after any sequence of moves (invalid ones refused), the closure rows equal the closure
        // computed from the parent links, and no unit is its own ancestor.
        Gen.Int[2, 25].Select(Gen.Int[0, 1000].Array[1, 40]).Sample(input =>
        {
            var (size, choices) = input;
            var t = new Tree();
            var units = new List<Organisation> { t.Add(null) };
            for (var i = 1; i < size; i++) units.Add(t.Add(units[choices[i % choices.Length] % units.Count]));
            for (var i = 0; i + 1 < choices.Length; i += 2)
            {
                var unit = units[choices[i] % units.Count];
                var target = choices[i + 1] % (units.Count + 1) == units.Count ? null : units[choices[i + 1] % (units.Count + 1)];
                try { t.Move(unit, target); }
                catch (DomainException) { }
            }
            return t.Expected().SetEquals(t.Actual());
        }, iter: 300);
    }
}
