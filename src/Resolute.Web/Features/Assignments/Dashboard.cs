using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Assignments;

/// <summary>
/// Where things stand for a unit and its subtree: counts by status for the unit itself and each direct child unit,
/// the on-time completion rate, overdue tasks oldest first, tasks due in the next 14 days, and a monthly trend of
/// completions on time and late. Every number is a filter of the task list (drill-down).
/// </summary>
public static class Dashboard
{
    public const int ListSize = 20;
    public const int DueSoonDays = 14;
    public const int TrendMonths = 12;

    public sealed record Counts(int Total, int Draft, int OnTrack, int Overdue, int DoneOnTime, int DoneLate, int Recurring, int Paused, int Withdrawn)
    {
        public static Counts From(IEnumerable<(int Code, int N)> rows)
        {
            var d = rows.GroupBy(r => r.Code).ToDictionary(g => (AssignmentStatus)g.Key, g => g.Sum(r => r.N));
            int N(AssignmentStatus s) => d.GetValueOrDefault(s);
            return new Counts(d.Values.Sum(), N(AssignmentStatus.Draft), N(AssignmentStatus.OnTrack), N(AssignmentStatus.Overdue),
                N(AssignmentStatus.DoneOnTime), N(AssignmentStatus.DoneLate), N(AssignmentStatus.Recurring), N(AssignmentStatus.Paused), N(AssignmentStatus.Withdrawn));
        }

        public int Of(AssignmentStatus s) => s switch
        {
            AssignmentStatus.Draft => Draft,
            AssignmentStatus.OnTrack => OnTrack,
            AssignmentStatus.Overdue => Overdue,
            AssignmentStatus.DoneOnTime => DoneOnTime,
            AssignmentStatus.DoneLate => DoneLate,
            AssignmentStatus.Recurring => Recurring,
            AssignmentStatus.Paused => Paused,
            AssignmentStatus.Withdrawn => Withdrawn,
            _ => 0,
        };

        /// <summary>Done on time over all done; null when nothing is done yet.</summary>
        public double? OnTimeRate => DoneOnTime + DoneLate == 0 ? null : Math.Round(100.0 * DoneOnTime / (DoneOnTime + DoneLate), 1);
    }

    public sealed record UnitRow(Guid Id, string Code, string Name, bool Direct, Counts Counts, double? OnTimeRate);

    public sealed record Month(string Key, int OnTime, int Late);

    public sealed record Result(Guid OrgId, string OrgCode, string OrgName, DateOnly Today, Counts Totals, double? OnTimeRate,
        IReadOnlyList<UnitRow> Units, IReadOnlyList<AssignmentQueries.Item> Overdue, IReadOnlyList<AssignmentQueries.Item> DueSoon,
        IReadOnlyList<Month> Trend, int HiddenSecret, Domain.Programmes.ProgrammeForum? ConclusionsOf = null);

