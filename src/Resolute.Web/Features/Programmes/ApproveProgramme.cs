using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Documents;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Programmes;

/// <summary>
/// The leaders approve a complete programme: it is registered as its CTr document (the committee's next number in the
/// term, RULES.md §4) and every item becomes a task of its preparing unit, in one save.
/// </summary>
public sealed record ApproveProgramme(Guid Id, int? Version, DateOnly? On = null, bool RequireVersion = false)
{
    public async Task<WorkProgramme> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var p = await ProgrammeRules.LoadAsync(db, Id, ct);
        await ProgrammeRules.RequireLeaderAsync(db, p, ct);
        ProgrammeRules.CheckVersion(p, Version, RequireVersion);
        var today = db.Today;
        var on = On ?? today;
        if (on > today) throw new Domain.Common.DomainException("future", "Ngày phê duyệt không được sau hôm nay.", "on");
        // Nothing is registered for a programme that cannot be approved; the domain says what is missing.
        p.EnsureApprovable();
        var committee = await db.Organisations.IgnoreQueryFilters().FirstAsync(o => o.Id == p.OrganisationId, ct);
        var type = await db.DocumentTypes.FirstAsync(t => t.System == DocumentSystem.Party && t.Abbreviation == "CTr" && t.ValidTo == null, ct);
        var number = await PartyNumbers.NextAsync(db, committee, "CTr", on, ct);
        var term = await Documents.DocumentRules.TermOnAsync(db, committee.Id, on, ct);
        var document = new Document(DocumentSystem.Party, type, number.ToString("00"), $"{number:00}-CTr/{PartyNumbers.IssuerSuffix(committee)}",
            committee.Id, committee.Level, term?.Id, on, null, p.Title, Secrecy.None, Urgency.Normal, p.Preamble, null);
        db.Documents.Add(document);
        p.Approve(on, document.Id, db.Clock.GetUtcNow().UtcDateTime, Commands.Actor(db));
        foreach (var item in p.Items.OrderBy(i => i.Number)) await ProgrammeTasks.CreateAsync(db, p, item, ct);
        await db.SaveChangesAsync(ct);
        return p;
    }
}
