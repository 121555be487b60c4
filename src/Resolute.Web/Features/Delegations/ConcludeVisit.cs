using Resolute.Domain.Common;
using Resolute.Domain.Delegations;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Delegations;

public sealed record FindingInput(FindingKind Kind, string? Text);

public sealed record RecommendationInput(string? Text, DateOnly? Deadline);

/// <summary>
/// The delegation's conclusion on a visited unit, with its findings and recommendations; issuing it registers the
/// conclusion (KL for an inspection or supervision, TB for the results of a working or survey delegation) in one step.
/// </summary>
public sealed record ConcludeVisit(Guid Id, int? Version, string? UnitCode, string? Summary, IReadOnlyList<FindingInput>? Findings,
    IReadOnlyList<RecommendationInput>? Recommendations, bool Issue, DateOnly? On = null, bool RequireVersion = false)
{
    public async Task<DelegationConclusion> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var d = await DelegationRules.LoadAsync(db, Id, ct);
        await DelegationRules.RequireKeeperAsync(db, d, ct);
        DelegationRules.CheckVersion(d, Version, RequireVersion);
        var unit = d.Visits.Count == 1 && string.IsNullOrWhiteSpace(UnitCode) ? d.Visits[0].UnitId : await AddSession.VisitedAsync(db, d, UnitCode, ct);
        var c = d.Conclude(unit, Summary, (Findings ?? []).Select(f => (f.Kind, f.Text ?? "")).ToList(),
            (Recommendations ?? []).Select(r => (r.Text ?? "", r.Deadline)).ToList());
        if (Issue) await IssueAsync(db, d, c, On, ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Registers a conclusion not yet issued.</summary>
    public static async Task IssueAsync(ResoluteDbContext db, Delegation d, DelegationConclusion c, DateOnly? on, CancellationToken ct)
    {
        var day = on ?? db.Today;
        if (day > db.Today) throw new DomainException("future", "Ngày ban hành không được sau hôm nay.", "on");
        var unit = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Organisations), o => o.Id == c.UnitId, ct);
        var what = d.Kind.ConclusionAbbreviation() == "KL" ? $"Kết luận của {d.Title} đối với {unit.ShortName}" : $"Kết quả làm việc của {d.Title} với {unit.ShortName}";
        var text = string.Join("\n", c.Findings.OrderBy(f => f.Order).Select(f => $"{f.Kind.VietnameseName()}: {f.Text}")
            .Concat(c.Recommendations.OrderBy(r => r.Number).Select(r => $"Kiến nghị {r.Number}: {r.Text}")));
        var doc = await DelegationRules.RegisterAsync(db, d.OrganisationId, d.Kind.ConclusionAbbreviation(), day, what, text, ct);
        d.ConclusionIssued(c.Id, doc.Id, day);
    }
}

/// <summary>Issues (registers) a conclusion recorded earlier.</summary>
public sealed record IssueConclusion(Guid Id, Guid ConclusionId, int? Version, DateOnly? On = null, bool RequireVersion = false)
{
    public async Task<Delegation> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var d = await DelegationRules.LoadAsync(db, Id, ct);
        await DelegationRules.RequireKeeperAsync(db, d, ct);
        DelegationRules.CheckVersion(d, Version, RequireVersion);
        var c = d.Conclusions.FirstOrDefault(x => x.Id == ConclusionId) ?? throw new DomainException("conclusion", "Không tìm thấy kết luận.", "conclusionId");
        await ConcludeVisit.IssueAsync(db, d, c, On, ct);
        await db.SaveChangesAsync(ct);
        return d;
    }
}
