using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Features.Assignments.AssignmentRules;

namespace Resolute.Web.Features.Assignments;

/// <summary>What a task says, as the form, the import and the API send it. Units are given by id or by code.</summary>
public record AssignmentInput
{
    public Guid? AssignerId { get; init; }
    public string? AssignerCode { get; init; }
    public string? Title { get; init; }
    public string? Content { get; init; }
    public Guid? SourceDocumentId { get; init; }
    public string? SourceClause { get; init; }
    public string? SourceNote { get; init; }
    public Guid? LeadId { get; init; }
    public string? LeadCode { get; init; }
    public Guid? LeadLeaderId { get; init; }
    public Guid? FollowUpId { get; init; }
    public string? FollowUpCode { get; init; }
    public IReadOnlyList<Guid>? CoordinatorIds { get; init; }
    public IReadOnlyList<string>? CoordinatorCodes { get; init; }
    public DateOnly? Deadline { get; init; }
    public Recurrence Recurrence { get; init; }
    public IReadOnlyList<MilestoneInput>? Milestones { get; init; }
    public string? Output { get; init; }
    public IReadOnlyList<IndicatorInput>? Indicators { get; init; }
    public Secrecy Secrecy { get; init; }
    public IReadOnlyList<string>? NeedToKnow { get; init; }
}

public sealed record MilestoneInput(string? Title, DateOnly? DueOn);

public sealed record IndicatorInput(string? Name, string? Unit, decimal? Target);

/// <summary>Creates a task as a draft, or updates one; with <see cref="Assign"/> it is assigned once all five clears hold.</summary>
public sealed record SaveAssignment(Guid? Id, int? Version, AssignmentInput Input, bool Assign, bool RequireVersion = false)
{
    public async Task<Assignment> HandleAsync(ResoluteDbContext db, UserManager<User> users, IConfiguration config, CancellationToken ct)
    {
        var today = db.Today;
        var i = Input;
        Assignment a;
        if (Id is { } id)
        {
            a = await LoadAsync(db, id, ct);
            await RequireAsync(db, Permission.AssignTasks, a.AssignerId, "Chỉ văn phòng của đơn vị giao nhiệm vụ được sửa nhiệm vụ.", ct);
            if (RequireVersion && Version is null)
                throw new DomainException("version-required", "Cần gửi phiên bản (version) đã đọc để tránh ghi đè thay đổi của người khác.", "version");
            CheckVersion(a, Version);
        }
        else
        {
            if (!db.Scope.HasAny(Permission.AssignTasks)) throw new ForbiddenException("Chỉ văn phòng và quản trị hệ thống được giao nhiệm vụ.");
            var assigner = await UnitAsync(db, i.AssignerId, i.AssignerCode, "assignerId", "đơn vị giao nhiệm vụ", ct)
                ?? throw new DomainException("required", "Cần chọn đơn vị giao nhiệm vụ.", "assignerId");
            await RequireAsync(db, Permission.AssignTasks, assigner.Id, "Bạn không có quyền giao nhiệm vụ thay mặt đơn vị này.", ct);
            a = new Assignment(assigner.Id, i.Title ?? "", db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId);
            db.Assignments.Add(a);
        }

        var lead = await UnitAsync(db, i.LeadId, i.LeadCode, "leadId", "đơn vị chủ trì", ct);
        // A unit gives tasks to itself and the units below it; Central bodies give them to provinces and cities too.
        var assignerLevel = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == a.AssignerId).Select(o => o.Level).FirstAsync(ct);
        if (lead is not null && assignerLevel != Domain.Organisations.OrganisationLevel.Central && !await IsWithinAsync(db, lead.Id, a.AssignerId, ct))
            throw new DomainException("lead-outside", $"{lead.ShortName} không thuộc đơn vị giao nhiệm vụ; chỉ giao cho đơn vị mình hoặc đơn vị cấp dưới.", "leadId");
        var followUp = await UnitAsync(db, i.FollowUpId, i.FollowUpCode, "followUpId", "đơn vị theo dõi", ct);
        var coordinators = new List<Guid>();
        foreach (var cid in i.CoordinatorIds ?? [])
            coordinators.Add((await UnitAsync(db, cid, null, "coordinatorIds", "đơn vị phối hợp", ct))!.Id);
        foreach (var code in (i.CoordinatorCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)))
            coordinators.Add((await UnitAsync(db, null, code, "coordinatorIds", "đơn vị phối hợp", ct))!.Id);
        await CheckLeaderAsync(db, i.LeadLeaderId, lead?.Id, today, ct);
        await CheckSourceAsync(db, i.SourceDocumentId, ct);

        a.Describe(i.Title ?? "", i.Content, i.SourceDocumentId, i.SourceClause, i.SourceNote, i.Output, i.Secrecy);
        a.SetPeople(lead?.Id, i.LeadLeaderId, followUp?.Id, coordinators);
        a.SetSchedule(i.Deadline, i.Recurrence, Calendar(config), today);
        a.SetMilestones((i.Milestones ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Title) || m.DueOn is not null).Select(m =>
            (m.Title ?? "", m.DueOn ?? throw new DomainException("required", $"Mốc \"{m.Title}\" cần có ngày.", "milestones"))));
        var indicators = (i.Indicators ?? []).Where(x => !string.IsNullOrWhiteSpace(x.Name) || x.Target is not null).ToList();
        if (indicators.GroupBy(x => x.Name?.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } dup)
            throw new DomainException("duplicate-indicator", $"Chỉ tiêu \"{dup.Key}\" bị nhập hai lần.", "indicators");
        a.SetIndicators(indicators.Select(x => (x.Name ?? "", x.Unit, x.Target)));
        await SetNeedToKnowAsync(db, users, a, i.NeedToKnow, ct);
        if (Assign && a.State == AssignmentState.Draft) a.Assign(today);
        await SaveAsync(db, ct);
        return a;
    }
}

