using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using Resolute.Web.Infrastructure.Files;

namespace Resolute.Web.Features.Documents.Attachments;

/// <summary>Attaches an uploaded file to a document: stored by content hash, its text added to the document's search.</summary>
public sealed record AddAttachment(Guid DocumentId, string FileName, Func<Stream> Open)
{
    public async Task<StoredFile> HandleAsync(ResoluteDbContext db, FileStore store, CancellationToken ct)
    {
        var doc = await db.Documents.FirstOrDefaultAsync(d => d.Id == DocumentId, ct) ?? throw new NotFoundException("Không tìm thấy văn bản.");
        if (!await db.Scope.CanAsync(db, Permission.RegisterDocuments, doc.IssuerId, ct))
            throw new ForbiddenException("Chỉ văn phòng của đơn vị ban hành được đính kèm tệp.");
        if (doc.IsSecret)
            throw new DomainException("secret-attachment", "Văn bản mật không được đính kèm tệp trên hệ thống nối mạng.", "file");
        var attachment = await StoredFiles.ReceiveAsync(store, FileName, "tep", Open, db.Clock.GetUtcNow().UtcDateTime, ct);
        doc.AddAttachmentText(store.ExtractText(attachment));
        attachment.DocumentId = doc.Id;
        db.StoredFiles.Add(attachment);
        await db.SaveChangesAsync(ct);
        return attachment;
    }
}
