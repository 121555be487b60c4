using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Organisations;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Programmes;

/// <summary>A programme with the names its items refer to, what is still missing and what the caller may do: for pages, the API and documents.</summary>
public sealed class ProgrammeView
{
    public required WorkProgramme Programme { get; init; }
    public required Organisation Committee { get; init; }
    public Organisation? CommitteeParent { get; init; }
    public string? DocumentSymbol { get; init; }
    public required IReadOnlyList<Row> Items { get; init; }
    public required IReadOnlyList<ProgrammeGap> Gaps { get; init; }
    public bool CanKeep { get; init; }
    public bool CanDecide { get; init; }
    public DateOnly Today { get; init; }

    /// <summary>An item as shown: a secret item's content is never on the system, so it reads "Nội dung mật".</summary>
    public sealed record Row(ProgrammeItem Item, string Content, string? TypeName, string? SourceSymbol, Guid? PreparingUnitId, string? PreparingUnit,
        IReadOnlyList<string> Coordinators, string? Member, ProgrammeItemStatus Status)
    {
        public string Due => Item.DueMonthInForce is { } m ? ProgrammeNames.DueName(m, Item.ByQuarter) : "";
        public string? OriginalDue => Item.WasPostponed && Item.DueMonth is { } m ? ProgrammeNames.DueName(m, Item.ByQuarter) : null;
    }

    public const string SecretContent = "Nội dung mật (hồ sơ lưu tại văn phòng cấp ủy)";

    public static async Task<ProgrammeView> LoadAsync(ResoluteDbContext db, Guid id, CancellationToken ct)
    {
        var p = await ProgrammeRules.LoadAsync(db, id, ct);
        var today = db.Today;
        var orgIds = p.Items.SelectMany(i => i.CoordinatorIds.Append(i.PreparingUnitId ?? Guid.Empty)).Append(p.OrganisationId).Distinct().ToArray();
        var orgs = await db.Organisations.IgnoreQueryFilters().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var committee = orgs[p.OrganisationId];
        var parent = committee.ParentId is { } pid ? await db.Organisations.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Id == pid, ct) : null;
        var people = p.Items.Where(i => i.MemberInChargeId != null).Select(i => i.MemberInChargeId!.Value).Distinct().ToArray();
        var names = await db.People.IgnoreQueryFilters().Where(x => people.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.FullName, ct);
        var docIds = p.Items.Where(i => i.SourceDocumentId != null).Select(i => i.SourceDocumentId!.Value).Append(p.DocumentId ?? Guid.Empty).Distinct().ToArray();
        var symbols = await db.Documents.Where(d => docIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Symbol, ct);
        var types = await db.DocumentTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var rows = p.Items.OrderBy(i => i.Number).Select(i => new Row(i, i.IsSecret ? SecretContent : i.Content ?? "",
            i.ContentTypeId is { } t ? types.GetValueOrDefault(t) : null,
            i.SourceDocumentId is { } s ? symbols.GetValueOrDefault(s) : null,
            i.PreparingUnitId, i.PreparingUnitId is { } u && orgs.TryGetValue(u, out var o) ? o.ShortName : null,
            i.CoordinatorIds.Where(orgs.ContainsKey).Select(c => orgs[c].ShortName).ToList(),
            i.MemberInChargeId is { } m ? names.GetValueOrDefault(m) : null,
            i.StatusOn(today))).ToList();
        return new ProgrammeView
        {
            Programme = p,
            Committee = committee,
            CommitteeParent = parent,
            DocumentSymbol = p.DocumentId is { } d ? symbols.GetValueOrDefault(d) : null,
            Items = rows,
            Gaps = p.Gaps(),
            CanKeep = await db.Scope.CanAsync(db, Permission.AssignTasks, p.OrganisationId, ct),
            CanDecide = await db.Scope.CanAsync(db, Permission.ApproveProgrammes, p.OrganisationId, ct),
            Today = today,
        };
    }
}
