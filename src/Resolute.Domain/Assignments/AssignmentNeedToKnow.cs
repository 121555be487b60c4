namespace Resolute.Domain.Assignments;

/// <summary>A user on a secret task's need-to-know list.</summary>
public sealed class AssignmentNeedToKnow
{
    private AssignmentNeedToKnow() { }

    public AssignmentNeedToKnow(Guid assignmentId, Guid userId)
    {
        AssignmentId = assignmentId;
        UserId = userId;
    }

    public Guid AssignmentId { get; private set; }
    public Guid UserId { get; private set; }
}
