using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Organisations;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Programmes;

/// <summary>
/// The programmes the caller may see, by year and kind; for a caller over a committee with committees below it (the
/// city over its communes and wards), the adoption table of this year's annual programmes.
/// </summary>
public sealed class IndexModel(ResoluteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public ProgrammeKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    public List<ProgrammesApi.Summary> Programmes { get; private set; } = [];
    public bool CanDraft { get; private set; }
    public Organisation? AdoptionParent { get; private set; }
    public List<ProgrammeQueries.AdoptionRow> Adoption { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= db.Today.Year;
        CanDraft = db.Scope.HasAny(Permission.AssignTasks);
        var unit = await Units.FindAsync(db, null, Unit, "unit", "đơn vị", ct);
        Programmes = await ProgrammeQueries.ListAsync(db, unit?.Id, Year, Kind, ct);
        // The widest committee the caller holds a role over that has Party committees below it.
        var roots = db.Scope.Unrestricted ? null : db.Scope.Grants.Select(g => g.OrganisationId).ToArray();
        AdoptionParent = unit is { Kind: OrganisationKind.PartyCommittee } ? unit : await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.PartyCommittee && o.ValidTo == null && (roots == null || roots.Contains(o.Id))
                && db.Organisations.Any(c => c.ParentId == o.Id && c.Kind == OrganisationKind.PartyCommittee && c.ValidTo == null))
            .OrderBy(o => o.Level).FirstOrDefaultAsync(ct);
        if (AdoptionParent is not null) Adoption = await ProgrammeQueries.AdoptionAsync(db, AdoptionParent.Id, Year.Value, ct);
    }
}
