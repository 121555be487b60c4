using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Organisations;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Programmes;

/// <summary>The lists: programmes in the caller's scope, the month's schedule, and which committees adopted this year's programme.</summary>
public static class ProgrammeQueries
{
    public static async Task<List<ProgrammesApi.Summary>> ListAsync(ResoluteDbContext db, Guid? org, int? year, ProgrammeKind? kind, CancellationToken ct)
    {
        var q = db.WorkProgrammes.AsNoTracking();
        if (org is { } o) q = q.Where(p => p.OrganisationId == o);
        if (year is { } y) q = q.Where(p => p.FromYear <= y && p.ToYear >= y);
        if (kind is { } k) q = q.Where(p => p.Kind == k);
        var list = await q.OrderByDescending(p => p.FromYear).ThenBy(p => p.OrganisationId).ThenBy(p => p.Body)
            .Select(p => new { p, Items = p.Items.Count }).Take(500).ToListAsync(ct);
        var orgIds = list.Select(x => x.p.OrganisationId).Distinct().ToArray();
        var names = await db.Organisations.IgnoreQueryFilters().Where(x => orgIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.ShortName, ct);
        return list.Select(x => new ProgrammesApi.Summary(x.p.Id, x.p.Title, x.p.OrganisationId, names[x.p.OrganisationId], x.p.Body, x.p.Kind,
            x.p.FromYear, x.p.ToYear, x.p.State, x.p.ApprovedOn, x.p.DocumentId, x.Items, x.p.Version)).ToList();
    }

    /// <summary>One item of the month's schedule: what is to be brought to which forum of which committee, by whom.</summary>
    public sealed record ScheduleRow(Guid ProgrammeId, Guid ItemId, int Number, string Committee, ProgrammeForum? Forum, string Content, string? PreparingUnit,
        string? Member, ProgrammeItemStatus Status, bool Postponed, DateOnly? SubmittedOn);

    /// <summary>The items of approved programmes due in the month (by the month in force), for the office's schedule.</summary>
    public static async Task<List<ScheduleRow>> MonthAsync(ResoluteDbContext db, DateOnly month, Guid? org, CancellationToken ct)
    {
        var m = ProgrammeItem.MonthOf(month);
        var today = db.Today;
        var q = from i in db.ProgrammeItems.AsNoTracking()
                join p in db.WorkProgrammes on i.ProgrammeId equals p.Id
                where p.State == ProgrammeState.Approved && i.DueMonthInForce == m
                select new { i, p.OrganisationId };
        if (org is { } o) q = q.Where(x => x.OrganisationId == o);
        var rows = await q.Take(2000).ToListAsync(ct);
        var orgIds = rows.Select(r => r.OrganisationId).Concat(rows.Where(r => r.i.PreparingUnitId != null).Select(r => r.i.PreparingUnitId!.Value)).Distinct().ToArray();
        var names = await db.Organisations.IgnoreQueryFilters().Where(x => orgIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.ShortName, ct);
        var people = rows.Where(r => r.i.MemberInChargeId != null).Select(r => r.i.MemberInChargeId!.Value).Distinct().ToArray();
        var members = await db.People.IgnoreQueryFilters().Where(x => people.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.FullName, ct);
        return rows.Select(r => new ScheduleRow(r.i.ProgrammeId, r.i.Id, r.i.Number, names[r.OrganisationId], r.i.Forum,
                r.i.IsSecret ? ProgrammeView.SecretContent : r.i.Content ?? "",
                r.i.PreparingUnitId is { } u ? names.GetValueOrDefault(u) : null, r.i.MemberInChargeId is { } x ? members.GetValueOrDefault(x) : null,
                r.i.StatusOn(today), r.i.WasPostponed, r.i.SubmittedOn))
            .OrderBy(r => r.Committee, Domain.Text.VietnameseText.Comparer).ThenBy(r => r.Forum).ThenBy(r => r.Number).ToList();
    }

    /// <summary>Whether a committee below adopted (approved) an annual programme for the year, and when.</summary>
    public sealed record AdoptionRow(Guid UnitId, string Code, string Name, Guid? ProgrammeId, ProgrammeState? State, DateOnly? ApprovedOn, int Programmes);

    /// <summary>
    /// The adoption table: every current Party committee of the level directly below <paramref name="parentId"/> (the city's
    /// 126 commune and ward committees) with its annual programmes of the year, approved first.
    /// </summary>
    public static async Task<List<AdoptionRow>> AdoptionAsync(ResoluteDbContext db, Guid parentId, int year, CancellationToken ct)
    {
        var level = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == parentId).Select(o => o.Level).FirstAsync(ct);
        // The committees of the level below (the city's commune and ward committees), not the city-level Party committees it also leads.
        var units = await db.Organisations.AsNoTracking()
            .Where(o => o.ParentId == parentId && o.Kind == OrganisationKind.PartyCommittee && o.ValidTo == null && o.Level != level)
            .Select(o => new { o.Id, o.Code, o.ShortName }).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToArray();
        var programmes = await db.WorkProgrammes.AsNoTracking()
            .Where(p => ids.Contains(p.OrganisationId) && p.Kind == ProgrammeKind.Annual && p.FromYear == year)
            .Select(p => new { p.Id, p.OrganisationId, p.State, p.ApprovedOn }).ToListAsync(ct);
        return units.Select(u =>
        {
            var own = programmes.Where(p => p.OrganisationId == u.Id).OrderByDescending(p => p.State == ProgrammeState.Approved).ThenBy(p => p.ApprovedOn).ToList();
            var first = own.FirstOrDefault();
            return new AdoptionRow(u.Id, u.Code, u.ShortName, first?.Id, first?.State, first?.ApprovedOn, own.Count);
        }).OrderBy(r => r.ApprovedOn is null).ThenBy(r => r.Name, Domain.Text.VietnameseText.Comparer).ToList();
    }
}
