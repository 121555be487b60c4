using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Assignments;
using Resolute.Web.Features.Notifications;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Reviews;

/// <summary>Loading through the scope, the permission checks and saving without lost updates, for every review command.</summary>
public static class ReviewRules
{
    public static IQueryable<ReviewCampaign> Whole(this IQueryable<ReviewCampaign> campaigns) => campaigns
        .Include(c => c.Items).Include(c => c.Overrides)
        .Include(c => c.Reports).ThenInclude(r => r.Items)
        .Include(c => c.Reports).ThenInclude(r => r.Figures)
        .AsSplitQuery();

    /// <summary>
    /// A campaign with its reports, through the scope filter (404 when outside it). Reports the caller may not see (a
    /// sibling unit's) are left out by their own filter.
    /// </summary>
    public static async Task<ReviewCampaign> LoadAsync(ResoluteDbContext db, Guid id, CancellationToken ct) =>
        await db.ReviewCampaigns.Whole().FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException("Không tìm thấy đợt sơ kết, tổng kết, hoặc bạn không có quyền xem.");

    /// <summary>The campaign of a unit's report, with that report (404 when the caller may not see the report).</summary>
    public static async Task<(ReviewCampaign Campaign, UnitReport Report)> LoadReportAsync(ResoluteDbContext db, Guid reportId, CancellationToken ct)
    {
        var campaignId = await db.UnitReports.Where(r => r.Id == reportId).Select(r => (Guid?)r.CampaignId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Không tìm thấy báo cáo của đơn vị, hoặc bạn không có quyền xem.");
        var c = await LoadAsync(db, campaignId, ct);
        return (c, c.Reports.First(r => r.Id == reportId));
    }

    public static void CheckVersion(int actual, int? expected, bool required = false)
    {
        if (required) Versions.Required(expected);
        if (expected is { } v && v != actual) throw new ConflictException();
    }

    /// <summary>A unit the campaign may ask to report: a current unit strictly below the reviewing unit.</summary>
    public static async Task<Organisation> RecipientAsync(ResoluteDbContext db, Guid ownerId, Guid? id, string? code, CancellationToken ct)
    {
        var unit = await AssignmentRules.UnitAsync(db, id, code, "recipients", "đơn vị báo cáo", ct)
            ?? throw new DomainException("required", "Cần chọn đơn vị báo cáo.", "recipients");
        if (unit.Id == ownerId || !await AssignmentRules.IsWithinAsync(db, unit.Id, ownerId, ct))
            throw new DomainException("recipient-outside", $"{unit.ShortName} không phải đơn vị cấp dưới của đơn vị chủ trì sơ kết, tổng kết.", "recipients");
        return unit;
    }

    /// <summary>Gives a unit the task of writing its report (reminded like any task), when the campaign has been sent.</summary>
    public static async Task StartReportAsync(ResoluteDbContext db, ReviewCampaign c, UnitReport r, CancellationToken ct)
    {
        if (c.State != CampaignState.Sent || r.AssignmentId is not null) return;
        var today = db.Today;
        var leader = await AssignmentRules.DefaultLeaderAsync(db, r.UnitId, today, ct);
        var task = Assignment.ForReviewReport(c.OwnerId, r.UnitId, leader, $"Báo cáo {KindName(c.Kind).ToLowerInvariant()}: {c.Title}",
            $"Đề cương {KindName(c.Kind).ToLowerInvariant()} \"{c.Title}\" (/Reviews/Report/{r.Id})", c.Deadline, today,
            db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId);
        db.Assignments.Add(task);
        r.AssignmentId = task.Id;
    }

    public static string KindName(ReviewKind kind) => kind == ReviewKind.Final ? "Tổng kết" : "Sơ kết";

    public static async Task SaveAsync(ResoluteDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException();
        }
    }

