using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Assignments;

/// <summary>One task as the details page and <c>GET /api/assignments/{id}</c> show it: its five clears, progress history,
/// extensions, the roll-up of its cascaded children, and what the caller may do with it.</summary>
public static class AssignmentDetails
{
    public sealed record UnitRef(Guid Id, string Code, string Name);
    public sealed record PersonRef(Guid Id, string Name);
    public sealed record IndicatorDto(Guid Id, string Name, string? Unit, decimal? Target, decimal? Actual);
    public sealed record MilestoneDto(Guid Id, string Title, DateOnly DueOn);
    public sealed record ExtensionDto(Guid Id, DateOnly PreviousDeadline, DateOnly NewDeadline, string Reason, DateTime RequestedAt,
        string? RequestedBy, string Decision, DateTime? DecidedAt, string? DecidedBy, string? Note);
    public sealed record EvidenceDto(Guid Id, string FileName, string ContentType, long Size, string Url);
    public sealed record ActualDto(Guid IndicatorId, decimal Value);
    public sealed record ReportDto(Guid Id, DateTime ReportedAt, DateOnly ReportedOn, string? ReportedBy, string? Narrative, int Percent,
        bool ProposesCompletion, DateOnly? CycleDue, string Review, DateTime? ReviewedAt, string? ReviewedBy, string? Comment,
        IReadOnlyList<ActualDto> Actuals, IReadOnlyList<EvidenceDto> Evidence);
    public sealed record GapDto(string Clear, string Field, string Message);
    public sealed record RollupDto(string Name, string? Unit, decimal? Target, decimal? Actual, int Tasks);
    public sealed record Abilities(bool Edit, bool Assign, bool Report, bool Review, bool Cascade, bool ApproveDeadline);

    public sealed record Detail(Guid Id, int Version, string Title, string? Content, string Status, string StatusName, string StatusAgainstOriginal,
        string State, string? StateReason, Secrecy Secrecy, UnitRef Assigner, UnitRef? Lead, PersonRef? LeadLeader, UnitRef? FollowUp,
        IReadOnlyList<UnitRef> Coordinators, Guid? SourceDocumentId, string? SourceSymbol, string? SourceClause, string? SourceNote,
        DateOnly? Deadline, DateOnly? DeadlineInForce, Recurrence Recurrence, DateOnly? NextReportDue, DateOnly? DueOn,
        IReadOnlyList<MilestoneDto> Milestones, string? Output, IReadOnlyList<IndicatorDto> Indicators, int Percent, DateOnly? AssignedOn,
        DateOnly? CompletedOn, Guid? ParentId, string? ParentTitle, bool LateDeadlineApproved, IReadOnlyList<GapDto> FiveClearGaps,
        IReadOnlyList<ReportDto> Progress, IReadOnlyList<ExtensionDto> Extensions, Dashboard.Counts Children,
        IReadOnlyList<RollupDto> IndicatorRollup, Abilities Can, DateTime CreatedAt)
    {
        [System.Text.Json.Serialization.JsonIgnore] public AssignmentStatus StatusValue => AssignmentStatuses.TryParse(Status, out var s) ? s : default;
    }

