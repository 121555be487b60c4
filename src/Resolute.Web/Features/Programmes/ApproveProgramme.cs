using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Programmes;

/// <summary>
/// The leaders approve a complete programme: it is registered as its CTr document (the committee's next number in the
/// term, or the People's Committee's in the year, RULES.md §4) and every item becomes a task of its preparing unit, in one save.
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
        // A Party committee's programme is a Party document numbered per term; a People's Committee's a state one numbered per year.
        var system = committee.Kind == OrganisationKind.PartyCommittee ? DocumentSystem.Party : DocumentSystem.State;
        var type = await db.DocumentTypes.FirstAsync(t => t.System == system && t.Abbreviation == "CTr" && t.ValidTo == null, ct);
        string number, symbol;
        Guid? termId = null;
        if (system == DocumentSystem.Party)
        {
            var n = await DocumentNumbers.NextPartyAsync(db, committee, "CTr", on, ct);
            (number, symbol) = (n.ToString("00"), $"{n:00}-CTr/{DocumentNumbers.IssuerSuffix(committee)}");
            termId = (await Documents.DocumentRules.TermOnAsync(db, committee.Id, on, ct))?.Id;
        }
        else
        {
            var n = await DocumentNumbers.NextStateAsync(db, committee, on.Year, ct);
            (number, symbol) = (n.ToString(), $"{n}/CTr-{DocumentNumbers.StateSuffix(committee)}");
        }
        var document = new Document(system, type, number, symbol, committee.Id, committee.Level, termId, on, null, p.Title, Secrecy.None, Urgency.Normal,
            p.Preamble, null);
        db.Documents.Add(document);
        p.Approve(on, document.Id, db.Clock.GetUtcNow().UtcDateTime, Commands.Actor(db));
        foreach (var item in p.Items.OrderBy(i => i.Number)) await ProgrammeTasks.CreateAsync(db, p, item, on, ct);
        await db.SaveChangesAsync(ct);
        return p;
    }
}
