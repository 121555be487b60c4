using Resolute.Domain.Common;

namespace Resolute.Web.Features.Assignments;

/// <summary>A file given as evidence with a progress report; the bytes live in the content-addressed attachment store.</summary>
public sealed class Evidence
{
    public Guid Id { get; set; } = Ids.New();
    public Guid ReportId { get; set; }
    public Guid AssignmentId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