/// <summary>Assigns a complete draft (the five-clear check says what is missing otherwise).</summary>
public sealed record AssignDraft(Guid Id, int? Version, bool RequireVersion = false)
{
    public async Task<Assignment> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await RequireAsync(db, Permission.AssignTasks, a.AssignerId, "Chỉ văn phòng của đơn vị giao nhiệm vụ được giao nhiệm vụ.", ct);
        CheckVersion(a, Version, RequireVersion);
        a.Assign(db.Today);
        await SaveAsync(db, ct);
        return a;
    }
}

/// <summary>One unit a task is cascaded to, with its own leader and deadline when they differ from the defaults.</summary>
public sealed record CascadeTarget(Guid? UnitId, string? UnitCode, Guid? LeaderId, DateOnly? Deadline);

/// <summary>
/// The lead unit breaks its task down into tasks for its own subordinate units (the city's task becomes each ward's
/// task). Each child is assigned when its five clears hold and left a draft, saying why, when they do not. A child's
/// deadline may be later than the parent's only with the agreement of the parent's assigner.
/// </summary>
public sealed record CascadeAssignment(Guid ParentId, IReadOnlyList<CascadeTarget> Targets, string? Title, string? Content)
{
    public sealed record Child(Assignment Assignment, IReadOnlyList<FiveClear.Gap> Gaps);

