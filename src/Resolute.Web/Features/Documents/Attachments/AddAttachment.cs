using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Documents.Attachments;

/// <summary>Attaches an uploaded file to a document: stored by content hash, its text added to the document's search.</summary>
public sealed record AddAttachment(Guid DocumentId, string FileName, Func<Stream> Open)
{
    public async Task<Attachment> HandleAsync(ResoluteDbContext db, AttachmentStore store, CancellationToken ct)
    {
        var doc = await db.Documents.FirstOrDefaultAsync(d => d.Id == DocumentId, ct) ?? throw new NotFoundException("Không tìm thấy văn bản.");
        if (!await db.Scope.CanAsync(db, Permission.RegisterDocuments, doc.IssuerId, ct))
            throw new ForbiddenException("Chỉ văn phòng của đơn vị ban hành được đính kèm tệp.");
        if (doc.IsSecret)
            throw new DomainException("secret-attachment", "Văn bản mật không được đính kèm tệp trên hệ thống nối mạng.", "file");
        await using var content = Open();
        var stored = await store.SaveAsync(content, ct);
        doc.AddAttachmentText(store.ExtractText(stored));
        var attachment = new Attachment
        {
            DocumentId = doc.Id,
            FileName = AttachmentStore.NameFor(FileName, "tep", stored),
            ContentType = stored.ContentType,
            Size = stored.Size,
            Sha256 = stored.Sha256,
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return attachment;
    }
}
