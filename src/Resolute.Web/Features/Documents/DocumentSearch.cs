using System.Text;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Documents;
using Resolute.Domain.Text;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Documents;

/// <summary>
/// Full-text matching of documents, one interface over two engines: SQLite FTS5 on the folded text, PostgreSQL
/// tsvector over unaccent. User input never reaches the query syntax: it is folded, cut into letters-and-digits
/// tokens and each token quoted (FTS5) or reduced to [a-z0-9] (tsquery); every token must match, the last as a prefix.
/// </summary>
public static class DocumentSearch
{
    /// <summary>Tokens of the folded query: "Nghị quyết 15-NQ/TƯ" → nghi, quyet, 15, nq, tu.</summary>
    public static IReadOnlyList<string> Tokens(string query)
    {
        var folded = VietnameseText.Fold(query);
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0) tokens.Add(sb.ToString());
        return tokens.Take(12).ToList();
    }

    /// <summary>
    /// Documents matching every token, through the scope filter; empty query: all documents. A query that is a number
    /// and symbol is searched in its normalised form, so "15-NQ/TƯ" finds the register's "15-NQ/TW".
    /// </summary>
    public static IQueryable<Document> Match(ResoluteDbContext db, string query)
    {
        var normalised = ReferenceParser.Parse(query) is { } r ? r.Symbol : query;
        var tokens = Tokens(normalised);
        if (tokens.Count == 0) return db.Documents;
        if (db.Database.IsNpgsql())
        {
            var tsquery = TsQuery(tokens);
            return db.Documents.FromSqlRaw("""
                SELECT * FROM documents
                WHERE to_tsvector('simple', resolute_fold(coalesce("Symbol", '') || ' ' || coalesce("Summary", '') || ' ' || coalesce("FullText", '') || ' ' || coalesce("AttachmentText", '')))
                      @@ to_tsquery('simple', {0})
                """, tsquery);
        }
        var match = Fts5Query(tokens);
        return db.Documents.FromSqlRaw("""
            SELECT * FROM documents WHERE rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH {0})
            """, match);
    }

    /// <summary>Every token, the last as a prefix, for PostgreSQL: "ngap & ung:*".</summary>
    public static string TsQuery(IReadOnlyList<string> tokens) =>
        string.Join(" & ", tokens.Select((t, i) => i == tokens.Count - 1 ? t + ":*" : t));

    /// <summary>Every token, quoted, the last as a prefix, for SQLite FTS5: "ngap" "ung"*.</summary>
    public static string Fts5Query(IReadOnlyList<string> tokens) =>
        string.Join(" ", tokens.Select((t, i) => i == tokens.Count - 1 ? $"\"{t}\"*" : $"\"{t}\""));
}
