using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Documents;

/// <summary>
/// Everything issued to carry out a document, level by level: the documents that implement (guide, amend, report on,
/// conclude…) it, then those that implement them, and so on. Only documents the caller may see are followed.
/// </summary>
public static class Lineage
{
    public sealed record Node(Guid Id, Guid? ParentId, int Depth, string Symbol, DateOnly IssuedOn, string TypeName, string IssuerName,
        OrganisationLevel IssuerLevel, string? Summary, RelationKind? Kind);

    public sealed record Count(string Key, int Value);

    public sealed record Result(Node Root, List<Node> Descendants, List<Count> ByType, List<Count> ByLevel, List<Count> ByYear);

    public const int MaxDocuments = 20_000;

    public static async Task<Result?> BuildAsync(ResoluteDbContext db, Guid rootId, CancellationToken ct)
    {
        var root = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == rootId, ct);
        if (root is null) return null;
        var seen = new HashSet<Guid> { root.Id };
        var links = new List<(Guid From, Guid To, RelationKind Kind, int Depth)>();
        var frontier = new List<Guid> { root.Id };
        for (var depth = 1; frontier.Count > 0 && seen.Count < MaxDocuments; depth++)
        {
            var ids = frontier.ToArray();
            // The join through Documents applies the scope and need-to-know filter to every document followed.
            var next = await (from r in db.DocumentRelations.AsNoTracking()
                              join d in db.Documents on r.FromId equals d.Id
                              where ids.Contains(r.ToId)
                              select new { r.FromId, r.ToId, r.Kind }).ToListAsync(ct);
            frontier = [];
            foreach (var r in next.Where(r => seen.Add(r.FromId)))
            {
                links.Add((r.FromId, r.ToId, r.Kind, depth));
                frontier.Add(r.FromId);
            }
        }

        var allIds = seen.ToArray();
        var docs = await db.Documents.AsNoTracking().Where(d => allIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var typeNames = await db.DocumentTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var issuerIds = docs.Values.Select(d => d.IssuerId).Distinct().ToArray();
        var issuers = await db.Organisations.IgnoreQueryFilters().AsNoTracking().Where(o => issuerIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);

        Node ToNode(Document d, Guid? parent, int depth, RelationKind? kind) =>
            new(d.Id, parent, depth, d.Symbol, d.IssuedOn, typeNames[d.TypeId], issuers[d.IssuerId], d.IssuerLevel, d.Summary, kind);

        var nodes = links.Select(l => ToNode(docs[l.From], l.To, l.Depth, l.Kind))
            .OrderBy(n => n.Depth).ThenBy(n => n.IssuedOn).ToList();
        return new Result(ToNode(root, null, 0, null), nodes,
            [.. nodes.GroupBy(n => n.TypeName).Select(g => new Count(g.Key, g.Count())).OrderByDescending(c => c.Value)],
            [.. nodes.GroupBy(n => n.IssuerLevel).OrderBy(g => g.Key).Select(g => new Count(g.Key.ToString(), g.Count()))],
            [.. nodes.GroupBy(n => n.IssuedOn.Year).OrderBy(g => g.Key).Select(g => new Count(g.Key.ToString(), g.Count()))]);
    }

    /// <summary>The lineage as an Excel workbook: the documents, and the counts by type, level and year.</summary>
    public static byte[] ToExcel(Result r, Func<OrganisationLevel, string> levelName)
    {
        var symbols = r.Descendants.ToDictionary(n => n.Id, n => n.Symbol);
        symbols[r.Root.Id] = r.Root.Symbol;
        var sheets = new Dictionary<string, object>
        {
            ["Văn bản"] = r.Descendants.Select(n => new Dictionary<string, object?>
            {
                ["Số, ký hiệu"] = n.Symbol,
                ["Ngày ban hành"] = n.IssuedOn.ToString("dd/MM/yyyy"),
                ["Loại"] = n.TypeName,
                ["Cơ quan ban hành"] = n.IssuerName,
                ["Cấp"] = levelName(n.IssuerLevel),
                ["Trích yếu"] = n.Summary ?? "",
                ["Tầng"] = n.Depth,
                ["Triển khai văn bản"] = n.ParentId is { } p ? symbols.GetValueOrDefault(p) : "",
            }).ToList(),
            ["Theo loại"] = r.ByType.Select(c => new Dictionary<string, object?> { ["Loại văn bản"] = c.Key, ["Số văn bản"] = c.Value }).ToList(),
            ["Theo cấp"] = r.ByLevel.Select(c => new Dictionary<string, object?> { ["Cấp ban hành"] = levelName(Enum.Parse<OrganisationLevel>(c.Key)), ["Số văn bản"] = c.Value }).ToList(),
            ["Theo năm"] = r.ByYear.Select(c => new Dictionary<string, object?> { ["Năm"] = c.Key, ["Số văn bản"] = c.Value }).ToList(),
        };
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, sheets);
        return stream.ToArray();
    }
}
