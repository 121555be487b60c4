using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Common;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Common;

/// <summary>Units and their leaders as commands name them: by id or code in the caller's scope, and who may lead for a unit.</summary>
public static class Units
{
    /// <summary>A unit by id or by code (as the unit picker writes it), among the units the caller may see.</summary>
    public static async Task<Organisation?> FindAsync(ResoluteDbContext db, Guid? id, string? code, string field, string label, CancellationToken ct)
    {
        if (id is null && string.IsNullOrWhiteSpace(code)) return null;
        var bare = code is null ? null : Organisations.UnitPicker.CodeOf(code);
        var unit = await db.Organisations.FirstOrDefaultAsync(o => id != null ? o.Id == id : o.Code == bare, ct);
        if (unit is null)
            throw new DomainException("unit-not-found", $"Không tìm thấy {label} {(bare ?? id?.ToString())} trong phạm vi của bạn.", field);
        if (unit.ValidTo is not null)
            throw new DomainException("unit-ended", $"{unit.ShortName} đã giải thể hoặc sáp nhập; hãy giao cho đơn vị kế thừa.", field);
        return unit;
    }
    public static async Task<bool> IsWithinAsync(ResoluteDbContext db, Guid unitId, Guid ancestorId, CancellationToken ct) =>
        await db.OrganisationClosures.AnyAsync(c => c.AncestorId == ancestorId && c.DescendantId == unitId, ct);
    /// <summary>
    /// The rule for who may be named responsible leader of a task led by <paramref name="leadId"/>: a current post in
    /// the lead unit, or a leading post in a body directly under it (a city committee's secretary sits in its
    /// standing committee).
    /// </summary>
    public static Expression<Func<Position, bool>> MayLead(ResoluteDbContext db, Guid leadId, DateOnly today) => p =>
        p.StartsOn <= today && (p.EndsOn == null || p.EndsOn >= today)
        && (p.OrganisationId == leadId || (p.IsLeader && db.Organisations.IgnoreQueryFilters().Any(o => o.Id == p.OrganisationId && o.ParentId == leadId)));
    public static async Task CheckLeaderAsync(ResoluteDbContext db, Guid? personId, Guid? leadId, DateOnly today, CancellationToken ct)
    {
        if (personId is null || leadId is not { } lead) return;
        var holds = await db.Positions.IgnoreQueryFilters().Where(MayLead(db, lead, today)).AnyAsync(p => p.PersonId == personId, ct);
        if (!holds)
            throw new DomainException("leader-not-in-unit", "Lãnh đạo chịu trách nhiệm phải đang giữ chức vụ tại đơn vị chủ trì.", "leadLeaderId");
    }
    /// <summary>
    /// The leader a cascaded task names when none is chosen: the lead unit's head (its first current leader), or for a
    /// committee whose leaders sit in its standing office or standing committee, theirs.
    /// </summary>
    public static async Task<Guid?> DefaultLeaderAsync(ResoluteDbContext db, Guid unitId, DateOnly today, CancellationToken ct) =>
        await db.Positions.IgnoreQueryFilters()
            .Where(p => p.OrganisationId == unitId && p.IsLeader && p.StartsOn <= today && (p.EndsOn == null || p.EndsOn >= today))
            .OrderBy(p => p.IsConcurrent).ThenBy(p => p.StartsOn).ThenBy(p => p.Id).Select(p => (Guid?)p.PersonId).FirstOrDefaultAsync(ct)
        ?? await (from p in db.Positions.IgnoreQueryFilters()
                  join o in db.Organisations.IgnoreQueryFilters() on p.OrganisationId equals o.Id
                  where o.ParentId == unitId && (o.Kind == OrganisationKind.StandingOffice || o.Kind == OrganisationKind.StandingCommittee)
                      && p.IsLeader && p.StartsOn <= today && (p.EndsOn == null || p.EndsOn >= today)
                  orderby o.Kind, p.IsConcurrent, p.StartsOn, p.Id
                  select (Guid?)p.PersonId).FirstOrDefaultAsync(ct);
    /// <summary>The official of that name (folded: with or without diacritics) who may lead for <paramref name="lead"/>.</summary>
    public static async Task<Guid> LeaderByNameAsync(ResoluteDbContext db, string name, Organisation lead, DateOnly today, CancellationToken ct)
    {
        var folded = Domain.Text.VietnameseText.Fold(name);
        return await (from pos in db.Positions.IgnoreQueryFilters().Where(MayLead(db, lead.Id, today))
                      join p in db.People on pos.PersonId equals p.Id
                      where p.SearchText == folded
                      select (Guid?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("leader-not-found", $"Không tìm thấy {name.Trim()} đang giữ chức vụ tại {lead.ShortName}.", "leadLeaderId");
    }
    /// <summary>Leaders the form suggests for the unit: those who may lead for it and hold a leading post.</summary>
    public static async Task<List<(Guid Id, string Name, string Title)>> LeadersOfAsync(ResoluteDbContext db, Guid unitId, DateOnly today, CancellationToken ct) =>
        (await (from pos in db.Positions.IgnoreQueryFilters().Where(MayLead(db, unitId, today))
                join p in db.People on pos.PersonId equals p.Id
                where pos.IsLeader
                select new { p.Id, p.FullName, pos.Title }).ToListAsync(ct))
        .DistinctBy(x => x.Id).Select(x => (x.Id, x.FullName, x.Title)).ToList();
}