    /// <summary>
    /// The dashboard of a unit; with <paramref name="conclusionsOf"/>, of the tasks born from that forum's conclusions only
    /// (counted from the tasks themselves: the tally knows no sources).
    /// </summary>
    public static async Task<Result> BuildAsync(ResoluteDbContext db, Guid orgId, CancellationToken ct, Domain.Programmes.ProgrammeForum? conclusionsOf = null)
    {
        var org = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
            ?? throw new NotFoundException("Không tìm thấy đơn vị, hoặc bạn không có quyền xem.");
        var today = db.Today;
        var children = await db.Organisations.AsNoTracking().Where(o => o.ParentId == orgId)
            .Select(o => new { o.Id, o.Code, o.ShortName, o.ValidTo }).ToListAsync(ct);
        var childIds = children.Select(c => c.Id).ToList();
        var subtree = await AssignmentQueries.ResolveAsync(db, new AssignmentQueries.Filter { Org = orgId, Subtree = true, ConclusionsOf = conclusionsOf }, ct);
        var covered = await db.ScopeCoversAsync(orgId, ct);
        var tallied = covered && conclusionsOf is null;
        // The secret tasks the caller is cleared for, looked up once for the counts and the trend (covered path only).
        var secretTasks = tallied ? await SecretTasksAsync(db, orgId, today, ct) : null;

        // Counted by lead unit and status (a few thousand rows at most), then rolled up to the direct children in memory
        // through the subtree's closure rows.
        var byLead = tallied
            ? await TalliedAsync(db, orgId, today, secretTasks, ct)
            : (await AssignmentQueries.Apply(db, subtree, today).Select(AssignmentQueries.Coding(today))
                .GroupBy(x => new { x.LeadId, x.Code }).Select(g => new { g.Key.LeadId, g.Key.Code, N = g.Count() }).ToListAsync(ct))
                .Select(x => (x.LeadId, x.Code, x.N)).ToList();
        var childOf = (await db.OrganisationClosures.AsNoTracking().Where(c => childIds.Contains(c.AncestorId))
                .Select(c => new { c.AncestorId, c.DescendantId }).ToListAsync(ct))
            .ToDictionary(c => c.DescendantId, c => c.AncestorId);
        var direct = byLead.Where(x => x.LeadId == orgId).Select(x => (x.Code, x.N)).ToList();
        var perChild = byLead.Where(x => x.LeadId is { } l && childOf.ContainsKey(l))
            .Select(x => new { AncestorId = childOf[x.LeadId!.Value], x.Code, x.N }).ToList();

        var byChild = perChild.ToLookup(p => p.AncestorId);
        var rows = new List<UnitRow>();
        var own = Counts.From(direct);
        if (own.Total > 0) rows.Add(new UnitRow(org.Id, org.Code, org.ShortName, true, own, own.OnTimeRate));
        var vi = Domain.Text.VietnameseText.Comparer;
        foreach (var c in children.OrderBy(c => c.ShortName, vi))
        {
            var counts = Counts.From(byChild[c.Id].Select(p => (p.Code, p.N)));
            // Ended units with nothing left to show are history, not part of today's picture.
            if (c.ValidTo is not null && counts.Total == 0) continue;
            rows.Add(new UnitRow(c.Id, c.Code, c.ShortName, false, counts, counts.OnTimeRate));
        }
        var totals = Counts.From(direct.Concat(perChild.Select(p => (p.Code, p.N))));

        static IOrderedQueryable<Assignment> ByDue(IQueryable<Assignment> x) => x.OrderBy(a => a.DueOn).ThenBy(a => a.Id);
        var overdue = await AssignmentQueries.Project(db, AssignmentQueries.PageOf(db, ByDue(AssignmentQueries.Apply(db,
            subtree with { Statuses = [AssignmentStatus.Overdue] }, today, covered)).Take(ListSize), ByDue), today).ToListAsync(ct);
        var soon = await AssignmentQueries.Project(db, AssignmentQueries.PageOf(db, ByDue(AssignmentQueries.Apply(db, subtree with
        {
            Statuses = [AssignmentStatus.OnTrack, AssignmentStatus.Recurring],
            DueFrom = today,
            DueTo = today.AddDays(DueSoonDays),
        }, today, covered)).Take(ListSize), ByDue), today).ToListAsync(ct);

        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(TrendMonths - 1));
        var done = tallied ? await TalliedTrendAsync(db, orgId, first, today, secretTasks, ct) : await TrendAsync(AssignmentQueries.Apply(db, subtree, today), first, today, ct);
        var trend = Enumerable.Range(0, TrendMonths).Select(i => first.AddMonths(i)).Select(m => new Month($"{m:yyyy-MM}",
            done.Where(d => d.Year == m.Year && d.Month == m.Month && !d.Late).Sum(d => d.N),
            done.Where(d => d.Year == m.Year && d.Month == m.Month && d.Late).Sum(d => d.N))).ToList();

