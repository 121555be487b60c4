using Resolute.Domain.Common;

namespace Resolute.Domain.Assignments;

public enum ExtensionDecision { Pending = 0, Approved = 1, Refused = 2 }

/// <summary>An extension request (gia hạn): who asked, why, the new date; who approved or refused it, and when.</summary>
public sealed class Extension
{
    private Extension() { }

    public Extension(Guid assignmentId, DateOnly previousDeadline, DateOnly newDeadline, string reason, DateTime at, Guid? userId, string? userName)
    {
        Id = Ids.New();
        AssignmentId = assignmentId;
        PreviousDeadline = previousDeadline;
        NewDeadline = newDeadline;
        Reason = reason;
        RequestedAt = at;
        RequestedById = userId;
        RequestedByName = userName;
    }

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    public DateOnly PreviousDeadline { get; private set; }
    public DateOnly NewDeadline { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
    public Guid? RequestedById { get; private set; }
    public string? RequestedByName { get; private set; }
    public ExtensionDecision Decision { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedByName { get; private set; }
    public string? DecisionNote { get; private set; }

    internal void Decide(ExtensionDecision decision, string? note, DateTime at, string? by)
    {
        Decision = decision;
        DecisionNote = note;
        DecidedAt = at;
        DecidedByName = by;
    }
}
