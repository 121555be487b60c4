namespace Resolute.Domain.Common;

/// <summary>
/// Entity ids are UUIDv7: time-ordered (good for B-tree indexes) and globally unique,
/// so records can move between deployments without renumbering.
/// </summary>
public static class Ids
{
    public static Guid New() => Guid.CreateVersion7();
}