    /// <summary>
    /// A fixed handful of round trips whatever the task: the task with its small collections (one query, through the
    /// scope filter), its progress history, the names it shows, the ancestors of the units the caller's abilities are
    /// judged on, the units' names and its children's statuses; the parent's assigner, the children's indicators and the
    /// evidence only when there are any. Every API call for a task pays for this, so it is kept flat.
    /// </summary>
    public static async Task<Detail?> LoadAsync(ResoluteDbContext db, Guid id, CancellationToken ct)
    {
        var a = await db.Assignments.AsNoTracking()
            .Include(x => x.Coordinators).Include(x => x.Milestones).Include(x => x.Indicators).Include(x => x.Extensions)
            .AsSingleQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        // The task passed the scope filter above; its reports are read by its id alone.
        a.Reports.AddRange(await db.Set<ProgressReport>().AsNoTracking().Include(r => r.Actuals)
            .Where(r => r.AssignmentId == id).ToListAsync(ct));
        var today = db.Today;

        // Names shown through the caller's filters (people, documents, the parent task), in one statement.
        var names = await db.Assignments.AsNoTracking().Where(x => x.Id == id).Select(x => new
        {
            Leader = db.People.Where(p => p.Id == x.LeadLeaderId).Select(p => p.FullName).FirstOrDefault(),
            Source = db.Documents.Where(d => d.Id == x.SourceDocumentId).Select(d => d.Symbol).FirstOrDefault(),
            ParentTitle = db.Assignments.Where(p => p.Id == x.ParentId).Select(p => p.Title).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        // Gone from the caller's scope between the two statements: as if never seen (404), not an error.
        if (names is null) return null;
        var leader = a.LeadLeaderId is { } pid && names.Leader is { } leaderName ? new PersonRef(pid, leaderName) : null;
        var source = names.Source;
        var parentTitle = names.ParentTitle;

        // Names of the units a visible task names are shown even when they lie above the caller (the city that gave it),
        // and the ancestors of the units the caller's abilities are judged on (the parent's assigner for approving a late deadline).
        var parentAssigner = a.ParentId is { } parentId && !a.LateDeadlineApproved
            ? await db.Assignments.IgnoreQueryFilters().Where(p => p.Id == parentId).Select(p => (Guid?)p.AssignerId).FirstOrDefaultAsync(ct)
            : null;
        var unitIds = new List<Guid> { a.AssignerId };
        if (a.LeadId is { } l) unitIds.Add(l);
        if (a.FollowUpId is { } f) unitIds.Add(f);
        unitIds.AddRange(a.Coordinators.Select(c => c.OrganisationId));
        var judged = new List<Guid> { a.AssignerId };
        if (a.LeadId is { } l1) judged.Add(l1);
        if (parentAssigner is { } pa) judged.Add(pa);
        var closure = await db.OrganisationClosures.AsNoTracking().Where(c => judged.Contains(c.DescendantId))
            .Select(c => new { c.AncestorId, c.DescendantId }).ToListAsync(ct);
        var units = await db.Organisations.IgnoreQueryFilters().AsNoTracking().Where(o => unitIds.Contains(o.Id))
            .Select(o => new UnitRef(o.Id, o.Code, o.ShortName)).ToDictionaryAsync(o => o.Id, ct);
        var ancestors = closure.ToLookup(c => c.DescendantId, c => c.AncestorId);

        var children = Dashboard.Counts.From((await db.Assignments.AsNoTracking().Where(c => c.ParentId == id)
            .Select(AssignmentQueries.Coding(today)).GroupBy(x => x.Code).Select(g => new { g.Key, N = g.Count() })
            .ToListAsync(ct)).Select(x => (x.Key, x.N)));
        var childIndicators = children.Total == 0 ? [] : await db.Assignments.AsNoTracking().Where(c => c.ParentId == id && c.State != AssignmentState.Withdrawn)
            .SelectMany(c => c.Indicators).ToListAsync(ct);
        var rollup = childIndicators.GroupBy(i => i.Key).Select(g => new RollupDto(g.First().Name, g.First().Unit,
            g.Any(i => i.Target is not null) ? g.Sum(i => i.Target ?? 0) : null, g.Any(i => i.Actual is not null) ? g.Sum(i => i.Actual ?? 0) : null,
            g.Count())).ToList();
        var evidence = a.Reports.Count == 0 ? [] : await db.StoredFiles.AsNoTracking().Where(e => e.AssignmentId == id && e.ProgressReportId != null).OrderBy(e => e.CreatedAt).ToListAsync(ct);

        var status = a.StatusOn(today);
        var hideContent = a.IsSecret;
        return new Detail(a.Id, a.Version, AssignmentQueries.DisplayTitle(a, source), hideContent ? null : a.Content, status.ApiName(),
            status.VietnameseName(), a.StatusAgainstOriginalOn(today).ApiName(), a.State.ToString().ToLowerInvariant(), a.StateReason, a.Secrecy,
            units[a.AssignerId], a.LeadId is { } li ? units[li] : null, leader, a.FollowUpId is { } fi ? units[fi] : null,
            a.Coordinators.Select(c => units[c.OrganisationId]).OrderBy(u => u.Name, Domain.Text.VietnameseText.Comparer).ToList(),
            a.SourceDocumentId, source, a.SourceClause, a.SourceNote, a.Deadline, a.DeadlineInForce, a.Recurrence, a.NextReportDue, a.DueOn,
            a.Milestones.OrderBy(m => m.DueOn).Select(m => new MilestoneDto(m.Id, m.Title, m.DueOn)).ToList(), a.Output,
            a.Indicators.OrderBy(i => i.Name, Domain.Text.VietnameseText.Comparer).Select(i => new IndicatorDto(i.Id, i.Name, i.Unit, i.Target, i.Actual)).ToList(),
            a.Percent, a.AssignedOn, a.CompletedOn, a.ParentId, parentTitle, a.LateDeadlineApproved,
            a.Gaps(today).Select(g => new GapDto(g.Clear.ToString().ToLowerInvariant(), g.Field, g.Message)).ToList(),
            a.Reports.OrderByDescending(r => r.ReportedAt).Select(r => new ReportDto(r.Id, r.ReportedAt, r.ReportedOn, r.ReportedByName, r.Narrative,
                r.Percent, r.ProposesCompletion, r.CycleDue, r.Review.ToString().ToLowerInvariant(), r.ReviewedAt, r.ReviewedByName, r.ReviewComment,
                r.Actuals.Select(x => new ActualDto(x.IndicatorId, x.Value)).ToList(),
                evidence.Where(e => e.ProgressReportId == r.Id).Select(e => new EvidenceDto(e.Id, e.FileName, e.ContentType, e.Size,
                    $"/api/assignments/{id}/evidence/{e.Id}")).ToList())).ToList(),
            a.Extensions.OrderByDescending(e => e.RequestedAt).Select(e => new ExtensionDto(e.Id, e.PreviousDeadline, e.NewDeadline, e.Reason,
                e.RequestedAt, e.RequestedByName, e.Decision.ToString().ToLowerInvariant(), e.DecidedAt, e.DecidedByName, e.DecisionNote)).ToList(),
            children, rollup, AbilitiesOf(db.Scope, a, ancestors, parentAssigner), a.CreatedAt);
    }

    /// <summary>What the caller may do, judged in memory on the ancestors of the units involved (the same rule as <see cref="Infrastructure.Access.AccessScope.CanAsync"/>).</summary>
    private static Abilities AbilitiesOf(Infrastructure.Access.AccessScope scope, Assignment a, ILookup<Guid, Guid> ancestors, Guid? parentAssigner)
    {
        bool Can(Permission permission, Guid unit) => scope.Unrestricted
            || scope.Grants.Any(g => g.Role.Allows(permission) && ancestors[unit].Contains(g.OrganisationId));
        var assign = Can(Permission.AssignTasks, a.AssignerId);
        var review = Can(Permission.ReviewTasks, a.AssignerId);
        var report = a.LeadId is { } lead && Can(Permission.ReportProgress, lead);
        var cascade = a.LeadId is { } l2 && a.IsOpen && Can(Permission.AssignTasks, l2);
        var approve = !a.LateDeadlineApproved && parentAssigner is { } pa && Can(Permission.ReviewTasks, pa);
        var open = a.State != AssignmentState.Withdrawn && a.CompletedOn is null;
        return new Abilities(assign && open, assign && a.State == AssignmentState.Draft, report && a.IsOpen, review, cascade, approve);
    }
}
