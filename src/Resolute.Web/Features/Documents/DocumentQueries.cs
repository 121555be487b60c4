using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Documents;
using Resolute.Domain.Text;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Documents;

/// <summary>The register as users read it: filtered by scope (query filter), searched, paged; shared by the page and the API.</summary>
public static class DocumentQueries
{
    public sealed record Filter(string? Q, DocumentSystem? System, Guid? TypeId, Guid? IssuerId, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 25,
        Guid? Subtree = null, DocumentStatus? Status = null, SortOrder Sort = SortOrder.Relevance);

    /// <summary>Relevance (exact symbol, exact diacritics, newest) or the summary in vi-VN alphabetical order.</summary>
    public enum SortOrder { Relevance, Alphabetical }

    /// <summary>Above this many matches, vi-VN ordering (done in the app, as neither database collates Vietnamese the same way) is refused.</summary>
    public const int AlphabeticalLimit = 20_000;

    public sealed record Row(Guid Id, string Symbol, DocumentSystem System, string TypeName, Guid IssuerId, string IssuerName, DateOnly IssuedOn,
        string? Summary, Secrecy Secrecy, Urgency Urgency, DocumentStatus Status);

    public sealed record Result(int Total, int Page, int PageSize, List<Row> Items, int HiddenSecret);

    public static async Task<Result> SearchAsync(ResoluteDbContext db, Filter f, CancellationToken ct)
    {
        var q = db.Documents.AsNoTracking();
        string? exact = null;
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            exact = VietnameseText.Normalize(f.Q.Trim());
            q = DocumentSearch.Match(db, exact).AsNoTracking();
            if (ReferenceParser.Parse(exact) is { } r) exact = r.Symbol;
        }
        if (f.System is { } s) q = q.Where(d => d.System == s);
        if (f.TypeId is { } t) q = q.Where(d => d.TypeId == t);
        if (f.IssuerId is { } i) q = q.Where(d => d.IssuerId == i);
        if (f.Subtree is { } unit) q = q.Where(d => db.OrganisationClosures.Any(c => c.AncestorId == unit && c.DescendantId == d.IssuerId));
        if (f.Status is { } status) q = q.Where(d => d.Status == status);
        if (f.From is { } from) q = q.Where(d => d.IssuedOn >= from);
        if (f.To is { } to) q = q.Where(d => d.IssuedOn <= to);

        var total = await q.CountAsync(ct);
        var page = Math.Max(1, f.Page);
        var size = Math.Clamp(f.PageSize, 1, 200);
        // The document whose number and symbol is the query comes first, then matches with the exact diacritics
        // (đường before dương), then the newest.
        var ordered = exact is null
            ? q.OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Id)
            : q.OrderByDescending(d => d.Symbol == exact)
                .ThenByDescending(d => d.Symbol.Contains(exact) || (d.Summary != null && d.Summary.Contains(exact)))
                .ThenByDescending(d => d.IssuedOn).ThenBy(d => d.Id);
        List<Document> docs;
        if (f.Sort == SortOrder.Alphabetical && total <= AlphabeticalLimit)
        {
            var keys = await q.Select(d => new { d.Id, d.Summary, d.Symbol }).ToListAsync(ct);
            var pageIds = keys.OrderBy(k => k.Summary ?? "", VietnameseText.Comparer).ThenBy(k => k.Symbol, VietnameseText.Comparer)
                .Skip((page - 1) * size).Take(size).Select(k => k.Id).ToList();
            var byId = await db.Documents.AsNoTracking().Where(d => pageIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
            docs = pageIds.Select(id => byId[id]).ToList();
        }
        else
        {
            docs = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        }
        var typeIds = docs.Select(d => d.TypeId).Distinct().ToArray();
        var issuerIds = docs.Select(d => d.IssuerId).Distinct().ToArray();
        var types = await db.DocumentTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        // Issuers above the caller are outside their unit scope but are named on the documents they sent down.
        var issuers = await db.Organisations.IgnoreQueryFilters().AsNoTracking().Where(o => issuerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var items = docs.Select(d => new Row(d.Id, d.Symbol, d.System, types[d.TypeId], d.IssuerId, issuers[d.IssuerId], d.IssuedOn, d.Summary,
            d.Secrecy, d.Urgency, d.Status)).ToList();
        return new Result(total, page, size, items, await HiddenSecretCountAsync(db, ct));
    }

    /// <summary>Secret items in the caller's scope that they are not cleared to see: counted, never shown (RULES.md §5).</summary>
    public static async Task<int> HiddenSecretCountAsync(ResoluteDbContext db, CancellationToken ct)
    {
        if (db.Scope.Unrestricted) return 0;
        var me = db.Scope.UserId;
        return await db.Documents.IgnoreQueryFilters().Where(db.IssuerInScope)
            .CountAsync(d => d.Secrecy != Secrecy.None && !db.NeedToKnow.Any(n => n.DocumentId == d.Id && n.UserId == me), ct);
    }

    /// <summary>Registered documents a reference may point at: same symbol, and the same date when the text gives one.</summary>
    public static async Task<Guid?> MatchAsync(ResoluteDbContext db, DocumentReference r, CancellationToken ct) =>
        (await MatchAllAsync(db, [r], ct))[0];

    /// <summary>
    /// The registered document each reference points at (or null), in the references' order. One query for all of them
    /// (a passage may cite thousands), by the distinct symbols, then matched by date or year in memory.
    /// </summary>
    public static async Task<Guid?[]> MatchAllAsync(ResoluteDbContext db, IReadOnlyList<DocumentReference> refs, CancellationToken ct)
    {
        var result = new Guid?[refs.Count];
        var symbols = refs.Select(r => r.Symbol).Distinct().ToList();
        var bySymbol = new Dictionary<string, List<(Guid Id, DateOnly IssuedOn)>>();
        foreach (var chunk in symbols.Chunk(1000))
        {
            var found = await db.Documents.AsNoTracking().Where(d => chunk.Contains(d.Symbol)).Select(d => new { d.Id, d.Symbol, d.IssuedOn }).ToListAsync(ct);
            foreach (var d in found)
            {
                if (!bySymbol.TryGetValue(d.Symbol, out var list)) bySymbol[d.Symbol] = list = [];
                list.Add((d.Id, d.IssuedOn));
            }
        }
        for (var i = 0; i < refs.Count; i++)
        {
            var r = refs[i];
            if (!bySymbol.TryGetValue(r.Symbol, out var candidates)) continue;
            if (r.Date is { } date) candidates = candidates.Where(c => c.IssuedOn == date).ToList();
            else if (r.Year is { } year) candidates = candidates.Where(c => c.IssuedOn.Year == year).ToList();
            if (candidates.Count == 1) result[i] = candidates[0].Id;
        }
        return result;
    }
}
