using Resolute.Domain.Common;

namespace Resolute.Web.Data;

/// <summary>
/// A file kept for a record: a document's attachment, the evidence given with a progress report, a file a unit
/// attaches to its review report, or a meeting's minutes. Exactly one owner is set; the bytes live in the content-addressed file store under
/// their SHA-256 (<see cref="Infrastructure.Files.FileStore"/>), so the same file is kept once.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; } = Ids.New();
    public Guid? DocumentId { get; set; }
    /// <summary>A progress report's evidence: the report and its task (the task decides who may read it).</summary>
    public Guid? ProgressReportId { get; set; }
    public Guid? AssignmentId { get; set; }
    public Guid? UnitReportId { get; set; }
    /// <summary>A meeting's minutes (biên bản) as signed, scanned or typed.</summary>
    public Guid? MeetingId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
