using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Delegations;
using Resolute.Domain.Documents;
using Resolute.Domain.Meetings;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;
using Resolute.Domain.Programmes;
using Resolute.Domain.Reviews;

namespace Resolute.Web.Data;

/// <summary>What the caller may see: the scope statements and every query filter, in one place (ADR-004).</summary>
public abstract partial class ResoluteDbContext
{
    /// <summary>
    /// The one statement of which documents lie in the caller's scope by their issuer: issued in the caller's subtrees,
    /// by a unit above them (sent down to them), or by a Central body. The documents query filter adds need-to-know to
    /// it; the "hidden secret items" count uses it alone.
    /// </summary>
    public Expression<Func<Document, bool>> IssuerInScope => d => ScopeUnrestricted
        || d.IssuerLevel == OrganisationLevel.Central
        || OrganisationClosures.Any(c => c.DescendantId == d.IssuerId && ScopeRoots.Contains(c.AncestorId))
        || OrganisationClosures.Any(c => c.AncestorId == d.IssuerId && ScopeRoots.Contains(c.DescendantId));

    /// <summary>
    /// The one statement of which tasks lie in the caller's scope: given by, led by, coordinated by or followed up by a
    /// unit in the caller's subtrees (so a ward sees the tasks the city gives it), or naming the caller as the
    /// responsible leader. The tasks query filter adds need-to-know for secret tasks; the hidden-secret count uses it alone.
    /// </summary>
    public Expression<Func<Assignment, bool>> AssignmentInScope => a => ScopeUnrestricted
        || OrganisationClosures.Any(c => c.DescendantId == a.LeadId && ScopeRoots.Contains(c.AncestorId))
        || OrganisationClosures.Any(c => c.DescendantId == a.AssignerId && ScopeRoots.Contains(c.AncestorId))
        || OrganisationClosures.Any(c => c.DescendantId == a.FollowUpId && ScopeRoots.Contains(c.AncestorId))
        || (ScopePersonId != null && a.LeadLeaderId == ScopePersonId)
        || Coordinators.Any(k => k.AssignmentId == a.Id
            && OrganisationClosures.Any(c => c.DescendantId == k.OrganisationId && ScopeRoots.Contains(c.AncestorId)));

    public const string AssignmentScopeFilter = "AssignmentScope";
    public const string AssignmentClearedFilter = "AssignmentCleared";

    /// <summary>
    /// The filter names to set aside, as one instance each: EF Core keys its compiled-query cache on the expression, of
    /// which this list is a constant, so the same object each time keeps the key plainly the same.
    /// </summary>
    public static readonly IReadOnlyCollection<string> ScopeFilterOnly = [AssignmentScopeFilter];
    public static readonly IReadOnlyCollection<string> ScopeAndClearedFilters = [AssignmentScopeFilter, AssignmentClearedFilter];

    /// <summary>Whether the unit lies in the subtree of a unit the caller holds a role over (so all below it is theirs to see).</summary>
    public async Task<bool> ScopeCoversAsync(Guid unitId, CancellationToken ct) =>
        Scope.Unrestricted || await OrganisationClosures.AnyAsync(c => c.DescendantId == unitId && ScopeRoots.Contains(c.AncestorId), ct);

    /// <summary>
    /// Whether the caller's scope covers the whole tree: every unit without a parent is one the caller holds a role over
    /// (a root has no ancestors, so nothing else can cover it). Every task names a unit of the tree (its assigner), so
    /// then every task lies in the scope.
    /// </summary>
    public async Task<bool> ScopeCoversEverythingAsync(CancellationToken ct) =>
        Scope.Unrestricted || (ScopeRoots.Length > 0
            && !await Organisations.IgnoreQueryFilters().AnyAsync(o => o.ParentId == null && !ScopeRoots.Contains(o.Id), ct));

    // Read by the query filters below; EF Core evaluates them per query against this instance.
    private bool ScopeUnrestricted => Scope.Unrestricted;
    private Guid[] ScopeRoots => Scope.Roots;
    private Guid? ScopeUserId => Scope.UserId;
    private Guid? ScopePersonId => Scope.PersonId;

