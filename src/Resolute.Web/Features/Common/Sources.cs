using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Common;

/// <summary>The register entry a task or a review is about, found in the caller's scope.</summary>
public static class Sources
{
    public static async Task CheckAsync(ResoluteDbContext db, Guid? documentId, CancellationToken ct)
    {
        if (documentId is { } id && !await db.Documents.AnyAsync(d => d.Id == id, ct))
            throw new DomainException("source-not-found", "Không tìm thấy văn bản giao nhiệm vụ trong phạm vi của bạn.", "sourceDocumentId");
    }
    /// <summary>A registered document by its number and symbol as written (15-NQ/TƯ, 10-CTr/TU), among those the caller may see.</summary>
    public static async Task<Guid> BySymbolAsync(ResoluteDbContext db, string symbol, CancellationToken ct)
    {
        var normal = ReferenceParser.Parse(symbol)?.Symbol ?? symbol.Trim();
        return await db.Documents.Where(d => d.Symbol == normal).OrderByDescending(d => d.IssuedOn).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("source-not-found", $"Không tìm thấy văn bản {symbol.Trim()} trong sổ (trong phạm vi của bạn).", "sourceDocumentId");
    }
}