    public static async Task RequireAsync(ResoluteDbContext db, Permission permission, Guid unitId, string message, CancellationToken ct) =>
        await AssignmentRules.RequireAsync(db, permission, unitId, message, ct);
}

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
            subject = await AssignmentRules.SourceBySymbolAsync(db, i.SubjectSymbol, ct);
        await AssignmentRules.CheckSourceAsync(db, subject, ct);
        var from = i.PeriodFrom ?? throw new DomainException("required", "Cần nêu ngày bắt đầu của kỳ sơ kết, tổng kết.", "periodFrom");
        var to = i.PeriodTo ?? throw new DomainException("required", "Cần nêu ngày kết thúc của kỳ sơ kết, tổng kết.", "periodTo");
        var deadline = i.Deadline ?? throw new DomainException("required", "Cần nêu hạn gửi báo cáo.", "deadline");

        ReviewCampaign c;
        if (Id is { } id)
        {
            c = await ReviewRules.LoadAsync(db, id, ct);
            await ReviewRules.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được sửa đợt sơ kết, tổng kết.", ct);
            ReviewRules.CheckVersion(c.Version, Version);
            c.Describe(i.Kind, i.Title ?? "", subject, i.SubjectNote, from, to, deadline, outline ?? c.Outline);
        }
        else
        {
            var owner = await AssignmentRules.UnitAsync(db, i.OwnerId, i.OwnerCode, "ownerId", "đơn vị chủ trì", ct)
                ?? throw new DomainException("required", "Cần chọn đơn vị chủ trì sơ kết, tổng kết.", "ownerId");
            await ReviewRules.RequireAsync(db, Permission.AssignTasks, owner.Id, "Bạn không có quyền mở đợt sơ kết, tổng kết thay mặt đơn vị này.", ct);
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
        await ReviewRules.SaveAsync(db, ct);
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

/// <summary>Sends a draft campaign's outline: every unit gets the task of reporting by the deadline, and a notification.</summary>
public sealed record SendCampaign(Guid Id, int? Version)
{
    public async Task<ReviewCampaign> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, Id, ct);
        await ReviewRules.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được gửi đề cương.", ct);
        ReviewRules.CheckVersion(c.Version, Version);
        await SendAsync(db, c, ct);
        await ReviewRules.SaveAsync(db, ct);
        return c;
    }

    internal static async Task SendAsync(ResoluteDbContext db, ReviewCampaign c, CancellationToken ct)
    {
        c.Send(db.Today);
        foreach (var r in c.Reports) await ReviewRules.StartReportAsync(db, c, r, ct);
        SaveCampaign.Notify(db, c, await SaveCampaign.RecipientsAsync(db, c.Reports, ct),
            $"{ReviewRules.KindName(c.Kind)}: {c.Title} — hạn gửi báo cáo {c.Deadline:dd/MM/yyyy}");
    }
}

/// <summary>Ends a campaign: the consolidated report is final and units' reports no longer change.</summary>
public sealed record CloseCampaign(Guid Id, int? Version)
{
    public async Task<ReviewCampaign> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, Id, ct);
        await ReviewRules.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được kết thúc đợt.", ct);
        ReviewRules.CheckVersion(c.Version, Version);
        c.Close();
        await ReviewRules.SaveAsync(db, ct);
        return c;
    }
}

/// <summary>
/// A unit that received the outline passes it on to units below it: its own campaign, same subject, period and
/// outline, sent at once with its own (earlier or equal) deadline. The unit then consolidates their reports into its own.
/// </summary>
public sealed record CascadeCampaign(Guid ReportId, DateOnly? Deadline, CampaignInput Recipients)
{
    public async Task<ReviewCampaign> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var (parent, report) = await ReviewRules.LoadReportAsync(db, ReportId, ct);
        await ReviewRules.RequireAsync(db, Permission.AssignTasks, report.UnitId, "Chỉ văn phòng của đơn vị nhận đề cương được gửi tiếp cho cấp dưới.", ct);
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
        var child = new ReviewCampaign(unit.Id, parent.Kind, parent.Title, parent.SubjectDocumentId, parent.SubjectNote, parent.PeriodFrom,
            parent.PeriodTo, deadline, parent.Outline, db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId, parent.Id);
        db.ReviewCampaigns.Add(child);
        report.CascadeId = child.Id;
        await ReviewRules.SaveAsync(db, ct);
        // The recipients and sending go through the one path every campaign takes.
        return await new SaveCampaign(child.Id, child.Version, input, Send: true).HandleAsync(db, ct);
    }
}

/// <summary>One item as the report form and the API send it; an id keeps an existing item.</summary>
public sealed record ItemInput(Guid? Id, string? SectionKey, string? Text);

public sealed record FigureInput(string? Key, decimal? Value, string? Note);

