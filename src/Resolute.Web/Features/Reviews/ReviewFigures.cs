using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Features.Assignments;

namespace Resolute.Web.Features.Reviews;

/// <summary>
/// The figures of a review, per unit and in total: computed from the register and the tasks for the subject and
/// period (documents issued to implement the subject, tasks from it by status, the on-time rate, indicators against
/// targets), reported by the units, and overridden by the office with a reason. Each computed figure links to the
/// records behind it. Only what the caller may see is counted.
/// </summary>
public static class ReviewFigures
{
    /// <summary>One number; <see cref="Original"/> is what was computed or reported before an override.</summary>
    public sealed record Cell(decimal? Value, string? Link, bool Overridden = false, string? Reason = null, decimal? Original = null);

    /// <summary>A column: a unit asked to report, or the total (no unit) for the reviewing unit's whole subtree.</summary>
    public sealed record Column(Guid? UnitId, string Name);

    public sealed record Row(string Key, string Name, string? Unit, bool Computed, IReadOnlyList<Cell> Cells);

    public sealed record Count(string Key, int Value);

    public sealed record Table(IReadOnlyList<Column> Columns, IReadOnlyList<Row> Rows, IReadOnlyList<Count> DocumentsByType,
        IReadOnlyList<Count> DocumentsByLevel, IReadOnlyList<Row> Indicators);

    /// <summary>The subject and every document implementing it, level by level, among those the caller may see.</summary>
    /// <remarks>
    /// The links are read once (two ids each; the join applies the scope and need-to-know filter to every document
    /// followed) and walked here, rather than one query per level with the level's ids as parameters.
    /// </remarks>
    public static async Task<List<Guid>> LineageIdsAsync(ResoluteDbContext db, Guid rootId, CancellationToken ct)
    {
        if (!await db.Documents.AnyAsync(d => d.Id == rootId, ct)) return [];
        var links = (await (from r in db.DocumentRelations.AsNoTracking()
                            join d in db.Documents on r.FromId equals d.Id
                            where r.Kind != RelationKind.Replaces
                            select new { r.FromId, r.ToId }).ToListAsync(ct))
            .ToLookup(r => r.ToId, r => r.FromId);
        var seen = new HashSet<Guid> { rootId };
        var frontier = new Queue<Guid>([rootId]);
        while (frontier.Count > 0 && seen.Count < Documents.Lineage.MaxDocuments)
            foreach (var from in links[frontier.Dequeue()])
                if (seen.Add(from)) frontier.Enqueue(from);
        return [.. seen];
    }

