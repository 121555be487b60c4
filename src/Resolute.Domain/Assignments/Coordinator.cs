namespace Resolute.Domain.Assignments;

/// <summary>A coordinating unit (cơ quan phối hợp).</summary>
public sealed class Coordinator
{
    private Coordinator() { }

    public Coordinator(Guid assignmentId, Guid organisationId)
    {
        AssignmentId = assignmentId;
        OrganisationId = organisationId;
    }

    public Guid AssignmentId { get; private set; }
    public Guid OrganisationId { get; private set; }
}
