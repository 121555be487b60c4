using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Features.Notifications;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Reviews;

/// <summary>Opens a campaign (a draft) or changes one; recipients listed are added, those no longer listed are dropped while still a draft.</summary>
public sealed record SaveCampaign(Guid? Id, int? Version, CampaignInput Input, bool Send = false)
{
    public async Task<ReviewCampaign> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        if (Id is null && !db.Scope.HasAny(Permission.AssignTasks))
            throw new ForbiddenException("Chỉ văn phòng và quản trị hệ thống được mở đợt sơ kết, tổng kết.");
        var i = Input;
        ReviewOutline? outline = null;
        if (i.TemplateId is { } tid)
            outline = (await db.OutlineTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid, ct)
                ?? throw new DomainException("template", "Không tìm thấy mẫu đề cương.", "templateId")).Outline;
        else if (Id is null || i.Sections is not null || i.ExtraSections is not null || i.ReportedFigures is not null)
            outline = ReviewOutline.From(i.Sections ?? ReviewOutline.StandardSections.Select(s => s.Key).ToList(), i.ExtraSections, i.ReportedFigures);
        var subject = i.SubjectDocumentId;
        if (subject is null && !string.IsNullOrWhiteSpace(i.SubjectSymbol))
            subject = await Sources.BySymbolAsync(db, i.SubjectSymbol, ct);
        await Sources.CheckAsync(db, subject, ct);
        var from = i.PeriodFrom ?? throw new DomainException("required", "Cần nêu ngày bắt đầu của kỳ sơ kết, tổng kết.", "periodFrom");
        var to = i.PeriodTo ?? throw new DomainException("required", "Cần nêu ngày kết thúc của kỳ sơ kết, tổng kết.", "periodTo");
        var deadline = i.Deadline ?? throw new DomainException("required", "Cần nêu hạn gửi báo cáo.", "deadline");

        ReviewCampaign c;
        if (Id is { } id)
        {
            c = await ReviewRules.LoadAsync(db, id, ct);
            await Commands.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được sửa đợt sơ kết, tổng kết.", ct);
            ReviewRules.CheckVersion(c.Version, Version);
            c.Describe(i.Kind, i.Title ?? "", subject, i.SubjectNote, from, to, deadline, outline ?? c.Outline);
        }
        else
        {
            var owner = await Units.FindAsync(db, i.OwnerId, i.OwnerCode, "ownerId", "đơn vị chủ trì", ct)
                ?? throw new DomainException("required", "Cần chọn đơn vị chủ trì sơ kết, tổng kết.", "ownerId");
            await Commands.RequireAsync(db, Permission.AssignTasks, owner.Id, "Bạn không có quyền mở đợt sơ kết, tổng kết thay mặt đơn vị này.", ct);
            c = new ReviewCampaign(owner.Id, i.Kind, i.Title ?? "", subject, i.SubjectNote, from, to, deadline, outline!,
                db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId);
            db.ReviewCampaigns.Add(c);
        }

        var wanted = new List<Guid>();
        if (i.RecipientsAll is "children" or "subtree")
        {
            var below = i.RecipientsAll == "children"
                ? db.Organisations.Where(o => o.ParentId == c.OwnerId && o.ValidTo == null).Select(o => o.Id)
                : db.OrganisationClosures.Where(x => x.AncestorId == c.OwnerId && x.DescendantId != c.OwnerId)
                    .Join(db.Organisations.Where(o => o.ValidTo == null), x => x.DescendantId, o => o.Id, (x, o) => o.Id);
            wanted.AddRange(await below.ToListAsync(ct));
        }
        foreach (var rid in i.RecipientIds ?? [])
            wanted.Add((await ReviewRules.RecipientAsync(db, c.OwnerId, rid, null, ct)).Id);
        foreach (var code in (i.RecipientCodes ?? []).Where(x => !string.IsNullOrWhiteSpace(x)))
            wanted.Add((await ReviewRules.RecipientAsync(db, c.OwnerId, null, code, ct)).Id);
        wanted = wanted.Distinct().ToList();
        if (c.State == CampaignState.Draft && (i.RecipientIds is not null || i.RecipientCodes is not null || i.RecipientsAll is not null))
            foreach (var gone in c.Reports.Where(r => !wanted.Contains(r.UnitId)).Select(r => r.UnitId).ToList())
                c.RemoveRecipient(gone);
        foreach (var unit in wanted.Where(u => c.Reports.All(r => r.UnitId != u)))
            await ReviewRules.StartReportAsync(db, c, c.AddRecipient(unit), ct);
        if (Send) await SendCampaign.SendAsync(db, c, ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    internal static async Task<List<(Guid ReportId, Reminders.Recipient To)>> RecipientsAsync(ResoluteDbContext db, IEnumerable<UnitReport> reports, CancellationToken ct)
    {
        var list = new List<(Guid, Reminders.Recipient)>();
        foreach (var r in reports)
            foreach (var u in await Reminders.PeopleOfUnitAsync(db, r.UnitId, null, ct)) list.Add((r.Id, u));
        return list;
    }

    internal static void Notify(ResoluteDbContext db, ReviewCampaign c, IEnumerable<(Guid ReportId, Reminders.Recipient To)> to, string title, string kind = "review")
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        db.Notifications.AddRange(to.Select(x => new Notification
        {
            UserId = x.To.Id,
            CreatedAt = now,
            Kind = kind,
            Title = title.Length > 300 ? title[..300] : title,
            Url = $"/Reviews/Report/{x.ReportId}",
            EmailTo = x.To.Email,
            EmailState = string.IsNullOrWhiteSpace(x.To.Email) ? EmailState.None : EmailState.Pending,
        }));
    }
}
