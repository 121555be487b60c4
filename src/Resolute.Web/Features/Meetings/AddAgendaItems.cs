using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Common;
using Resolute.Domain.Meetings;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Meetings;

/// <summary>
/// Puts items on a meeting's agenda: programme items (those of the committee's approved programmes for the forum, not
/// yet submitted or withdrawn; one click takes every item due by the meeting's month) or an item typed by hand.
/// </summary>
public sealed record AddAgendaItems(Guid MeetingId, int? Version, IReadOnlyList<Guid>? ProgrammeItemIds, bool AllDue, string? Title,
    string? PresentingUnitCode, string? PaperSymbol, bool RequireVersion = false)
{
    public async Task<Meeting> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var m = await MeetingRules.LoadAsync(db, MeetingId, ct);
        await MeetingRules.RequireKeeperAsync(db, m, ct);
        MeetingRules.CheckVersion(m, Version, RequireVersion);
        var ids = (ProgrammeItemIds ?? []).ToList();
        if (AllDue) ids.AddRange((await DueAsync(db, m, ct)).Select(i => i.Id));
        var added = 0;
        foreach (var id in ids.Distinct())
        {
            if (m.Agenda.Any(a => a.ProgrammeItemId == id)) continue;
            var item = await (from i in db.ProgrammeItems
                              join p in db.WorkProgrammes on i.ProgrammeId equals p.Id
                              where i.Id == id && p.OrganisationId == m.OrganisationId && p.State == ProgrammeState.Approved
                              select i).FirstOrDefaultAsync(ct)
                ?? throw new DomainException("programme-item", "Nội dung không thuộc chương trình công tác đã phê duyệt của cấp ủy này.", "programmeItemIds");
            if (item.State is ProgrammeItemState.Submitted or ProgrammeItemState.Withdrawn)
                throw new DomainException("programme-item", $"Nội dung số {item.Number} đã {(item.State == ProgrammeItemState.Submitted ? "được trình" : "rút khỏi chương trình")}.", "programmeItemIds");
            m.AddAgendaItem(item.IsSecret ? $"Nội dung mật số {item.Number} của chương trình công tác" : item.Content!, item.Id, item.PreparingUnitId, null);
            added++;
        }
        if (!string.IsNullOrWhiteSpace(Title))
        {
            var unit = await Units.FindAsync(db, null, PresentingUnitCode, "presentingUnitId", "cơ quan trình", ct);
            var paper = string.IsNullOrWhiteSpace(PaperSymbol) ? (Guid?)null : await Sources.BySymbolAsync(db, PaperSymbol, ct);
            m.AddAgendaItem(Title, null, unit?.Id, paper);
            added++;
        }
        if (added == 0) throw new DomainException("nothing", AllDue ? "Không có nội dung nào của chương trình công tác đến hạn trình mà chưa có trong chương trình họp." : "Cần chọn hoặc ghi nội dung họp.", "title");
        await db.SaveChangesAsync(ct);
        return m;
    }

    /// <summary>The programme items the meeting may hear: the committee's approved programmes for its forum, open, due by the end of the meeting's month.</summary>
    public static async Task<List<ProgrammeItem>> DueAsync(ResoluteDbContext db, Meeting m, CancellationToken ct)
    {
        var local = m.StartsAt + Infrastructure.VietnamTime.Offset;
        var month = new DateOnly(local.Year, local.Month, 1);
        var taken = m.Agenda.Where(a => a.ProgrammeItemId != null).Select(a => a.ProgrammeItemId!.Value).ToList();
        return await (from i in db.ProgrammeItems
                      join p in db.WorkProgrammes on i.ProgrammeId equals p.Id
                      where p.OrganisationId == m.OrganisationId && p.State == ProgrammeState.Approved && p.Kind == ProgrammeKind.Annual
                          && i.Forum == m.Forum && i.DueMonthInForce <= month
                          && (i.State == ProgrammeItemState.Planned || i.State == ProgrammeItemState.Postponed) && !taken.Contains(i.Id)
                      orderby i.DueMonthInForce, i.Number
                      select i).ToListAsync(ct);
    }
}