    /// <summary>
    /// Every query filter of the model: what each caller may see. Units and positions: the subtrees of the units the
    /// caller holds a role over. Documents: by issuer (<see cref="IssuerInScope"/>) and, when secret, the need-to-know
    /// list (RULES.md §5). Tasks: two named filters, scope and need-to-know, so a query over a subtree the caller's scope
    /// already covers can set the first aside. Notifications: one's own. Reviews: the reviewing unit and the units asked
    /// to report; a unit's report, its own and its reviewer's. Outline templates: shared down the tree. Programmes:
    /// the committee's subtree and the preparing units. Meetings: the committee's subtree and the invitees. Delegations: the deciding body's subtree, the visited units and the members.
    /// </summary>
    private void ApplyScopeFilters(ModelBuilder b)
    {
        b.Entity<Organisation>().HasQueryFilter(o => ScopeUnrestricted
            || OrganisationClosures.Any(c => c.DescendantId == o.Id && ScopeRoots.Contains(c.AncestorId)));
        b.Entity<Position>().HasQueryFilter(p => ScopeUnrestricted
            || OrganisationClosures.Any(c => c.DescendantId == p.OrganisationId && ScopeRoots.Contains(c.AncestorId)));

        Expression<Func<Document, bool>> documentCleared = d =>
            ScopeUnrestricted || d.Secrecy == Secrecy.None || NeedToKnow.Any(n => n.DocumentId == d.Id && n.UserId == ScopeUserId);
        b.Entity<Document>().HasQueryFilter(documentCleared.AndAlso(IssuerInScope));

        Expression<Func<Assignment, bool>> assignmentCleared = a =>
            ScopeUnrestricted || a.Secrecy == Secrecy.None || AssignmentNeedToKnow.Any(n => n.AssignmentId == a.Id && n.UserId == ScopeUserId);
        b.Entity<Assignment>().HasQueryFilter(AssignmentScopeFilter, AssignmentInScope);
        b.Entity<Assignment>().HasQueryFilter(AssignmentClearedFilter, assignmentCleared);

        b.Entity<Notification>().HasQueryFilter(n => ScopeUnrestricted || n.UserId == ScopeUserId);

        b.Entity<ReviewCampaign>().HasQueryFilter(c => ScopeUnrestricted
            || OrganisationClosures.Any(x => x.DescendantId == c.OwnerId && ScopeRoots.Contains(x.AncestorId))
            || UnitReports.Any(r => r.CampaignId == c.Id && OrganisationClosures.Any(x => x.DescendantId == r.UnitId && ScopeRoots.Contains(x.AncestorId))));
        b.Entity<UnitReport>().HasQueryFilter(r => ScopeUnrestricted
            || OrganisationClosures.Any(x => x.DescendantId == r.UnitId && ScopeRoots.Contains(x.AncestorId))
            || OrganisationClosures.Any(x => x.DescendantId == r.OwnerId && ScopeRoots.Contains(x.AncestorId)));
        b.Entity<OutlineTemplate>().HasQueryFilter(t => ScopeUnrestricted
            || OrganisationClosures.Any(x => x.DescendantId == t.OwnerId && ScopeRoots.Contains(x.AncestorId))
            || OrganisationClosures.Any(x => x.AncestorId == t.OwnerId && ScopeRoots.Contains(x.DescendantId)));

        // Programmes: the committee's own (its subtree), and the items a unit in the caller's subtree prepares or
        // coordinates, with the programme they stand in. A secret item holds no content (RULES.md §5), so seeing it
        // reveals only that it exists.
        b.Entity<WorkProgramme>().HasQueryFilter(p => ScopeUnrestricted
            || OrganisationClosures.Any(x => x.DescendantId == p.OrganisationId && ScopeRoots.Contains(x.AncestorId))
            || ProgrammeItems.Any(i => i.ProgrammeId == p.Id
                && OrganisationClosures.Any(x => x.DescendantId == i.PreparingUnitId && ScopeRoots.Contains(x.AncestorId))));
        b.Entity<ProgrammeItem>().HasQueryFilter(i => ScopeUnrestricted
            || OrganisationClosures.Any(x => x.DescendantId == i.PreparingUnitId && ScopeRoots.Contains(x.AncestorId))
            || WorkProgrammes.IgnoreQueryFilters().Any(p => p.Id == i.ProgrammeId
                && OrganisationClosures.Any(x => x.DescendantId == p.OrganisationId && ScopeRoots.Contains(x.AncestorId))));

        // Meetings: the committee's subtree, and the people invited to them (members of the forum and guests).
        b.Entity<Meeting>().HasQueryFilter(m => ScopeUnrestricted
            || OrganisationClosures.Any(x => x.DescendantId == m.OrganisationId && ScopeRoots.Contains(x.AncestorId))
            || (ScopePersonId != null && MeetingAttendance.Any(a => a.MeetingId == m.Id && a.PersonId == ScopePersonId)));

        // Delegations: the deciding body's subtree, the units visited (a unit sees the delegation working with it), and
        // the delegation's members.
        b.Entity<Delegation>().HasQueryFilter(d => ScopeUnrestricted
            || OrganisationClosures.Any(x => x.DescendantId == d.OrganisationId && ScopeRoots.Contains(x.AncestorId))
            || DelegationVisits.Any(v => v.DelegationId == d.Id && OrganisationClosures.Any(x => x.DescendantId == v.UnitId && ScopeRoots.Contains(x.AncestorId)))
            || (ScopePersonId != null && DelegationMembers.Any(m => m.DelegationId == d.Id && m.PersonId == ScopePersonId)));
    }
}

internal static class ExpressionComposition
{
    /// <summary>Both conditions, over one parameter, as a single expression EF Core can translate.</summary>
    public static Expression<Func<T, bool>> AndAlso<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var body = new Rebind(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, body), left.Parameters);
    }

    /// <summary>Either condition, over one parameter, as a single expression EF Core can translate.</summary>
    public static Expression<Func<T, bool>> OrElse<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var body = new Rebind(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, body), left.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
