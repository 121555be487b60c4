using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Features.Assignments.AssignmentRules;

namespace Resolute.Web.Features.Assignments;

/// <summary>Evidence for a progress report, in the shared attachment store. Secret tasks take no files.</summary>
public sealed record AddEvidence(Guid Id, Guid ReportId, string FileName, Func<Stream> Open)
{
    public async Task<StoredFile> HandleAsync(ResoluteDbContext db, Infrastructure.Files.FileStore store, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await Commands.RequireAsync(db, Permission.ReportProgress, a.LeadId ?? a.AssignerId, "Chỉ đơn vị chủ trì được đính kèm minh chứng.", ct);
        if (a.Reports.All(r => r.Id != ReportId)) throw new NotFoundException("Không tìm thấy báo cáo tiến độ.");
        if (a.IsSecret) throw new DomainException("secret-attachment", "Nhiệm vụ mật không được đính kèm tệp trên hệ thống nối mạng.", "file");
        var e = await Infrastructure.Files.StoredFiles.ReceiveAsync(store, FileName, "minh-chung", Open, db.Clock.GetUtcNow().UtcDateTime, ct);
        e.ProgressReportId = ReportId;
        e.AssignmentId = a.Id;
        db.StoredFiles.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }
}
