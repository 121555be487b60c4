namespace Resolute.Domain.Organisations;

/// <summary>
/// One row of the closure table: <see cref="AncestorId"/> is <see cref="Depth"/> levels above
/// <see cref="DescendantId"/>. Every unit is its own ancestor at depth 0.
/// </summary>
public sealed class OrganisationClosure
{
    private OrganisationClosure() { }

    public OrganisationClosure(Guid ancestorId, Guid descendantId, int depth)
    {
        AncestorId = ancestorId;
        DescendantId = descendantId;
        Depth = depth;
    }

    public Guid AncestorId { get; private set; }
    public Guid DescendantId { get; private set; }
    public int Depth { get; private set; }
}
