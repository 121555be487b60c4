using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Delegations;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Delegations;

public sealed record MemberInput(Guid PersonId, DelegationRole Role);

public sealed record VisitInput(string? UnitCode, Guid? UnitId, DateOnly? ReportDeadline);

public record DelegationFields
{
    public Guid? OrganisationId { get; init; }
    public string? OrganisationCode { get; init; }
    public DelegationKind Kind { get; init; } = DelegationKind.Supervision;
    public string? Title { get; init; }
    public string? Subject { get; init; }
    /// <summary>The resolution or programme under review, by its number and symbol in the register.</summary>
    public string? SubjectSymbol { get; init; }
    public DateOnly? ReviewFrom { get; init; }
    public DateOnly? ReviewTo { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public IReadOnlyList<MemberInput>? Members { get; init; }
    public IReadOnlyList<VisitInput>? Visits { get; init; }
}

/// <summary>
/// Prepares a delegation (its body, kind, subject, periods, members with their roles, the units it visits), or changes
/// one: while a draft, everything; once established, its description and period (ending it early ends its members'
/// access) and more units to visit.
/// </summary>
public sealed record SaveDelegation(Guid? Id, int? Version, DelegationFields Fields, bool RequireVersion = false)
{
    public async Task<Delegation> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var f = Fields;
        if (f.StartsOn is null) throw new DomainException("required", "Cần nhập ngày bắt đầu hoạt động của đoàn.", "startsOn");
        if (f.EndsOn is null) throw new DomainException("required", "Cần nhập ngày kết thúc hoạt động của đoàn.", "endsOn");
        Delegation d;
        if (Id is { } id)
        {
            d = await DelegationRules.LoadAsync(db, id, ct);
            await DelegationRules.RequireKeeperAsync(db, d, ct);
            DelegationRules.CheckVersion(d, Version, RequireVersion);
            d.Describe(f.Kind, f.Title, f.Subject, f.ReviewFrom, f.ReviewTo, f.StartsOn.Value, f.EndsOn.Value);
        }
        else
        {
            if (!db.Scope.HasAny(Permission.AssignTasks)) throw new ForbiddenException("Chỉ văn phòng của cơ quan quyết định thành lập đoàn được chuẩn bị đoàn.");
            var body = await Units.FindAsync(db, f.OrganisationId, f.OrganisationCode, "organisationId", "cơ quan quyết định thành lập đoàn", ct)
                ?? throw new DomainException("required", "Cần chọn cơ quan quyết định thành lập đoàn.", "organisationId");
            await Commands.RequireAsync(db, Permission.AssignTasks, body.Id, "Chỉ văn phòng của cơ quan quyết định thành lập đoàn được chuẩn bị đoàn.", ct);
            d = new Delegation(body.Id, f.Kind, f.Title, f.Subject, f.ReviewFrom, f.ReviewTo, f.StartsOn.Value, f.EndsOn.Value,
                db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId);
            db.Delegations.Add(d);
        }
        d.About(string.IsNullOrWhiteSpace(f.SubjectSymbol) ? null : await Sources.BySymbolAsync(db, f.SubjectSymbol, ct));
        if (f.Members is { } members)
        {
            if (d.State != DelegationState.Draft && !SameMembers(d, members))
                throw new DomainException("established", "Đoàn đã có quyết định thành lập; thay đổi thành viên cần quyết định mới.", "members");
            var ids = members.Select(m => m.PersonId).Distinct().ToList();
            var known = await db.People.IgnoreQueryFilters().Where(p => ids.Contains(p.Id)).CountAsync(ct);
            if (known != ids.Count) throw new DomainException("person", "Có thành viên không có trong danh sách cán bộ.", "members");
            d.SetMembers(members.Select(m => (m.PersonId, m.Role)).ToList());
        }
        if (f.Visits is { } visits)
        {
            var wanted = new List<(Guid Unit, DateOnly? Deadline)>();
            foreach (var v in visits)
            {
                // Only a unit the caller's own scope holds: the members' temporary access must never reach further than
                // the office that set the delegation up could read itself.
                var code = v.UnitCode is null ? null : Organisations.UnitPicker.CodeOf(v.UnitCode);
                var unit = await db.Organisations
                    .FirstOrDefaultAsync(o => (v.UnitId != null && o.Id == v.UnitId) || (code != null && o.Code == code), ct)
                    ?? throw new DomainException("unit", $"Không tìm thấy đơn vị {v.UnitCode ?? v.UnitId?.ToString()} trong phạm vi của bạn.", "visits");
                if (unit.ValidTo is not null) throw new DomainException("unit-ended", $"{unit.ShortName} đã kết thúc hoạt động.", "visits");
                wanted.Add((unit.Id, v.ReportDeadline));
            }
            foreach (var gone in d.Visits.Where(x => wanted.All(w => w.Unit != x.UnitId)).Select(x => x.UnitId).ToList())
            {
                if (d.State != DelegationState.Draft) throw new DomainException("established", "Đoàn đã có quyết định thành lập; không bỏ đơn vị được.", "visits");
                d.RemoveVisit(gone);
            }
            foreach (var (unit, deadline) in wanted.Where(w => d.Visits.All(x => x.UnitId != w.Unit)))
                d.AddVisit(unit, deadline);
        }
        await db.SaveChangesAsync(ct);
        return d;
    }

    private static bool SameMembers(Delegation d, IReadOnlyList<MemberInput> members) =>
        members.Count == d.Members.Count && members.All(m => d.Members.Any(x => x.PersonId == m.PersonId && x.Role == m.Role));
}
