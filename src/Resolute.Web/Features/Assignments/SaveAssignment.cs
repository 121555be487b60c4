using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Features.Assignments.AssignmentRules;

namespace Resolute.Web.Features.Assignments;

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
            await Commands.RequireAsync(db, Permission.AssignTasks, a.AssignerId, "Chỉ văn phòng của đơn vị giao nhiệm vụ được sửa nhiệm vụ.", ct);
            if (RequireVersion && Version is null)
                throw new DomainException("version-required", "Cần gửi phiên bản (version) đã đọc để tránh ghi đè thay đổi của người khác.", "version");
            CheckVersion(a, Version);
        }
        else
        {
            if (!db.Scope.HasAny(Permission.AssignTasks)) throw new ForbiddenException("Chỉ văn phòng và quản trị hệ thống được giao nhiệm vụ.");
            var assigner = await Units.FindAsync(db, i.AssignerId, i.AssignerCode, "assignerId", "đơn vị giao nhiệm vụ", ct)
                ?? throw new DomainException("required", "Cần chọn đơn vị giao nhiệm vụ.", "assignerId");
            await Commands.RequireAsync(db, Permission.AssignTasks, assigner.Id, "Bạn không có quyền giao nhiệm vụ thay mặt đơn vị này.", ct);
            a = new Assignment(assigner.Id, i.Title ?? "", db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId);
            db.Assignments.Add(a);
        }

        var lead = await Units.FindAsync(db, i.LeadId, i.LeadCode, "leadId", "đơn vị chủ trì", ct);
        // A unit gives tasks to itself and the units below it; Central bodies give them to provinces and cities too.
        var assignerLevel = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == a.AssignerId).Select(o => o.Level).FirstAsync(ct);
        if (lead is not null && assignerLevel != Domain.Organisations.OrganisationLevel.Central && !await Units.IsWithinAsync(db, lead.Id, a.AssignerId, ct))
            throw new DomainException("lead-outside", $"{lead.ShortName} không thuộc đơn vị giao nhiệm vụ; chỉ giao cho đơn vị mình hoặc đơn vị cấp dưới.", "leadId");
        var followUp = await Units.FindAsync(db, i.FollowUpId, i.FollowUpCode, "followUpId", "đơn vị theo dõi", ct);
        var coordinators = new List<Guid>();
        foreach (var cid in i.CoordinatorIds ?? [])
            coordinators.Add((await Units.FindAsync(db, cid, null, "coordinatorIds", "đơn vị phối hợp", ct))!.Id);
        foreach (var code in (i.CoordinatorCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)))
            coordinators.Add((await Units.FindAsync(db, null, code, "coordinatorIds", "đơn vị phối hợp", ct))!.Id);
        await Units.CheckLeaderAsync(db, i.LeadLeaderId, lead?.Id, today, ct);
        await Sources.CheckAsync(db, i.SourceDocumentId, ct);

        a.Describe(i.Title ?? "", i.Content, i.SourceDocumentId, i.SourceClause, i.SourceNote, i.Output, i.Secrecy);
        a.SetPeople(lead?.Id, i.LeadLeaderId, followUp?.Id, coordinators);
        a.SetSchedule(i.Deadline, i.Recurrence, Commands.Calendar(config), today);
        a.SetMilestones((i.Milestones ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Title) || m.DueOn is not null).Select(m =>
            (m.Title ?? "", m.DueOn ?? throw new DomainException("required", $"Mốc \"{m.Title}\" cần có ngày.", "milestones"))));
        var indicators = (i.Indicators ?? []).Where(x => !string.IsNullOrWhiteSpace(x.Name) || x.Target is not null).ToList();
        if (indicators.GroupBy(x => x.Name?.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } dup)
            throw new DomainException("duplicate-indicator", $"Chỉ tiêu \"{dup.Key}\" bị nhập hai lần.", "indicators");
        a.SetIndicators(indicators.Select(x => (x.Name ?? "", x.Unit, x.Target)));
        await SetNeedToKnowAsync(db, users, a, i.NeedToKnow, ct);
        if (Assign && a.State == AssignmentState.Draft) a.Assign(today);
        await db.SaveChangesAsync(ct);
        return a;
    }
}
