using Resolute.Domain.Common;

namespace Resolute.Domain.Assignments;

public enum ReportReview { Pending = 0, Accepted = 1, Returned = 2 }

/// <summary>A progress report of the lead unit (báo cáo tiến độ); the assigning unit accepts or returns it.</summary>
public sealed class ProgressReport
{
    public const int NarrativeMaxLength = 8000;

    private ProgressReport() { }

    public ProgressReport(Guid assignmentId, string? narrative, int percent, bool proposesCompletion, DateTime at, DateOnly reportedOn,
        Guid? userId, string? userName, DateOnly? cycleDue)
    {
        ReportedOn = reportedOn;
        Id = Ids.New();
        AssignmentId = assignmentId;
        Narrative = narrative;
        Percent = percent;
        ProposesCompletion = proposesCompletion;
        ReportedAt = at;
        ReportedById = userId;
        ReportedByName = userName;
        CycleDue = cycleDue;
    }

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    public string? Narrative { get; private set; }
    public int Percent { get; private set; }
    public bool ProposesCompletion { get; private set; }
    public DateTime ReportedAt { get; private set; }
    /// <summary>The local date of the report: for a completion, the date the work was reported done.</summary>
    public DateOnly ReportedOn { get; private set; }
    public Guid? ReportedById { get; private set; }
    public string? ReportedByName { get; private set; }
    /// <summary>For a recurring task, the cycle report date this report answered.</summary>
    public DateOnly? CycleDue { get; private set; }
    public ReportReview Review { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public string? ReviewedByName { get; private set; }
    public string? ReviewComment { get; private set; }
    public List<IndicatorActual> Actuals { get; private set; } = [];

    internal void Decide(ReportReview review, string? comment, DateTime at, string? by)
    {
        Review = review;
        ReviewComment = Assignment.Clean(comment, Assignment.ReasonMaxLength, "Ý kiến", "comment");
        ReviewedAt = at;
        ReviewedByName = by;
    }
}
