using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Delegations;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Delegations;

/// <summary>
/// A body's annual programme of inspection and supervision (RULES.md §12), read from its delegations: those planned
/// (drafts) and carried out, by quarter of their start; the coverage over the current term (which units were inspected
/// or supervised, on which subjects); and a warning for each unit planned twice in the year for the same subject.
/// </summary>
public static class InspectionProgramme
{
    public sealed record Planned(Guid Id, string Title, DelegationKind Kind, string? Subject, DateOnly StartsOn, DateOnly EndsOn, DelegationState State,
        IReadOnlyList<string> Units);
    public sealed record Quarter(int Number, IReadOnlyList<Planned> Delegations);
    public sealed record Covered(Guid UnitId, string Unit, int Delegations, IReadOnlyList<string> Subjects, IReadOnlyList<DelegationKind> Kinds, DateOnly Last);
    public sealed record Warning(Guid UnitId, string Unit, string Subject, IReadOnlyList<Guid> DelegationIds, string Message);
    public sealed record Result(Guid OrganisationId, string Organisation, int Year, string? Term, IReadOnlyList<Quarter> Quarters, IReadOnlyList<Covered> Coverage,
        IReadOnlyList<Warning> Warnings);

    /// <summary>What counts as the same subject: the document under review, else the subject's words, else the delegation's name.</summary>
    private static string SubjectKey(Delegation d) => d.SubjectDocumentId?.ToString()
        ?? Domain.Text.VietnameseText.Fold((d.Subject ?? d.Title).Trim()).ToLowerInvariant();

    public static async Task<Result> BuildAsync(ResoluteDbContext db, Guid org, int year, CancellationToken ct)
    {
        var body = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == org, ct)
            ?? throw new Infrastructure.NotFoundException("Không tìm thấy đơn vị, hoặc bạn không có quyền xem.");
        var today = db.Today;
        // The term of the nearest committee at or above the body, for the coverage.
        var term = await (from c in db.OrganisationClosures
                          join t in db.Terms on c.AncestorId equals t.OrganisationId
                          where c.DescendantId == org && t.StartsOn <= today && (t.EndsOn == null || t.EndsOn >= today)
                          orderby c.Depth
                          select t).FirstOrDefaultAsync(ct);
        var from = new DateOnly(Math.Min(year, term?.StartsOn.Year ?? year), term?.StartsOn.Month ?? 1, term?.StartsOn.Day ?? 1);
        var delegations = await db.Delegations.AsNoTracking().Include(d => d.Visits)
            .Where(d => d.OrganisationId == org && d.EndsOn >= from && d.StartsOn <= new DateOnly(year, 12, 31))
            .OrderBy(d => d.StartsOn).ToListAsync(ct);
        var unitIds = delegations.SelectMany(d => d.Visits.Select(v => v.UnitId)).Distinct().ToList();
        var names = await db.Organisations.IgnoreQueryFilters().Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        string Name(Guid id) => names.GetValueOrDefault(id) ?? "—";
        var vi = Domain.Text.VietnameseText.Comparer;

        var ofYear = delegations.Where(d => d.StartsOn.Year == year).ToList();
        var quarters = Enumerable.Range(1, 4).Select(q => new Quarter(q, ofYear.Where(d => (d.StartsOn.Month - 1) / 3 + 1 == q)
            .Select(d => new Planned(d.Id, d.Title, d.Kind, d.Subject, d.StartsOn, d.EndsOn, d.State, d.Visits.Select(v => Name(v.UnitId)).OrderBy(n => n, vi).ToList())).ToList())).ToList();

        var inTerm = delegations.Where(d => d.State == DelegationState.Established && (term is null || d.StartsOn >= term.StartsOn)).ToList();
        var coverage = inTerm.SelectMany(d => d.Visits.Select(v => (d, v.UnitId))).GroupBy(x => x.UnitId)
            .Select(g => new Covered(g.Key, Name(g.Key), g.Count(), g.Select(x => x.d.Subject ?? x.d.Title).Distinct().ToList(), g.Select(x => x.d.Kind).Distinct().ToList(),
                g.Max(x => x.d.StartsOn)))
            .OrderBy(c => c.Unit, vi).ToList();

        var warnings = ofYear.SelectMany(d => d.Visits.Select(v => (d, v.UnitId))).GroupBy(x => (x.UnitId, Key: SubjectKey(x.d)))
            .Where(g => g.Count() > 1)
            .Select(g => new Warning(g.Key.UnitId, Name(g.Key.UnitId), g.First().d.Subject ?? g.First().d.Title, g.Select(x => x.d.Id).ToList(),
                $"{Name(g.Key.UnitId)} có {g.Count()} đoàn về cùng nội dung trong năm {year}: {string.Join("; ", g.Select(x => $"{x.d.Title} ({x.d.StartsOn:dd/MM/yyyy})"))}."))
            .OrderBy(w => w.Unit, vi).ToList();
        return new Result(body.Id, body.ShortName, year, term?.Name, quarters, coverage, warnings);
    }
}
