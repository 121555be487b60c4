using Resolute.Domain.Reviews;

namespace Resolute.Web.Features.Reviews;

/// <summary>What a campaign says, as the form and the API send it.</summary>
public record CampaignInput
{
    public Guid? OwnerId { get; init; }
    public string? OwnerCode { get; init; }
    public ReviewKind Kind { get; init; }
    public string? Title { get; init; }
    public Guid? SubjectDocumentId { get; init; }
    public string? SubjectSymbol { get; init; }
    public string? SubjectNote { get; init; }
    public DateOnly? PeriodFrom { get; init; }
    public DateOnly? PeriodTo { get; init; }
    public DateOnly? Deadline { get; init; }
    /// <summary>The standard sections asked for (all six when null).</summary>
    public IReadOnlyList<string>? Sections { get; init; }
    public string? ExtraSections { get; init; }
    public string? ReportedFigures { get; init; }
    /// <summary>Start from a saved outline instead.</summary>
    public Guid? TemplateId { get; init; }
    public IReadOnlyList<Guid>? RecipientIds { get; init; }
    public IReadOnlyList<string>? RecipientCodes { get; init; }
    /// <summary>"children": every current unit directly below; "subtree": every current unit below.</summary>
    public string? RecipientsAll { get; init; }
}
