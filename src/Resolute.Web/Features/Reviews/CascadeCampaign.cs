using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Reviews;

/// <summary>
/// A unit that received the outline passes it on to units below it: its own campaign, same subject, period and
/// outline, sent at once with its own (earlier or equal) deadline. The unit then consolidates their reports into its own.
/// </summary>
public sealed record CascadeCampaign(Guid ReportId, DateOnly? Deadline, CampaignInput Recipients)
{
    public async Task<ReviewCampaign> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var (parent, report) = await ReviewRules.LoadReportAsync(db, ReportId, ct);
        await Commands.RequireAsync(db, Permission.AssignTasks, report.UnitId, "Chỉ văn phòng của đơn vị nhận đề cương được gửi tiếp cho cấp dưới.", ct);
        if (parent.State != CampaignState.Sent) throw new DomainException("not-open", "Đợt sơ kết, tổng kết không ở giai đoạn nhận báo cáo.");
        if (report.CascadeId is not null) throw new DomainException("cascaded", "Đơn vị đã gửi đề cương cho cấp dưới.");
        var deadline = Deadline ?? throw new DomainException("required", "Cần nêu hạn gửi báo cáo của cấp dưới.", "deadline");
        if (deadline > parent.Deadline)
            throw new DomainException("deadline-late", $"Hạn của cấp dưới phải trước hạn gửi báo cáo lên trên ({parent.Deadline:dd/MM/yyyy}).", "deadline");
        var unit = await db.Organisations.IgnoreQueryFilters().FirstAsync(o => o.Id == report.UnitId, ct);
        var input = Recipients with
        {
            OwnerId = unit.Id,
            OwnerCode = null,
            Kind = parent.Kind,
            Title = parent.Title,
            SubjectDocumentId = parent.SubjectDocumentId,
            SubjectSymbol = null,
            SubjectNote = parent.SubjectNote,
            PeriodFrom = parent.PeriodFrom,
            PeriodTo = parent.PeriodTo,
            Deadline = deadline,
            TemplateId = null,
            Sections = null,
            ExtraSections = null,
            ReportedFigures = null,
        };
        // One transaction: the child campaign, the link from the unit's report and the sending are all there, or none.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var child = new ReviewCampaign(unit.Id, parent.Kind, parent.Title, parent.SubjectDocumentId, parent.SubjectNote, parent.PeriodFrom,
            parent.PeriodTo, deadline, parent.Outline, db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId, parent.Id);
        db.ReviewCampaigns.Add(child);
        report.CascadeId = child.Id;
        await db.SaveChangesAsync(ct);
        // The recipients and sending go through the one path every campaign takes.
        var sent = await new SaveCampaign(child.Id, child.Version, input, Send: true).HandleAsync(db, ct);
        await tx.CommitAsync(ct);
        return sent;
    }
}
