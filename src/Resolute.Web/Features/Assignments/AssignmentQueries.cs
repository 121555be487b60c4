using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Assignments;

/// <summary>
/// The status rule of <see cref="AssignmentStatuses.Of"/> said in SQL: as a predicate per status (for filters that use
/// the indexes) and as one CASE (for counting by status). A test holds both to the domain function.
/// </summary>
public static class AssignmentQueries
{
    public static Expression<Func<Assignment, bool>> Is(AssignmentStatus status, DateOnly today) => status switch
    {
        AssignmentStatus.Draft => a => a.State == AssignmentState.Draft,
        AssignmentStatus.Paused => a => a.State == AssignmentState.Paused,
        AssignmentStatus.Withdrawn => a => a.State == AssignmentState.Withdrawn,
        AssignmentStatus.DoneOnTime => a => a.State == AssignmentState.Assigned && a.CompletedOn != null
            && (a.DeadlineInForce == null || a.CompletedOn <= a.DeadlineInForce),
        AssignmentStatus.DoneLate => a => a.State == AssignmentState.Assigned && a.CompletedOn != null
            && a.DeadlineInForce != null && a.CompletedOn > a.DeadlineInForce,
        AssignmentStatus.Overdue => a => a.State == AssignmentState.Assigned && a.CompletedOn == null && a.DueOn != null && a.DueOn < today,
        AssignmentStatus.Recurring => a => a.State == AssignmentState.Assigned && a.CompletedOn == null && a.Recurrence != Recurrence.None
            && (a.DueOn == null || a.DueOn >= today),
        AssignmentStatus.OnTrack => a => a.State == AssignmentState.Assigned && a.CompletedOn == null && a.Recurrence == Recurrence.None
            && (a.DueOn == null || a.DueOn >= today),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The status as its number, for GROUP BY.</summary>
    public static Expression<Func<Assignment, int>> StatusCode(DateOnly today) => a =>
        a.State == AssignmentState.Draft ? (int)AssignmentStatus.Draft
        : a.State == AssignmentState.Withdrawn ? (int)AssignmentStatus.Withdrawn
        : a.State == AssignmentState.Paused ? (int)AssignmentStatus.Paused
        : a.CompletedOn != null ? (a.DeadlineInForce != null && a.CompletedOn > a.DeadlineInForce ? (int)AssignmentStatus.DoneLate : (int)AssignmentStatus.DoneOnTime)
        : a.DueOn != null && a.DueOn < today ? (int)AssignmentStatus.Overdue
        : a.Recurrence != Recurrence.None ? (int)AssignmentStatus.Recurring
        : (int)AssignmentStatus.OnTrack;

    /// <summary>A task reduced to its lead unit and status, for counting.</summary>
    public sealed class Coded
    {
        public Guid? LeadId { get; init; }
        public Guid? SourceDocumentId { get; init; }
        public int Code { get; init; }
    }

    public static Expression<Func<Assignment, Coded>> Coding(DateOnly today)
    {
        var code = StatusCode(today);
        var p = code.Parameters[0];
        return Expression.Lambda<Func<Assignment, Coded>>(Expression.MemberInit(Expression.New(typeof(Coded)),
            Expression.Bind(typeof(Coded).GetProperty(nameof(Coded.LeadId))!, Expression.Property(p, nameof(Assignment.LeadId))),
            Expression.Bind(typeof(Coded).GetProperty(nameof(Coded.SourceDocumentId))!, Expression.Property(p, nameof(Assignment.SourceDocumentId))),
            Expression.Bind(typeof(Coded).GetProperty(nameof(Coded.Code))!, code.Body)), p);
    }

    public enum Sort { Due = 0, DueDesc = 1, Newest = 2, Title = 3 }

    public sealed record Filter
    {
        public Guid? Org { get; init; }
        public bool Subtree { get; init; }
        public Guid? Assigner { get; init; }
        public IReadOnlyList<AssignmentStatus>? Statuses { get; init; }
        public Guid? Source { get; init; }
        /// <summary>Any of these source documents (a resolution and every document in its lineage).</summary>
        public IReadOnlyList<Guid>? Sources { get; init; }
        public DateOnly? DueFrom { get; init; }
        public DateOnly? DueTo { get; init; }
        public Guid? Leader { get; init; }
        public string? Q { get; init; }
        public Guid? Parent { get; init; }
        /// <summary>Completed in this month (yyyy-MM), for the dashboard's trend drill-down.</summary>
        public DateOnly? CompletedMonth { get; init; }
        /// <summary>
        /// Only tasks made from the conclusion points of this forum's meetings (the dashboard's "conclusions of the standing
        /// committee"); <see cref="ResolveAsync"/> turns it into <see cref="Ids"/> before the query is built.
        /// </summary>
        public Domain.Programmes.ProgrammeForum? ConclusionsOf { get; init; }
        /// <summary>Only these tasks (set by <see cref="ResolveAsync"/>).</summary>
        public IReadOnlyList<Guid>? Ids { get; init; }
        public Sort Sort { get; init; }
        public int Page { get; init; } = 1;
        public int PageSize { get; init; } = 25;
    }

    public sealed record Item(Guid Id, string Title, [property: System.Text.Json.Serialization.JsonIgnore] AssignmentStatus StatusValue, string Status, string StatusName, Guid AssignerId, string AssignerName,
        Guid? LeadId, string? LeadName, Guid? LeadLeaderId, string? LeaderName, DateOnly? Deadline, DateOnly? DeadlineInForce, DateOnly? DueOn,
        Recurrence Recurrence, DateOnly? CompletedOn, int Percent, Secrecy Secrecy, Guid? ParentId, string? SourceSymbol, int Version);

    public sealed record Page(int Total, int PageNumber, int PageSize, IReadOnlyList<Item> Items, int HiddenSecret);

    public const int MaxPageSize = 200;

    /// <summary>
    /// The filter as a query. <paramref name="covered"/> says the filter's subtree (or, with no unit filter, the whole
    /// tree) lies inside the caller's scope (<see cref="CoversAsync"/>): then the per-row scope filter is set aside, as it
    /// would only repeat what is already known; need-to-know always applies.
    /// </summary>
    public static IQueryable<Assignment> Apply(ResoluteDbContext db, Filter f, DateOnly today, bool covered = false)
    {
        var q = covered && (f.Org is null || f.Subtree)
            ? db.Assignments.AsNoTracking().IgnoreQueryFilters(ResoluteDbContext.ScopeFilterOnly)
            : db.Assignments.AsNoTracking();
        if (f.Org is { } org)
            q = f.Subtree ? q.Where(InSubtree(db, org)) : q.Where(a => a.LeadId == org);
        if (f.Assigner is { } assigner) q = q.Where(a => a.AssignerId == assigner);
        if (f.Statuses is { Count: > 0 } statuses)
        {
            Expression<Func<Assignment, bool>>? any = null;
            foreach (var s in statuses.Distinct()) any = any is null ? Is(s, today) : any.OrElse(Is(s, today));
            q = q.Where(any!);
        }
        if (f.Source is { } source) q = q.Where(a => a.SourceDocumentId == source);
        if (f.Sources is { } sources) q = q.Where(a => a.SourceDocumentId != null && sources.Contains(a.SourceDocumentId.Value));
        if (f.DueFrom is { } from) q = q.Where(a => a.DueOn >= from);
        if (f.DueTo is { } to) q = q.Where(a => a.DueOn <= to);
        if (f.Leader is { } leader) q = q.Where(a => a.LeadLeaderId == leader);
        if (f.Parent is { } parent) q = q.Where(a => a.ParentId == parent);
        if (f.ConclusionsOf is not null && f.Ids is null) throw new InvalidOperationException("The filter's sources must be resolved (ResolveAsync) before it is applied.");
        if (f.Ids is { } ids) q = q.Where(a => ids.Contains(a.Id));
        if (f.CompletedMonth is { } m)
        {
            var start = new DateOnly(m.Year, m.Month, 1);
            var end = start.AddMonths(1);
            q = q.Where(a => a.CompletedOn >= start && a.CompletedOn < end);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            // A query of punctuation alone has no words to find.
            var tokens = Documents.DocumentSearch.Tokens(f.Q);
            if (tokens.Count == 0) q = q.Where(a => false);
            else
            {
                var hits = TextHits(db, tokens);
                q = q.Where(a => hits.Contains(a.Id));
            }
        }
        return q;
    }

    /// <summary>
    /// Reads what the filter names indirectly: the ids of the tasks made from a forum's conclusion points, which the points
    /// keep (a few hundred at most: a committee's notices over its terms), so the task query takes them as one list.
    /// </summary>
    public static async Task<Filter> ResolveAsync(ResoluteDbContext db, Filter f, CancellationToken ct)
    {
        if (f.ConclusionsOf is not { } forum || f.Ids is not null) return f;
        var lists = await db.MeetingConclusions.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.TaskIds.Count > 0 && db.Meetings.IgnoreQueryFilters().Any(m => m.Id == c.MeetingId && m.Forum == forum))
            .Select(c => c.TaskIds).ToListAsync(ct);
        return f with { Ids = lists.SelectMany(x => x).Distinct().ToList() };
    }