    public static async Task<Table> BuildAsync(ResoluteDbContext db, ReviewCampaign c, IReadOnlyList<(Guid Id, string Name)> units, CancellationToken ct)
    {
        var today = db.Today;
        var columns = units.Select(u => new Column(u.Id, u.Name)).Append(new Column(null, "Tổng cộng")).ToList();
        // Which column(s) each unit of the subtree counts towards: the reported-on units, and the owner's total.
        var unitIds = units.Select(u => u.Id).ToArray();
        var closure = await db.OrganisationClosures.AsNoTracking().Where(x => unitIds.Contains(x.AncestorId))
            .Select(x => new { x.AncestorId, x.DescendantId }).ToListAsync(ct);
        var under = closure.GroupBy(x => x.DescendantId).ToDictionary(g => g.Key, g => g.Select(x => x.AncestorId).ToList());

        var lineage = c.SubjectDocumentId is { } subject ? await LineageIdsAsync(db, subject, ct) : [];
        var implementing = lineage.Where(id => id != c.SubjectDocumentId).ToArray();

        // A lineage runs to thousands of documents: rather than send them as query parameters, each query groups by
        // source document in the database and the lineage is applied to the (few thousand) groups here.
        var inLineage = implementing.ToHashSet();
        var lineageSet = lineage.ToHashSet();

        // Documents issued in the period, inside the reviewing unit's subtree.
        var docs = implementing.Length == 0 ? [] : (await (
            from d in db.Documents.AsNoTracking()
            join t in db.DocumentTypes on d.TypeId equals t.Id
            where d.IssuedOn >= c.PeriodFrom && d.IssuedOn <= c.PeriodTo
                && db.OrganisationClosures.Any(x => x.AncestorId == c.OwnerId && x.DescendantId == d.IssuerId)
            select new { d.Id, d.IssuerId, d.IssuerLevel, t.Name }).ToListAsync(ct)).Where(d => inLineage.Contains(d.Id)).ToList();

        // Tasks from the subject's lineage led inside the subtree, by lead unit and status as of today.
        var covered = await db.ScopeCoversAsync(c.OwnerId, ct);
        var byLead = lineage.Count == 0 ? [] : (await AssignmentQueries.Apply(db, new AssignmentQueries.Filter { Org = c.OwnerId, Subtree = true }, today, covered)
            .Where(a => a.SourceDocumentId != null)
            .Select(AssignmentQueries.Coding(today))
            .GroupBy(x => new { x.SourceDocumentId, x.LeadId, x.Code }).Select(g => new { g.Key.SourceDocumentId, g.Key.LeadId, g.Key.Code, N = g.Count() })
            .ToListAsync(ct))
            .Where(x => lineageSet.Contains(x.SourceDocumentId!.Value))
            .GroupBy(x => (x.LeadId, x.Code)).Select(g => new { g.Key.LeadId, g.Key.Code, N = g.Sum(x => x.N) }).ToList();

        decimal?[] Per<T>(IEnumerable<T> rows, Func<T, Guid?> unitOf, Func<T, decimal> value)
        {
            var cells = new decimal?[columns.Count];
            for (var i = 0; i < cells.Length; i++) cells[i] = 0;
            foreach (var r in rows)
            {
                var v = value(r);
                cells[^1] += v;
                if (unitOf(r) is { } u && under.TryGetValue(u, out var ancestors))
                    foreach (var a in ancestors) cells[Array.IndexOf(unitIds, a)] += v;
            }
            return cells;
        }

        var docCells = Per(docs, d => d.IssuerId, _ => 1);
        decimal?[] Tasks(params AssignmentStatus[] s) => Per(byLead.Where(x => s.Length == 0 ? x.Code != (int)AssignmentStatus.Draft && x.Code != (int)AssignmentStatus.Withdrawn : s.Contains((AssignmentStatus)x.Code)),
            x => x.LeadId, x => x.N);
        var onTime = Tasks(AssignmentStatus.DoneOnTime);
        var late = Tasks(AssignmentStatus.DoneLate);
        var rate = onTime.Zip(late, (a, b) => a + b is > 0 ? Math.Round(100m * a!.Value / (a.Value + b!.Value), 1) : (decimal?)null).ToArray();

        var codes = await db.Organisations.IgnoreQueryFilters().AsNoTracking().Where(o => unitIds.Contains(o.Id) || o.Id == c.OwnerId)
            .ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        string TaskLink(int col, string? status) =>
            $"/Assignments?unit={Uri.EscapeDataString(codes[columns[col].UnitId ?? c.OwnerId])}&source={c.SubjectDocumentId}&lineage=true{(status is null ? "" : "&status=" + status)}";
        var docLink = c.SubjectDocumentId is { } s0 ? $"/Documents/Lineage/{s0}" : null;
        var computed = new Dictionary<string, (decimal?[] Values, Func<int, string?> Link)>
        {
            ["documents"] = (docCells, _ => docLink),
            ["tasks"] = (Tasks(), i => TaskLink(i, null)),
            ["tasks-done-on-time"] = (onTime, i => TaskLink(i, "done-on-time")),
            ["tasks-done-late"] = (late, i => TaskLink(i, "done-late")),
            ["tasks-on-track"] = (Tasks(AssignmentStatus.OnTrack), i => TaskLink(i, "on-track")),
            ["tasks-overdue"] = (Tasks(AssignmentStatus.Overdue), i => TaskLink(i, "overdue")),
            ["on-time-rate"] = (rate, i => TaskLink(i, "done-on-time")),
        };

        var rows = new List<Row>();
        foreach (var f in c.Outline.Figures)
        {
            var cells = new List<Cell>();
            for (var i = 0; i < columns.Count; i++)
            {
                var unitId = columns[i].UnitId;
                decimal? value;
                string? link = null;
                if (f.Computed is { } measure && computed.TryGetValue(measure, out var m))
                {
                    value = m.Values[i];
                    link = c.SubjectDocumentId is null ? null : m.Link(i);
                }
                else if (unitId is { } u)
                    value = c.Reports.FirstOrDefault(r => r.UnitId == u)?.Figures.FirstOrDefault(x => x.Key == f.Key)?.Value;
                else
                    value = null; // the total of a reported figure is the sum of the units' cells, overrides included (below)
                cells.Add(new Cell(value, link));
            }
            if (f.Computed is null)
            {
                var sum = cells.Take(cells.Count - 1).Select((x, i) => Apply(c, f.Key, columns[i].UnitId, x).Value).Where(v => v is not null).Sum();
                cells[^1] = new Cell(sum, null);
            }
            rows.Add(new Row(f.Key, f.Name, f.Unit, f.Computed is not null, cells.Select((x, i) => Apply(c, f.Key, columns[i].UnitId, x)).ToList()));
        }

        var indicators = lineage.Count == 0 ? [] : (await (
            from ind in db.Set<Indicator>().AsNoTracking()
            join a in AssignmentQueries.Apply(db, new AssignmentQueries.Filter { Org = c.OwnerId, Subtree = true }, today, covered) on ind.AssignmentId equals a.Id
            where a.SourceDocumentId != null
            group ind by new { a.SourceDocumentId, a.LeadId, ind.Name, ind.Unit } into g
            select new { g.Key.SourceDocumentId, g.Key.LeadId, g.Key.Name, g.Key.Unit, Target = g.Sum(x => x.Target ?? 0), Actual = g.Sum(x => x.Actual ?? 0), N = g.Count() })
            .ToListAsync(ct))
            .Where(x => lineageSet.Contains(x.SourceDocumentId!.Value))
            .GroupBy(x => (x.LeadId, x.Name, x.Unit))
            .Select(g => new { g.Key.LeadId, g.Key.Name, g.Key.Unit, Target = g.Sum(x => x.Target), Actual = g.Sum(x => x.Actual), N = g.Sum(x => x.N) }).ToList();
        var indicatorRows = indicators.GroupBy(x => (x.Name, x.Unit)).OrderBy(g => g.Key.Name, Domain.Text.VietnameseText.Comparer).Select(g =>
        {
            var actual = Per(g, x => x.LeadId, x => x.Actual);
            var target = Per(g, x => x.LeadId, x => x.Target);
            if (g.Key.Unit == "%")
            {
                // Rates are averaged over the tasks, not added up.
                var n = Per(g, x => x.LeadId, x => x.N);
                for (var i = 0; i < n.Length; i++)
                {
                    actual[i] = n[i] > 0 ? Math.Round(actual[i]!.Value / n[i]!.Value, 1) : null;
                    target[i] = n[i] > 0 ? Math.Round(target[i]!.Value / n[i]!.Value, 1) : null;
                }
            }
            return new Row("indicator", g.Key.Name, g.Key.Unit, true, actual.Select((v, i) => new Cell(v, null, Original: target[i])).ToList());
        }).ToList();

        return new Table(columns, rows,
            docs.GroupBy(d => d.Name).Select(g => new Count(g.Key, g.Count())).OrderByDescending(x => x.Value).ToList(),
            docs.GroupBy(d => d.IssuerLevel).OrderBy(g => g.Key).Select(g => new Count(g.Key.ToString(), g.Count())).ToList(),
            indicatorRows);
    }

    private static Cell Apply(ReviewCampaign c, string key, Guid? unitId, Cell cell) =>
        c.Overrides.FirstOrDefault(o => o.Key == key && o.UnitId == unitId) is { } o
            ? cell with { Value = o.Value, Overridden = true, Reason = o.Reason, Original = cell.Value }
            : cell;

    /// <summary>A figure as the report writes it: whole numbers without decimals, rates with one.</summary>
    public static string Format(decimal? v) => v is null ? "" : v.Value.ToString(v.Value == decimal.Truncate(v.Value) ? "N0" : "N1", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    public static string LevelName(string level) => Enum.TryParse<OrganisationLevel>(level, out var l) ? l switch
    {
        OrganisationLevel.Central => "Trung ương",
        OrganisationLevel.Province => "Cấp tỉnh, thành phố",
        OrganisationLevel.District => "Cấp huyện (trước 7/2025)",
        OrganisationLevel.Commune => "Cấp xã, phường",
        _ => l.ToString(),
    } : level;
}
