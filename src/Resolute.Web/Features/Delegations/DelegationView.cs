using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Delegations;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Delegations;

/// <summary>A delegation with the names, symbols and task statuses its page, API and documents show.</summary>
public sealed class DelegationView
{
    public required Delegation Delegation { get; init; }
    public required string BodyName { get; init; }
    public required Domain.Organisations.Organisation Body { get; init; }
    public Domain.Organisations.Organisation? BodyParent { get; init; }
    public string? DecisionSymbol { get; init; }
    public string? SubjectSymbol { get; init; }
    public required IReadOnlyList<Member> Members { get; init; }
    public required IReadOnlyList<VisitRow> Visits { get; init; }
    public required IReadOnlyList<SessionRow> Sessions { get; init; }
    public required IReadOnlyList<ConclusionRow> Conclusions { get; init; }
    /// <summary>Whether the members read the visited units' records today.</summary>
    public bool AccessActive { get; init; }
    public DateOnly Today { get; init; }
    public bool CanKeep { get; init; }

    public sealed record Member(Guid PersonId, string Name, DelegationRole Role);
    public sealed record TaskRow(Guid Id, string Title, AssignmentStatus? Status);
    public sealed record VisitRow(Visit Visit, string UnitName, string UnitCode, TaskRow? Report);
    public sealed record SessionRow(WorkingSession Session, string UnitName, string? PaperSymbol);
    public sealed record RecommendationRow(Recommendation Recommendation, TaskRow? Task);
    public sealed record ConclusionRow(DelegationConclusion Conclusion, string UnitName, string? DocumentSymbol, IReadOnlyList<RecommendationRow> Recommendations);

    public static async Task<DelegationView> LoadAsync(ResoluteDbContext db, Guid id, CancellationToken ct)
    {
        var d = await DelegationRules.LoadAsync(db, id, ct);
        var today = db.Today;
        var unitIds = d.Visits.Select(v => v.UnitId).Append(d.OrganisationId).Distinct().ToList();
        var units = await db.Organisations.IgnoreQueryFilters().Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => new { o.ShortName, o.Code }, ct);
        var people = d.Members.Select(m => m.PersonId).ToList();
        var names = await db.People.IgnoreQueryFilters().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var docIds = new List<Guid?> { d.DecisionDocumentId, d.SubjectDocumentId }.Concat(d.Sessions.Select(s => s.PaperDocumentId))
            .Concat(d.Conclusions.Select(c => c.DocumentId)).Where(x => x is not null).Select(x => x!.Value).Distinct().ToList();
        // Symbols of what the caller may see (a secret paper stays a bare entry for those not cleared).
        var symbols = await db.Documents.Where(x => docIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Symbol, ct);
        var taskIds = d.Visits.Select(v => v.ReportAssignmentId).Concat(d.Conclusions.SelectMany(c => c.Recommendations).Select(r => r.AssignmentId))
            .Where(x => x is not null).Select(x => x!.Value).ToList();
        var tasks = await db.Assignments.AsNoTracking().Where(a => taskIds.Contains(a.Id)).ToListAsync(ct);
        TaskRow? Task(Guid? tid) => tid is { } t && tasks.FirstOrDefault(a => a.Id == t) is { } a
            ? new TaskRow(a.Id, a.Title, a.State == AssignmentState.Draft ? null : a.StatusOn(today)) : null;
        string Unit(Guid u) => units.TryGetValue(u, out var x) ? x.ShortName : "—";
        var body = await db.Organisations.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == d.OrganisationId, ct);
        var parent = body.ParentId is { } pid ? await db.Organisations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == pid, ct) : null;
        return new DelegationView
        {
            Delegation = d,
            BodyName = Unit(d.OrganisationId),
            Body = body,
            BodyParent = parent,
            DecisionSymbol = d.DecisionDocumentId is { } dd ? symbols.GetValueOrDefault(dd) : null,
            SubjectSymbol = d.SubjectDocumentId is { } sd ? symbols.GetValueOrDefault(sd) : null,
            Members = d.Members.OrderBy(m => m.Role == DelegationRole.Secretary ? 9 : (int)m.Role).ThenBy(m => names.GetValueOrDefault(m.PersonId), Domain.Text.VietnameseText.Comparer)
                .Select(m => new Member(m.PersonId, names.GetValueOrDefault(m.PersonId) ?? "—", m.Role)).ToList(),
            Visits = d.Visits.OrderBy(v => Unit(v.UnitId), Domain.Text.VietnameseText.Comparer)
                .Select(v => new VisitRow(v, Unit(v.UnitId), units.TryGetValue(v.UnitId, out var x) ? x.Code : "", Task(v.ReportAssignmentId))).ToList(),
            Sessions = d.Sessions.OrderBy(s => s.At).Select(s => new SessionRow(s, Unit(s.UnitId), s.PaperDocumentId is { } p ? symbols.GetValueOrDefault(p) : null)).ToList(),
            Conclusions = d.Conclusions.OrderBy(c => Unit(c.UnitId), Domain.Text.VietnameseText.Comparer)
                .Select(c => new ConclusionRow(c, Unit(c.UnitId), c.DocumentId is { } cd ? symbols.GetValueOrDefault(cd) : null,
                    c.Recommendations.OrderBy(r => r.Number).Select(r => new RecommendationRow(r, Task(r.AssignmentId))).ToList())).ToList(),
            AccessActive = d.GrantsAccessOn(today),
            Today = today,
            CanKeep = await db.Scope.CanAsync(db, Permission.AssignTasks, d.OrganisationId, ct),
        };
    }
}