        return new Result(org.Id, org.Code, org.ShortName, today, totals, totals.OnTimeRate, rows,
            await AssignmentQueries.FinishAsync(db, overdue, today, ct), await AssignmentQueries.FinishAsync(db, soon, today, ct),
            trend, await AssignmentQueries.HiddenSecretAsync(db, subtree, ct), conclusionsOf);
    }

    private readonly record struct Done(int Year, int Month, bool Late, int N);

    /// <summary>Completions by month, on time or late, counted from the tasks themselves.</summary>
    private static async Task<List<Done>> TrendAsync(IQueryable<Assignment> tasks, DateOnly first, DateOnly today, CancellationToken ct) =>
        (await tasks.Where(AssignmentQueries.Is(AssignmentStatus.DoneOnTime, today).OrElse(AssignmentQueries.Is(AssignmentStatus.DoneLate, today)))
            .Where(a => a.CompletedOn >= first)
            .GroupBy(a => new { a.CompletedOn!.Value.Year, a.CompletedOn.Value.Month, Late = a.DeadlineInForce != null && a.CompletedOn > a.DeadlineInForce })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Late, N = g.Count() })
            .ToListAsync(ct)).Select(x => new Done(x.Year, x.Month, x.Late, x.N)).ToList();

    /// <summary>
    /// Counts by lead unit and status for a subtree the caller's scope covers: the tally's all-time rows, less the open
    /// tasks now past their due date (a range of the due-date index, the only part that depends on today), plus the
    /// secret tasks the caller is cleared for, counted live (<see cref="AssignmentTally"/>).
    /// </summary>
    private static async Task<List<(Guid? LeadId, int Code, int N)>> TalliedAsync(ResoluteDbContext db, Guid orgId, DateOnly today,
        IQueryable<Assignment>? secretTasks, CancellationToken ct)
    {
        var subtree = db.OrganisationClosures.Where(c => c.AncestorId == orgId).Select(c => c.DescendantId);
        var tallied = await db.AssignmentTallies.AsNoTracking().Where(t => t.Period == AssignmentTally.AllTime && subtree.Contains(t.LeadId))
            .Select(t => new { t.LeadId, t.Bucket, t.N }).ToListAsync(ct);
        var late = await PublicTasks(db, orgId).Where(AssignmentQueries.Is(AssignmentStatus.Overdue, today))
            .GroupBy(a => new { a.LeadId, Recurring = a.Recurrence != Recurrence.None })
            .Select(g => new { g.Key.LeadId, g.Key.Recurring, N = g.Count() }).ToListAsync(ct);
        var secret = secretTasks is null ? [] : await secretTasks.Select(AssignmentQueries.Coding(today))
            .GroupBy(x => new { x.LeadId, x.Code }).Select(g => new { g.Key.LeadId, g.Key.Code, N = g.Count() }).ToListAsync(ct);

        var rows = tallied.Select(t => ((Guid?)t.LeadId, t.Bucket, t.N)).ToList();
        foreach (var l in late)
        {
            rows.Add((l.LeadId, l.Recurring ? (int)AssignmentStatus.Recurring : (int)AssignmentStatus.OnTrack, -l.N));
            rows.Add((l.LeadId, (int)AssignmentStatus.Overdue, l.N));
        }
        rows.AddRange(secret.Select(s => (s.LeadId, s.Code, s.N)));
        return rows;
    }

    /// <summary>The trend from the tally's month rows, plus the secret tasks the caller is cleared for.</summary>
    private static async Task<List<Done>> TalliedTrendAsync(ResoluteDbContext db, Guid orgId, DateOnly first, DateOnly today,
        IQueryable<Assignment>? secretTasks, CancellationToken ct)
    {
        var subtree = db.OrganisationClosures.Where(c => c.AncestorId == orgId).Select(c => c.DescendantId);
        var from = AssignmentTally.PeriodOf(first);
        var late = (int)AssignmentStatus.DoneLate;
        var tallied = await db.AssignmentTallies.AsNoTracking().Where(t => t.Period >= from && subtree.Contains(t.LeadId))
            .GroupBy(t => new { t.Period, t.Bucket }).Select(g => new { g.Key.Period, g.Key.Bucket, N = g.Sum(t => t.N) }).ToListAsync(ct);
        var secret = secretTasks is null ? [] : await TrendAsync(secretTasks, first, today, ct);
        return tallied.Select(t => new Done(t.Period / 100, t.Period % 100, t.Bucket == late, t.N)).Concat(secret).ToList();
    }

    /// <summary>
    /// The secret tasks of the subtree the caller is cleared for, as a query; null when the database has none. Secret
    /// tasks are few: they are found by their partial index first, so the planner never walks every task of the subtree
    /// to find them (it would, from the lead-unit index, when the secret index looks empty or unknown to it).
    /// </summary>
    private static async Task<IQueryable<Assignment>?> SecretTasksAsync(ResoluteDbContext db, Guid orgId, DateOnly today, CancellationToken ct)
    {
        var ids = await db.Assignments.IgnoreQueryFilters().Where(a => a.Secrecy != Secrecy.None).Select(a => a.Id).Take(SecretListLimit + 1).ToListAsync(ct);
        if (ids.Count == 0) return null;
        var q = AssignmentQueries.Apply(db, new AssignmentQueries.Filter { Org = orgId, Subtree = true }, today, covered: true).Where(a => a.Secrecy != Secrecy.None);
        return ids.Count <= SecretListLimit ? q.Where(a => ids.Contains(a.Id)) : q;
    }

    /// <summary>Up to this many secret tasks are named by id in the query (one parameter each); beyond, the condition alone.</summary>
    private const int SecretListLimit = 500;

    /// <summary>The subtree's tasks that are not secret, which every caller whose scope covers the subtree may count.</summary>
    private static IQueryable<Assignment> PublicTasks(ResoluteDbContext db, Guid orgId) =>
        db.Assignments.AsNoTracking().IgnoreQueryFilters(ResoluteDbContext.ScopeAndClearedFilters)
            .Where(a => a.Secrecy == Secrecy.None).Where(AssignmentQueries.InSubtree(db, orgId));
}
