using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;

namespace Resolute.Web.Features.Assignments;

/// <summary>What a task says, as the form, the import and the API send it. Units are given by id or by code.</summary>
public record AssignmentInput
{
    public Guid? AssignerId { get; init; }
    public string? AssignerCode { get; init; }
    public string? Title { get; init; }
    public string? Content { get; init; }
    public Guid? SourceDocumentId { get; init; }
    public string? SourceClause { get; init; }
    public string? SourceNote { get; init; }
    public Guid? LeadId { get; init; }
    public string? LeadCode { get; init; }
    public Guid? LeadLeaderId { get; init; }
    public Guid? FollowUpId { get; init; }
    public string? FollowUpCode { get; init; }
    public IReadOnlyList<Guid>? CoordinatorIds { get; init; }
    public IReadOnlyList<string>? CoordinatorCodes { get; init; }
    public DateOnly? Deadline { get; init; }
    public Recurrence Recurrence { get; init; }
    public IReadOnlyList<MilestoneInput>? Milestones { get; init; }
    public string? Output { get; init; }
    public IReadOnlyList<IndicatorInput>? Indicators { get; init; }
    public Secrecy Secrecy { get; init; }
    public IReadOnlyList<string>? NeedToKnow { get; init; }
}

public sealed record MilestoneInput(string? Title, DateOnly? DueOn);

public sealed record IndicatorInput(string? Name, string? Unit, decimal? Target);