/// <summary>A unit saves its report as a draft, or submits it (the reporting task then proposes its completion).</summary>
public sealed record SaveUnitReport(Guid ReportId, int? Version, IReadOnlyList<ItemInput> Items, IReadOnlyList<FigureInput> Figures, bool Submit, bool RequireVersion = false)
{
    public async Task<UnitReport> HandleAsync(ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var (c, r) = await ReviewRules.LoadReportAsync(db, ReportId, ct);
        await ReviewRules.RequireAsync(db, Permission.ReportProgress, r.UnitId, "Chỉ văn phòng hoặc cán bộ báo cáo của đơn vị được soạn báo cáo này.", ct);
        ReviewRules.CheckVersion(r.Version, Version, RequireVersion);
        if (c.State != CampaignState.Sent) throw new DomainException("not-open", "Đợt sơ kết, tổng kết không ở giai đoạn nhận báo cáo.");
        r.SaveDraft(c.Outline, Items.Select(i => (i.Id, i.SectionKey ?? "", i.Text ?? "")), Figures.Where(f => f.Key is not null).Select(f => (f.Key!, f.Value, f.Note)));
        if (Submit)
        {
            var today = db.Today;
            r.Submit(today, AssignmentRules.Actor(db));
            if (r.AssignmentId is { } aid && await db.Assignments.Whole().IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == aid, ct) is { IsOpen: true } task)
            {
                var p = task.Report($"Đã gửi báo cáo {ReviewRules.KindName(c.Kind).ToLowerInvariant()} ({r.Items.Count} mục).", 100, true, [],
                    db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId, AssignmentRules.Actor(db), today, AssignmentRules.Calendar(config));
                r.ProgressReportId = p.Id;
            }
            var owners = await db.Users.Where(u => !u.IsDisabled && db.RoleGrants.Any(g => g.UserId == u.Id && g.OrganisationId == c.OwnerId
                    && (g.Role == ScopeRole.Office || g.Role == ScopeRole.Leader)))
                .Select(u => new Reminders.Recipient(u.Id, u.Email)).ToListAsync(ct);
            var unit = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == r.UnitId).Select(o => o.ShortName).FirstAsync(ct);
            SaveCampaign.Notify(db, c, owners.Select(o => (r.Id, o)), $"{unit} đã gửi báo cáo {ReviewRules.KindName(c.Kind).ToLowerInvariant()}: {c.Title}", "review-submitted");
        }
        await ReviewRules.SaveAsync(db, ct);
        return r;
    }
}

/// <summary>The reviewing unit accepts a submitted report, or returns it with comments; the reporting task follows.</summary>
public sealed record DecideUnitReport(Guid ReportId, bool Accept, string? Comment, int? Version = null, bool RequireVersion = false)
{
    public async Task<UnitReport> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var (c, r) = await ReviewRules.LoadReportAsync(db, ReportId, ct);
        await ReviewRules.RequireAsync(db, Permission.ReviewTasks, c.OwnerId, "Chỉ đơn vị chủ trì sơ kết, tổng kết được tiếp nhận hoặc trả lại báo cáo.", ct);
        ReviewRules.CheckVersion(r.Version, Version, RequireVersion);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var by = AssignmentRules.Actor(db);
        if (Accept) c.Accept(r.Id, now, by);
        else c.Return(r.Id, Comment, now, by);
        if (r.AssignmentId is { } aid && r.ProgressReportId is { } pid
            && await db.Assignments.Whole().IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == aid, ct) is { } task
            && task.Reports.Any(p => p.Id == pid && p.Review == ReportReview.Pending))
        {
            if (Accept) task.Accept(pid, Comment, now, by);
            else task.Return(pid, Comment, now, by);
        }
        r.ProgressReportId = null;
        SaveCampaign.Notify(db, c, await SaveCampaign.RecipientsAsync(db, [r], ct),
            Accept ? $"Báo cáo của đơn vị đã được tiếp nhận: {c.Title}" : $"Báo cáo bị trả lại: {c.Title} — {r.ReturnComment}", "review-decided");
        await ReviewRules.SaveAsync(db, ct);
        return r;
    }
}

/// <summary>Reminds at once every unit that has not yet submitted (the reminder job does the same by the deadline).</summary>
public sealed record RemindUnits(Guid CampaignId)
{
    public async Task<int> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, CampaignId, ct);
        await ReviewRules.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được đôn đốc các đơn vị.", ct);
        if (c.State != CampaignState.Sent) throw new DomainException("not-open", "Đợt sơ kết, tổng kết không ở giai đoạn nhận báo cáo.");
        var today = db.Today;
        var waiting = c.Reports.Where(r => r.IsEditable).ToList();
        if (waiting.Count == 0) throw new DomainException("nothing-to-remind", "Các đơn vị đều đã gửi báo cáo.");
        var to = await SaveCampaign.RecipientsAsync(db, waiting, ct);
        var late = today > c.Deadline ? $"đã quá hạn {today.DayNumber - c.Deadline.DayNumber} ngày" : $"hạn {c.Deadline:dd/MM/yyyy}";
        SaveCampaign.Notify(db, c, to, $"Đôn đốc gửi báo cáo {ReviewRules.KindName(c.Kind).ToLowerInvariant()} ({late}): {c.Title}", "review-reminder");
        db.RecordEvent("remind", nameof(ReviewCampaign), c.Id.ToString(), details: new { units = waiting.Select(r => r.UnitId), notified = to.Count });
        await db.SaveChangesAsync(ct);
        return waiting.Count;
    }
}

