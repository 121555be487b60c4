using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Assignments;

/// <summary>What every task command needs: loading through the scope, the permission checks, and saving without lost updates.</summary>
public static class AssignmentRules
{
    /// <summary>Tasks with everything that belongs to them: coordinators, milestones, indicators, extensions, reports.</summary>
    public static IQueryable<Assignment> Whole(this IQueryable<Assignment> tasks) => tasks
        .Include(a => a.Coordinators).Include(a => a.Milestones).Include(a => a.Indicators)
        .Include(a => a.Extensions).Include(a => a.Reports).ThenInclude(r => r.Actuals)
        .AsSplitQuery();

    /// <summary>A task with everything that belongs to it, through the scope filter (404 when outside it).</summary>
    public static async Task<Assignment> LoadAsync(ResoluteDbContext db, Guid id, CancellationToken ct) =>
        await db.Assignments.Whole().FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw new NotFoundException("Không tìm thấy nhiệm vụ, hoặc bạn không có quyền xem.");

    /// <summary>The caller's copy must be the current one: a stale version is a conflict, never an overwrite.</summary>
    public static void CheckVersion(Assignment a, int? version, bool required = false)
    {
        if (required) Versions.Required(version);
        if (version is { } v && v != a.Version) throw new ConflictException();
    }

    public static async Task RequireAsync(ResoluteDbContext db, Permission permission, Guid unitId, string message, CancellationToken ct)
    {
        if (!await db.Scope.CanAsync(db, permission, unitId, ct)) throw new ForbiddenException(message);
    }


    public static async Task<bool> IsWithinAsync(ResoluteDbContext db, Guid unitId, Guid ancestorId, CancellationToken ct) =>
        await db.OrganisationClosures.AnyAsync(c => c.AncestorId == ancestorId && c.DescendantId == unitId, ct);

    /// <summary>A unit by id or by code (as the unit picker writes it), among the units the caller may see.</summary>
    public static async Task<Organisation?> UnitAsync(ResoluteDbContext db, Guid? id, string? code, string field, string label, CancellationToken ct)
    {
        if (id is null && string.IsNullOrWhiteSpace(code)) return null;
        var bare = code is null ? null : Organisations.UnitPicker.CodeOf(code);
        var unit = await db.Organisations.FirstOrDefaultAsync(o => id != null ? o.Id == id : o.Code == bare, ct);
        if (unit is null)
            throw new DomainException("unit-not-found", $"Không tìm thấy {label} {(bare ?? id?.ToString())} trong phạm vi của bạn.", field);
        if (unit.ValidTo is not null)
            throw new DomainException("unit-ended", $"{unit.ShortName} đã giải thể hoặc sáp nhập; hãy giao cho đơn vị kế tục.", field);
        return unit;
    }

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

    public static async Task SetNeedToKnowAsync(ResoluteDbContext db, UserManager<User> users, Assignment a, IEnumerable<string>? names, CancellationToken ct)
    {
        if (!a.IsSecret) return;
        var ids = new HashSet<Guid>();
        // The writer is always on the list, or the entry would vanish from their view once saved.
        if (db.Scope.UserId is { } me) ids.Add(me);
        foreach (var name in names ?? [])
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            var u = await users.FindByNameAsync(name.Trim())
                ?? throw new DomainException("need-to-know", $"Không tìm thấy tài khoản {name.Trim()}.", "needToKnow");
            ids.Add(u.Id);
        }
        var existing = await db.AssignmentNeedToKnow.Where(n => n.AssignmentId == a.Id).Select(n => n.UserId).ToListAsync(ct);
        db.AssignmentNeedToKnow.AddRange(ids.Except(existing).Select(id => new AssignmentNeedToKnow(a.Id, id)));
    }

    public static ReportingCalendar Calendar(IConfiguration config) =>
        config.GetSection("Reporting").Get<ReportingCalendar>() ?? ReportingCalendar.Default;

    public static string? Actor(ResoluteDbContext db) => db.Scope.UserName ?? "system";

    public static async Task CheckSourceAsync(ResoluteDbContext db, Guid? documentId, CancellationToken ct)
    {
        if (documentId is { } id && !await db.Documents.AnyAsync(d => d.Id == id, ct))
            throw new DomainException("source-not-found", "Không tìm thấy văn bản giao nhiệm vụ trong phạm vi của bạn.", "sourceDocumentId");
    }

    /// <summary>A registered document by its number and symbol as written (15-NQ/TƯ, 10-CTr/TU), among those the caller may see.</summary>
    public static async Task<Guid> SourceBySymbolAsync(ResoluteDbContext db, string symbol, CancellationToken ct)
    {
        var normal = ReferenceParser.Parse(symbol)?.Symbol ?? symbol.Trim();
        return await db.Documents.Where(d => d.Symbol == normal).OrderByDescending(d => d.IssuedOn).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("source-not-found", $"Không tìm thấy văn bản {symbol.Trim()} trong sổ (trong phạm vi của bạn).", "sourceDocumentId");
    }

    public static Secrecy ParseSecrecy(Secrecy? s) => s ?? Secrecy.None;
}
