using Resolute.Domain.Common;

namespace Resolute.Web.Features.Documents.Attachments;

/// <summary>A file attached to a document. The bytes live in the content-addressed store under their SHA-256.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; } = Ids.New();
    public Guid DocumentId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
