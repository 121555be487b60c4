using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Common;

/// <summary>
/// Numbers of the documents the app drafts (RULES.md §4): a Party document's per type and issuer, restarting each term
/// ("12-CTr/TU"); a state document's per issuer, restarting each calendar year ("15/CTr-UBND").
/// </summary>
public static class DocumentNumbers
{
    /// <summary>The next number of a Party document of this type (its abbreviation) by this issuer in its current term.</summary>
    public static async Task<int> NextPartyAsync(ResoluteDbContext db, Organisation issuer, string abbreviation, DateOnly today, CancellationToken ct)
    {
        var term = await Documents.DocumentRules.TermOnAsync(db, issuer.Id, today, ct)
            ?? throw new DomainException("term", $"Chưa khai báo nhiệm kỳ của {issuer.ShortName} bao trùm ngày {today:dd/MM/yyyy}.");
        return await NextPartyInTermAsync(db, issuer.Id, abbreviation, term.Id, ct);
    }

    /// <summary>The next number of a Party document of this type by this issuer in the given term (its own, or its committee's).</summary>
    public static async Task<int> NextPartyInTermAsync(ResoluteDbContext db, Guid issuerId, string abbreviation, Guid termId, CancellationToken ct)
    {
        var numbers = await db.Documents.IgnoreQueryFilters()
            .Where(d => d.IssuerId == issuerId && d.TermId == termId && d.System == DocumentSystem.Party && d.Symbol.Contains("-" + abbreviation + "/"))
            .Select(d => d.Number).ToListAsync(ct);
        return numbers.Select(n => int.TryParse(n, out var v) ? v : 0).DefaultIfEmpty(0).Max() + 1;
    }

    /// <summary>The issuer part of the symbol: TU for the city committee, ĐU for a commune or ward committee.</summary>
    public static string IssuerSuffix(Organisation issuer) => (issuer.Kind, issuer.Level) switch
    {
        (OrganisationKind.PartyCommittee, OrganisationLevel.Province) => "TU",
        (OrganisationKind.PartyCommittee, _) => "ĐU",
        _ => Domain.Text.VietnameseText.CodeFragment(issuer.Code) is var f && f.Length > 8 ? f[..8] : Domain.Text.VietnameseText.CodeFragment(issuer.Code),
    };

    /// <summary>
    /// The next number of a state document by this issuer in the year: one series for all its documents of the year
    /// (Nghị định 30/2020/NĐ-CP), as the register's identity of a state document (issuer, year, number) has it.
    /// </summary>
    public static async Task<int> NextStateAsync(ResoluteDbContext db, Organisation issuer, int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var numbers = await db.Documents.IgnoreQueryFilters()
            .Where(d => d.IssuerId == issuer.Id && d.System == DocumentSystem.State && d.IssuedOn >= from && d.IssuedOn <= to)
            .Select(d => d.Number).ToListAsync(ct);
        return numbers.Select(n => int.TryParse(n, out var v) ? v : 0).DefaultIfEmpty(0).Max() + 1;
    }

    /// <summary>The issuer part of a state symbol: UBND for a People's Committee, else a fragment of its code.</summary>
    public static string StateSuffix(Organisation issuer) => issuer.Kind == OrganisationKind.PeoplesCommittee ? "UBND"
        : Domain.Text.VietnameseText.CodeFragment(issuer.Code) is var f && f.Length > 8 ? f[..8] : Domain.Text.VietnameseText.CodeFragment(issuer.Code);
}