    public async Task<IReadOnlyList<Child>> HandleAsync(ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var today = db.Today;
        var parent = await LoadAsync(db, ParentId, ct);
        if (parent.LeadId is not { } lead || !parent.IsOpen)
            throw new DomainException("parent-not-open", "Chỉ giao tiếp nhiệm vụ đang thực hiện.");
        await RequireAsync(db, Permission.AssignTasks, lead, "Chỉ văn phòng của đơn vị chủ trì được giao tiếp nhiệm vụ cho đơn vị cấp dưới.", ct);
        if (Targets.Count == 0) throw new DomainException("required", "Cần chọn ít nhất một đơn vị cấp dưới.", "targets");
        // The parent's assigner agrees to later deadlines by cascading itself (it holds the right over the parent's assigner).
        var assignerAgrees = await db.Scope.CanAsync(db, Permission.AssignTasks, parent.AssignerId, ct);
        var calendar = Calendar(config);
        var children = new List<Child>();
        var seen = new HashSet<Guid>();
        foreach (var t in Targets)
        {
            var unit = await UnitAsync(db, t.UnitId, t.UnitCode, "targets", "đơn vị cấp dưới", ct)
                ?? throw new DomainException("required", "Cần chọn đơn vị cấp dưới.", "targets");
            if (unit.Id == lead || !await IsWithinAsync(db, unit.Id, lead, ct))
                throw new DomainException("not-subordinate", $"{unit.ShortName} không phải đơn vị cấp dưới của đơn vị chủ trì.", "targets");
            if (!seen.Add(unit.Id)) throw new DomainException("duplicate", $"{unit.ShortName} được chọn hai lần.", "targets");
            var leader = t.LeaderId ?? await DefaultLeaderAsync(db, unit.Id, today, ct);
            await CheckLeaderAsync(db, leader, unit.Id, today, ct);
            var child = new Assignment(lead, "", db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId);
            db.Assignments.Add(child);
            child.Describe(parent.Secrecy == Secrecy.TopSecret ? "" : Title ?? parent.Title, Content ?? parent.Content, parent.SourceDocumentId,
                parent.SourceClause, parent.SourceNote, parent.Output, parent.Secrecy);
            child.SetPeople(unit.Id, leader, lead, []);
            var deadline = t.Deadline ?? parent.DeadlineInForce;
            child.SetSchedule(deadline, parent.Recurrence, calendar, today);
            child.SetMilestones(parent.Milestones.Where(m => deadline is null || m.DueOn <= deadline).Select(m => (m.Title, m.DueOn)));
            child.SetIndicators(parent.Indicators.Select(x => (x.Name, x.Unit, x.Target)));
            child.CascadeFrom(parent, assignerAgrees);
            if (parent.IsSecret)
                db.AssignmentNeedToKnow.AddRange((await db.AssignmentNeedToKnow.Where(n => n.AssignmentId == parent.Id).Select(n => n.UserId).ToListAsync(ct))
                    .Select(u => new AssignmentNeedToKnow(child.Id, u)));
            var gaps = child.Gaps(today);
            if (gaps.Count == 0) child.Assign(today);
            children.Add(new Child(child, gaps));
        }
        await SaveAsync(db, ct);
        return children;
    }
}

/// <summary>The parent's assigner agrees that a cascaded task may end later than its parent.</summary>
public sealed record ApproveLateDeadline(Guid Id)
{
    public async Task<Assignment> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        var parent = a.ParentId is { } pid ? await db.Assignments.IgnoreQueryFilters().FirstAsync(p => p.Id == pid, ct) : null;
        if (parent is null || a.LateDeadlineApproved) throw new DomainException("nothing-to-approve", "Nhiệm vụ này không cần phê duyệt thời hạn.");
        await RequireAsync(db, Permission.ReviewTasks, parent.AssignerId, "Chỉ đơn vị giao nhiệm vụ cấp trên được đồng ý thời hạn muộn hơn.", ct);
        a.ApproveLateDeadline();
        await SaveAsync(db, ct);
        return a;
    }
}

/// <summary>The lead unit reports progress: a narrative, percent complete, indicator actuals; it may propose completion.</summary>
public sealed record ReportProgress(Guid Id, int? Version, string? Narrative, int Percent, bool ProposesCompletion,
    IReadOnlyList<(Guid IndicatorId, decimal Value)>? Actuals, bool RequireVersion = false)
{
    public async Task<ProgressReport> HandleAsync(ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await RequireAsync(db, Permission.ReportProgress, a.LeadId ?? a.AssignerId, "Chỉ đơn vị chủ trì được báo cáo tiến độ nhiệm vụ.", ct);
        CheckVersion(a, Version, RequireVersion);
        var report = a.Report(Narrative, Percent, ProposesCompletion, Actuals ?? [], db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId,
            Actor(db), db.Today, Calendar(config));
        await SaveAsync(db, ct);
        return report;
    }
}

