using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Reviews;

/// <summary>Attaches a file to a unit's report while it may still be edited.</summary>
public sealed record AddReportAttachment(Guid ReportId, string FileName, Func<Stream> Open)
{
    public async Task<StoredFile> HandleAsync(ResoluteDbContext db, Infrastructure.Files.FileStore store, CancellationToken ct)
    {
        var (_, r) = await ReviewRules.LoadReportAsync(db, ReportId, ct);
        await Commands.RequireAsync(db, Permission.ReportProgress, r.UnitId, "Chỉ đơn vị báo cáo được đính kèm tệp.", ct);
        if (!r.IsEditable) throw new DomainException("not-editable", "Báo cáo đã gửi; chỉ sửa được khi bị trả lại.");
        var a = await Infrastructure.Files.StoredFiles.ReceiveAsync(store, FileName, "tai-lieu", Open, db.Clock.GetUtcNow().UtcDateTime, ct);
        a.UnitReportId = r.Id;
        db.StoredFiles.Add(a);
        await db.SaveChangesAsync(ct);
        return a;
    }
}
