using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Documents;
using Resolute.Domain.Meetings;
using Resolute.Domain.Organisations;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Features.Programmes;

namespace Resolute.Web.Features.Meetings;

/// <summary>
/// Issues the notice of conclusions: registered as its TB document (a Party committee's next number in the term,
/// "125-TB/TU"; a People's Committee's in the year) and the programme items the meeting heard recorded as submitted on
/// the meeting's day — in one transaction.
/// </summary>
public sealed record IssueNotice(Guid MeetingId, int? Version, DateOnly? On = null, bool RequireVersion = false)
{
    public async Task<Meeting> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var m = await MeetingRules.LoadAsync(db, MeetingId, ct);
        await MeetingRules.RequireKeeperAsync(db, m, ct);
        MeetingRules.CheckVersion(m, Version, RequireVersion);
        var today = db.Today;
        var on = On ?? today;
        if (on > today) throw new Domain.Common.DomainException("future", "Ngày ban hành không được sau hôm nay.", "on");
        var held = Infrastructure.VietnamTime.DateOf(m.StartsAt);
        if (on < held) throw new Domain.Common.DomainException("before-meeting", "Thông báo kết luận ban hành sau cuộc họp.", "on");
        var committee = await db.Organisations.IgnoreQueryFilters().FirstAsync(o => o.Id == m.OrganisationId, ct);
        var system = committee.Kind == OrganisationKind.PartyCommittee ? DocumentSystem.Party : DocumentSystem.State;
        var type = await db.DocumentTypes.FirstAsync(t => t.System == system && t.Abbreviation == "TB" && t.ValidTo == null, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        string number, symbol;
        Guid? termId = null;
        if (system == DocumentSystem.Party)
        {
            var n = await DocumentNumbers.NextPartyAsync(db, committee, "TB", on, ct);
            (number, symbol) = (n.ToString("00"), $"{n:00}-TB/{DocumentNumbers.IssuerSuffix(committee)}");
            termId = (await Documents.DocumentRules.TermOnAsync(db, committee.Id, on, ct))?.Id;
        }
        else
        {
            var n = await DocumentNumbers.NextStateAsync(db, committee, on.Year, ct);
            (number, symbol) = (n.ToString(), $"{n}/TB-{DocumentNumbers.StateSuffix(committee)}");
        }
        var summary = $"Kết luận của {m.Forum.VietnameseName()} tại {m.Name[..1].ToLowerInvariant()}{m.Name[1..]} ngày {held:dd/MM/yyyy}";
        var document = new Document(system, type, number, symbol, committee.Id, committee.Level, termId, on, null, summary, m.Secrecy,
            Urgency.Normal, m.IsSecret ? null : string.Join("\n", m.Conclusions.OrderBy(c => c.Number).Select(c => $"{c.Number}. {c.Text}")), null);
        db.Documents.Add(document);
        m.IssueNotice(document.Id, on);
        await db.SaveChangesAsync(ct);

        // The programme items heard at the meeting were submitted that day.
        foreach (var item in m.Agenda.Where(a => a.ProgrammeItemId != null).Select(a => a.ProgrammeItemId!.Value).ToList())
        {
            var row = await db.ProgrammeItems.Where(i => i.Id == item).Select(i => new { i.ProgrammeId, i.State }).FirstOrDefaultAsync(ct);
            if (row is null || row.State is ProgrammeItemState.Submitted or ProgrammeItemState.Withdrawn) continue;
            await new ChangeItemState(row.ProgrammeId, item, null, "submitted", held, null, null, null).HandleAsync(db, ct);
        }
        await tx.CommitAsync(ct);
        return m;
    }
}
