using Resolute.Domain.Organisations;

namespace Resolute.Domain.Documents;

/// <summary>How a Party document names its issuer and writes its date (RULES.md §4, Hướng dẫn 36-HD/VPTW).</summary>
public static class OfficialHeader
{
    /// <summary>
    /// "ngày 03 tháng 4 năm 2018", "ngày 15 tháng 02 năm 2026": a day below 10 and the months January and February take
    /// a leading zero, the others not.
    /// </summary>
    public static string WrittenDate(DateOnly d) =>
        $"ngày {(d.Day < 10 ? "0" : "")}{d.Day} tháng {(d.Month <= 2 ? "0" : "")}{d.Month} năm {d.Year}";

    /// <summary>
    /// The issuing body's lines at the top left, the upper one null when there is none: a provincial or city committee
    /// writes its own name alone ("THÀNH ỦY HÀ NỘI"); a committee under another (a commune or ward committee, a
    /// committee of the city's agencies) writes the Party organisation above it, then itself ("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"
    /// / "ĐẢNG ỦY PHƯỜNG CỬA NAM"); a body of a committee writes the committee, then itself without the committee's name
    /// ("THÀNH ỦY HÀ NỘI" / "BAN TỔ CHỨC"). Never both "ĐẢNG BỘ" and "THÀNH ỦY" of the same city.
    /// </summary>
    public static (string? Above, string Issuer) IssuingBody(Organisation issuer, Organisation? parent)
    {
        var partyParent = parent is { Kind: OrganisationKind.PartyCommittee };
        if (issuer.Kind == OrganisationKind.PartyCommittee)
            return partyParent ? (parent!.FullName, issuer.ShortName) : (null, issuer.ShortName);
        if (partyParent && issuer.Kind is OrganisationKind.AdvisoryBody or OrganisationKind.StandingCommittee
                or OrganisationKind.StandingOffice or OrganisationKind.ExecutiveCommittee)
        {
            // "Ban Tổ chức Thành ủy" under "Thành ủy Hà Nội" is written "BAN TỔ CHỨC": the committee is on the line above.
            var committee = string.Join(' ', parent!.ShortName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2));
            var own = issuer.ShortName.EndsWith(" " + committee, StringComparison.OrdinalIgnoreCase)
                ? issuer.ShortName[..^(committee.Length + 1)]
                : issuer.ShortName;
            return (parent.ShortName, own);
        }
        return (parent?.ShortName, issuer.ShortName);
    }
}
