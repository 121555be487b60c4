using Resolute.Domain.Common;
using Resolute.Domain.Text;

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

/// <summary>An indicator with a target (chỉ tiêu), how success is measured; its actual is the latest reported.</summary>
public sealed class Indicator
{
    public const int NameMaxLength = 300;
    public const int UnitMaxLength = 50;

    private Indicator() { }

    public Indicator(Guid assignmentId, string name, string? unit, decimal? target)
    {
        Id = Ids.New();
        AssignmentId = assignmentId;
        Name = Assignment.Clean(name, NameMaxLength, "Tên chỉ tiêu", "indicators")
            ?? throw new DomainException("required", "Chỉ tiêu cần có tên.", "indicators");
        Update(unit, target);
    }

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Unit { get; private set; }
    public decimal? Target { get; private set; }
    public decimal? Actual { get; internal set; }

    public void Update(string? unit, decimal? target)
    {
        if (target < 0) throw new DomainException("negative", $"Chỉ tiêu \"{Name}\": giá trị mục tiêu không được âm.", "indicators");
        Unit = Assignment.Clean(unit, UnitMaxLength, "Đơn vị tính", "indicators");
        Target = target;
    }

    /// <summary>Indicators of the same name and unit are one measure across cascaded tasks (compared without diacritics or case).</summary>
    public string Key => VietnameseText.Fold($"{Name}|{Unit}");
}

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

/// <summary>An indicator's actual value as a progress report gave it.</summary>
public sealed class IndicatorActual
{
    private IndicatorActual() { }

    public IndicatorActual(Guid reportId, Guid indicatorId, decimal value)
    {
        ReportId = reportId;
        IndicatorId = indicatorId;
        Value = value;
    }

    public Guid ReportId { get; private set; }
    public Guid IndicatorId { get; private set; }
    public decimal Value { get; private set; }
}

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
