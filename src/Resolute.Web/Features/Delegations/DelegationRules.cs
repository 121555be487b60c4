using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Delegations;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Delegations;

/// <summary>Loading through the scope, who may keep a delegation, and the registration of its documents.</summary>
public static class DelegationRules
{
    public const string StaleMessage = "Đoàn đã được người khác cập nhật trong lúc bạn sửa. Hãy tải lại trang để xem thay đổi mới nhất rồi thực hiện lại.";

    public static async Task<Delegation> LoadAsync(ResoluteDbContext db, Guid id, CancellationToken ct) =>
        await db.Delegations.Include(d => d.Members).Include(d => d.Visits).Include(d => d.Sessions)
            .Include(d => d.Conclusions).ThenInclude(c => c.Findings).Include(d => d.Conclusions).ThenInclude(c => c.Recommendations)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new NotFoundException("Không tìm thấy đoàn, hoặc bạn không có quyền xem.");

    public static void CheckVersion(Delegation d, int? expected, bool required = false)
    {
        if (required) Versions.Required(expected);
        if (expected is { } v && v != d.Version) throw new ConflictException(StaleMessage);
    }

    /// <summary>The deciding body's office keeps the delegation (sets it up, records its sessions and conclusions).</summary>
    public static Task RequireKeeperAsync(ResoluteDbContext db, Delegation d, CancellationToken ct) =>
        Commands.RequireAsync(db, Permission.AssignTasks, d.OrganisationId, "Chỉ văn phòng của cơ quan quyết định thành lập đoàn được cập nhật đoàn.", ct);

    /// <summary>
    /// Who gives a visited unit its tasks (the report on the outline, each recommendation): the nearest unit at or above
    /// the deciding body that is above the visited unit — the committee an inspection commission works for — while the
    /// deciding body follows them up. A body outside the unit's line (a Central steering committee) gives none.
    /// </summary>
    public static async Task<Guid> AssignerForAsync(ResoluteDbContext db, Delegation d, Guid unitId, CancellationToken ct)
    {
        var above = db.OrganisationClosures.Where(c => c.DescendantId == unitId).Select(c => c.AncestorId);
        return await db.OrganisationClosures.Where(c => c.DescendantId == d.OrganisationId && above.Contains(c.AncestorId))
                .OrderBy(c => c.Depth).Select(c => (Guid?)c.AncestorId).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("outside", "Đơn vị được làm việc không thuộc hệ thống của cơ quan thành lập đoàn; không giao nhiệm vụ được từ đây.", "unitId");
    }

    /// <summary>
    /// Registers a document the delegation's body issues (its decision QĐ, a conclusion KL or a notice of results TB): a
    /// Party body numbers per type in the term of the committee it belongs to ("15-QĐ/UBKTTU"); a state body in its yearly series.
    /// </summary>
    public static async Task<Document> RegisterAsync(ResoluteDbContext db, Guid issuerId, string abbreviation, DateOnly day, string summary, string? text, CancellationToken ct)
    {
        var issuer = await db.Organisations.IgnoreQueryFilters().FirstAsync(o => o.Id == issuerId, ct);
        var party = issuer.Kind is not (OrganisationKind.PeoplesCommittee or OrganisationKind.StateAgency or OrganisationKind.PeoplesCouncil);
        var system = party ? DocumentSystem.Party : DocumentSystem.State;
        // A state body has no conclusion type (Nghị định 30/2020/NĐ-CP): it notifies its conclusion (TB).
        if (!party && abbreviation == "KL") abbreviation = "TB";
        // "QĐ" is both a decision and a regulation among Party documents: the type is taken by its name too.
        var name = abbreviation switch { "QĐ" => "Quyết định", "KL" => "Kết luận", "TB" => "Thông báo", _ => null };
        var type = await db.DocumentTypes.Where(t => t.System == system && t.Abbreviation == abbreviation && t.ValidTo == null)
                .OrderBy(t => name != null && t.Name == name ? 0 : 1).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("type", $"Chưa có loại văn bản {abbreviation} trong bảng loại văn bản.");
        string number, symbol;
        Guid? termId = null;
        if (party)
        {
            // The term of the nearest committee at or above the issuer (an inspection commission numbers in its committee's term).
            var term = await (from c in db.OrganisationClosures
                              join t in db.Terms on c.AncestorId equals t.OrganisationId
                              where c.DescendantId == issuer.Id && t.StartsOn <= day && (t.EndsOn == null || t.EndsOn >= day)
                              orderby c.Depth
                              select t).FirstOrDefaultAsync(ct)
                ?? throw new DomainException("term", $"Chưa khai báo nhiệm kỳ của cấp ủy có {issuer.ShortName} bao trùm ngày {day:dd/MM/yyyy}.");
            termId = term.Id;
            var n = await DocumentNumbers.NextPartyInTermAsync(db, issuer.Id, abbreviation, term.Id, ct);
            (number, symbol) = (n.ToString("00"), $"{n:00}-{abbreviation}/{DocumentNumbers.IssuerSuffix(issuer)}");
        }
        else
        {
            var n = await DocumentNumbers.NextStateAsync(db, issuer, day.Year, ct);
            (number, symbol) = (n.ToString(), $"{n}/{abbreviation}-{DocumentNumbers.StateSuffix(issuer)}");
        }
        var document = new Document(system, type, number, symbol, issuer.Id, issuer.Level, termId, day, null, summary, Secrecy.None, Urgency.Normal, text, null);
        db.Documents.Add(document);
        return document;
    }
}