    /// <summary>
    /// Ids of the tasks whose title, content or expected result hold every word of the query (folded, so with or without
    /// diacritics; the last word as a prefix), from the full-text index: SQLite FTS5 on the folded text, a GIN index on
    /// its tsvector in PostgreSQL (ADR-007, as the register). The ids stay a subquery; the caller's filters apply to the tasks.
    /// </summary>
    public static IQueryable<Guid> TextHits(ResoluteDbContext db, IReadOnlyList<string> tokens) =>
        db.Database.IsNpgsql()
            ? db.Database.SqlQueryRaw<Guid>("""
                SELECT "Id" AS "Value" FROM assignments WHERE to_tsvector('simple', "SearchText") @@ to_tsquery('simple', {0})
                """, Documents.DocumentSearch.TsQuery(tokens))
            : db.Database.SqlQueryRaw<Guid>("""
                SELECT "Id" AS "Value" FROM assignments WHERE rowid IN (SELECT rowid FROM assignments_fts WHERE assignments_fts MATCH {0})
                """, Documents.DocumentSearch.Fts5Query(tokens));

    public static async Task<Page> ListAsync(ResoluteDbContext db, Filter f, CancellationToken ct)
    {
        f = await ResolveAsync(db, f, ct);
        var today = db.Today;
        var size = Math.Clamp(f.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, f.Page);
        var q = Apply(db, f, today, await CoversAsync(db, f, ct));
        var total = await q.CountAsync(ct);
        // A search puts the tasks with the words exactly as typed (diacritics and all) first, as the register does:
        // "đường" before "dương", both found without diacritics.
        var exact = string.IsNullOrWhiteSpace(f.Q) ? null : Domain.Text.VietnameseText.Normalize(f.Q.Trim());
        IOrderedQueryable<Assignment> Order(IQueryable<Assignment> x) => exact is not null && f.Sort == Sort.Due
            ? x.OrderByDescending(a => a.Title.Contains(exact)).ThenBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Id)
            : f.Sort switch
            {
                Sort.DueDesc => x.OrderByDescending(a => a.DueOn).ThenByDescending(a => a.Id),
                Sort.Newest => x.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id),
                Sort.Title => x.OrderBy(a => a.Title).ThenBy(a => a.Id),
                // Open tasks all have a due date: their order is the due-date index's own.
                _ when f.Statuses is { Count: > 0 } st && st.All(s => s is AssignmentStatus.OnTrack or AssignmentStatus.Overdue or AssignmentStatus.Recurring)
                    => x.OrderBy(a => a.DueOn).ThenBy(a => a.Id),
                // Otherwise what falls due first; done ones (no due date) after them.
                _ => x.OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Id),
            };
        var rows = await Project(db, PageOf(db, Order(q).Skip((page - 1) * size).Take(size), Order), today).ToListAsync(ct);
        return new Page(total, page, size, await FinishAsync(db, rows, today, ct), await HiddenSecretAsync(db, f, ct));
    }

    /// <summary>
    /// The page's rows read by id after the page is chosen (a deferred join): the filter, order and limit run over the
    /// indexes alone (ids included), and only the page's rows are read whole, instead of every matching row before the sort.
    /// </summary>
    internal static IQueryable<Assignment> PageOf(ResoluteDbContext db, IQueryable<Assignment> page, Func<IQueryable<Assignment>, IOrderedQueryable<Assignment>> order)
    {
        var ids = page.Select(a => a.Id);
        return order(db.Assignments.AsNoTracking().Where(a => ids.Contains(a.Id)));
    }

    /// <summary>Led in the unit's subtree: an IN over the subtree's closure rows, which the database builds once, not a lookup per row.</summary>
    public static Expression<Func<Assignment, bool>> InSubtree(ResoluteDbContext db, Guid org)
    {
        var subtree = db.OrganisationClosures.Where(c => c.AncestorId == org).Select(c => (Guid?)c.DescendantId);
        return a => subtree.Contains(a.LeadId);
    }

    /// <summary>
    /// Whether the caller's scope holds every task the filter's units can name: the filter's subtree lies inside it, or,
    /// with no unit filter, the caller's scope covers every root of the tree (a city office over the whole city). Then
    /// the per-row scope filter is set aside; need-to-know always applies.
    /// </summary>
    public static async Task<bool> CoversAsync(ResoluteDbContext db, Filter f, CancellationToken ct) => f.Org switch
    {
        { } org => f.Subtree && await db.ScopeCoversAsync(org, ct),
        null => await db.ScopeCoversEverythingAsync(ct),
    };

    internal sealed record Row(Assignment A, string? LeaderName, string? SourceSymbol);

    /// <summary>
    /// The task with its leader's name and its source's symbol (only when the caller may see that document). No
    /// IgnoreQueryFilters here: in EF Core it would lift the filters of the whole query, the tasks' included.
    /// </summary>
    internal static IQueryable<Row> Project(ResoluteDbContext db, IQueryable<Assignment> q, DateOnly today) =>
        from a in q
        join person in db.People on a.LeadLeaderId equals person.Id into people
        from person in people.DefaultIfEmpty()
        join doc in db.Documents on a.SourceDocumentId equals doc.Id into docs
        from doc in docs.DefaultIfEmpty()
        select new Row(a, person == null ? null : person.FullName, doc == null ? null : doc.Symbol);

    /// <summary>Names of the units the tasks name, shown even when they lie above the caller (the city that gave a ward its task).</summary>
    internal static async Task<List<Item>> FinishAsync(ResoluteDbContext db, IReadOnlyList<Row> rows, DateOnly today, CancellationToken ct)
    {
        var ids = rows.Select(r => r.A.AssignerId).Concat(rows.Where(r => r.A.LeadId != null).Select(r => r.A.LeadId!.Value)).Distinct().ToList();
        var names = await db.Organisations.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.ShortName }).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        return rows.Select(r =>
        {
            var a = r.A;
            var status = a.StatusOn(today);
            return new Item(a.Id, DisplayTitle(a, r.SourceSymbol), status, status.ApiName(), status.VietnameseName(), a.AssignerId,
                names.GetValueOrDefault(a.AssignerId, ""), a.LeadId, a.LeadId is { } l ? names.GetValueOrDefault(l) : null, a.LeadLeaderId,
                r.LeaderName, a.Deadline, a.DeadlineInForce, a.DueOn, a.Recurrence, a.CompletedOn, a.Percent, a.Secrecy, a.ParentId,
                r.SourceSymbol, a.Version);
        }).ToList();
    }

    /// <summary>A top-secret task has no title on the system: it is named by its source.</summary>
    public static string DisplayTitle(Assignment a, string? sourceSymbol) =>
        a.Secrecy == Secrecy.TopSecret ? $"Nhiệm vụ tuyệt mật{(sourceSymbol is null ? "" : $" theo văn bản {sourceSymbol}")}"
        : a.Title.Length == 0 ? "(chưa đặt tên)" : a.Title;

    /// <summary>Secret tasks inside the filter's unit and the caller's scope that the caller is not cleared for: counted, never named.</summary>
    public static async Task<int> HiddenSecretAsync(ResoluteDbContext db, Filter f, CancellationToken ct)
    {
        if (db.Scope.Unrestricted) return 0;
        var me = db.Scope.UserId;
        // Secret tasks are few (register entries only): find them through their index first, then ask which of
        // them lie in the caller's scope and the filter's unit.
        var secret = await db.Assignments.IgnoreQueryFilters()
            .Where(a => a.Secrecy != Secrecy.None)
            .Select(a => a.Id).ToListAsync(ct);
        if (secret.Count == 0) return 0;
        var q = db.Assignments.IgnoreQueryFilters().Where(a => secret.Contains(a.Id))
            .Where(db.AssignmentInScope)
            .Where(a => !db.AssignmentNeedToKnow.Any(n => n.AssignmentId == a.Id && n.UserId == me));
        if (f.Org is { } org)
            q = f.Subtree ? q.Where(InSubtree(db, org)) : q.Where(a => a.LeadId == org);
        if (f.Ids is { } ids) q = q.Where(a => ids.Contains(a.Id));
        return await q.CountAsync(ct);
    }
}