/// <summary>One change to the consolidated report: add, change, remove or move an item.</summary>
public sealed record EditConsolidation(Guid CampaignId, int? Version, string Op, Guid? ItemId, string? SectionKey, string? Text, IReadOnlyList<Guid>? SourceItemIds)
{
    public async Task<ReviewCampaign> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, CampaignId, ct);
        await ReviewRules.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được tổng hợp báo cáo.", ct);
        ReviewRules.CheckVersion(c.Version, Version);
        var sources = SourceItemIds ?? [];
        Guid Item() => ItemId ?? throw new DomainException("required", "Cần chọn mục.", "itemId");
        switch (Op)
        {
            case "add": c.AddItem(SectionKey ?? "", Text ?? "", sources); break;
            case "update": c.UpdateItem(Item(), Text ?? "", sources); break;
            case "remove": c.RemoveItem(Item()); break;
            case "up": c.MoveItem(Item(), -1); break;
            case "down": c.MoveItem(Item(), 1); break;
            default: throw new DomainException("op", "Thao tác không hợp lệ.", "op");
        }
        await ReviewRules.SaveAsync(db, ct);
        return c;
    }
}

/// <summary>The office replaces a figure (one unit's, or the total) with a value it vouches for, saying why; no value removes the override.</summary>
public sealed record OverrideFigure(Guid CampaignId, string Key, Guid? UnitId, decimal? Value, string? Reason)
{
    public async Task<ReviewCampaign> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, CampaignId, ct);
        await ReviewRules.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được điều chỉnh số liệu.", ct);
        c.Override(Key, UnitId, Value, Reason, db.Clock.GetUtcNow().UtcDateTime, AssignmentRules.Actor(db));
        await ReviewRules.SaveAsync(db, ct);
        return c;
    }
}

/// <summary>Saves a campaign's outline as a template under a name, for the next review.</summary>
public sealed record SaveTemplate(Guid CampaignId, string? Name)
{
    public async Task<OutlineTemplate> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var c = await ReviewRules.LoadAsync(db, CampaignId, ct);
        await ReviewRules.RequireAsync(db, Permission.AssignTasks, c.OwnerId, "Chỉ văn phòng của đơn vị chủ trì được lưu mẫu đề cương.", ct);
        var name = Input.Clean(Name, 300, "Tên mẫu đề cương", "name") ?? throw new DomainException("required", "Cần đặt tên mẫu đề cương.", "name");
        if (await db.OutlineTemplates.AnyAsync(t => t.OwnerId == c.OwnerId && t.Name == name, ct))
            throw new DomainException("template-duplicate", $"Đã có mẫu đề cương tên \"{name}\".", "name");
        var t = new OutlineTemplate { OwnerId = c.OwnerId, Name = name, Outline = c.Outline, CreatedAt = db.Clock.GetUtcNow().UtcDateTime };
        db.OutlineTemplates.Add(t);
        await db.SaveChangesAsync(ct);
        return t;
    }
}

/// <summary>Attaches a file to a unit's report while it may still be edited.</summary>
public sealed record AddReportAttachment(Guid ReportId, string FileName, Func<Stream> Open)
{
    public async Task<StoredFile> HandleAsync(ResoluteDbContext db, Infrastructure.Files.FileStore store, CancellationToken ct)
    {
        var (_, r) = await ReviewRules.LoadReportAsync(db, ReportId, ct);
        await ReviewRules.RequireAsync(db, Permission.ReportProgress, r.UnitId, "Chỉ đơn vị báo cáo được đính kèm tệp.", ct);
        if (!r.IsEditable) throw new DomainException("not-editable", "Báo cáo đã gửi; chỉ sửa được khi bị trả lại.");
        var a = await Infrastructure.Files.StoredFiles.ReceiveAsync(store, FileName, "tai-lieu", Open, db.Clock.GetUtcNow().UtcDateTime, ct);
        a.UnitReportId = r.Id;
        db.StoredFiles.Add(a);
        await db.SaveChangesAsync(ct);
        return a;
    }
}
