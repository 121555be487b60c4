using Resolute.Domain.Common;

namespace Resolute.Domain.Assignments;

/// <summary>A milestone of a long task (mốc tiến độ).</summary>
public sealed class Milestone
{
    public const int TitleMaxLength = 300;

    private Milestone() { }

    public Milestone(Guid assignmentId, string title, DateOnly dueOn)
    {
        Id = Ids.New();
        AssignmentId = assignmentId;
        Title = Assignment.Clean(title, TitleMaxLength, "Tên mốc tiến độ", "milestones")
            ?? throw new DomainException("required", "Mốc tiến độ cần có tên.", "milestones");
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
}