/// <summary>The assigning unit accepts a progress report (a proposed completion then completes the task) or returns it with a comment.</summary>
public sealed record ReviewReport(Guid Id, Guid ReportId, bool Accept, string? Comment, int? Version, bool RequireVersion = false)
{
    public async Task<Assignment> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await RequireAsync(db, Permission.ReviewTasks, a.AssignerId, "Chỉ đơn vị giao nhiệm vụ được xem xét báo cáo tiến độ.", ct);
        CheckVersion(a, Version, RequireVersion);
        var at = db.Clock.GetUtcNow().UtcDateTime;
        if (Accept) a.Accept(ReportId, Comment, at, Actor(db));
        else a.Return(ReportId, Comment, at, Actor(db));
        await SaveAsync(db, ct);
        return a;
    }
}

public sealed record RequestExtension(Guid Id, DateOnly NewDeadline, string? Reason, int? Version, bool RequireVersion = false)
{
    public async Task<Extension> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await RequireAsync(db, Permission.ReportProgress, a.LeadId ?? a.AssignerId, "Chỉ đơn vị chủ trì được đề nghị gia hạn.", ct);
        CheckVersion(a, Version, RequireVersion);
        var e = a.RequestExtension(NewDeadline, Reason ?? "", db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId, Actor(db));
        await SaveAsync(db, ct);
        return e;
    }
}

public sealed record DecideExtension(Guid Id, Guid ExtensionId, bool Approve, string? Note, int? Version, bool RequireVersion = false)
{
    public async Task<Assignment> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await RequireAsync(db, Permission.ReviewTasks, a.AssignerId, "Chỉ đơn vị giao nhiệm vụ được phê duyệt gia hạn.", ct);
        CheckVersion(a, Version, RequireVersion);
        a.DecideExtension(ExtensionId, Approve, Note, db.Clock.GetUtcNow().UtcDateTime, Actor(db));
        await SaveAsync(db, ct);
        return a;
    }
}

public enum StateChange { Pause = 1, Resume = 2, Withdraw = 3 }

/// <summary>Pause, resume or withdraw: only by the assigning unit, and pause and withdraw only with a reason.</summary>
public sealed record ChangeAssignmentState(Guid Id, StateChange Change, string? Reason, int? Version, bool RequireVersion = false)
{
    public async Task<Assignment> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await RequireAsync(db, Permission.ReviewTasks, a.AssignerId, "Chỉ đơn vị giao nhiệm vụ được tạm dừng, tiếp tục hoặc thu hồi nhiệm vụ.", ct);
        CheckVersion(a, Version, RequireVersion);
        switch (Change)
        {
            case StateChange.Pause: a.Pause(Reason ?? ""); break;
            case StateChange.Resume: a.Resume(Reason); break;
            case StateChange.Withdraw: a.Withdraw(Reason ?? ""); break;
        }
        await SaveAsync(db, ct);
        return a;
    }
}

/// <summary>Evidence for a progress report, in the shared attachment store. Secret tasks take no files.</summary>
public sealed record AddEvidence(Guid Id, Guid ReportId, string FileName, Func<Stream> Open)
{
    public async Task<StoredFile> HandleAsync(ResoluteDbContext db, Infrastructure.Files.FileStore store, CancellationToken ct)
    {
        var a = await LoadAsync(db, Id, ct);
        await RequireAsync(db, Permission.ReportProgress, a.LeadId ?? a.AssignerId, "Chỉ đơn vị chủ trì được đính kèm minh chứng.", ct);
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
