using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Access;
using Resolute.Domain.Delegations;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Delegations;

/// <summary>The delegations of a year the user may see, by deciding body and kind, and the state of their recommendations.</summary>
public sealed class IndexModel(ResoluteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public DelegationKind? Kind { get; set; }
    public List<DelegationsApi.Summary> Delegations { get; private set; } = [];
    public List<DelegationsApi.RecommendationRow> Recommendations { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public Guid? UnitId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Year ??= db.Today.Year;
        if (Year is < 1990 or > 2999) throw new Domain.Common.DomainException("year", "Năm không hợp lệ.", "year");
        CanCreate = db.Scope.HasAny(Permission.AssignTasks);
        var unit = await Units.FindAsync(db, null, Unit, "unit", "cơ quan", ct);
        UnitId = unit?.Id;
        Delegations = await DelegationsApi.ListAsync(db, unit?.Id, Year, Kind, ct);
        Recommendations = await DelegationsApi.RecommendationsAsync(db, unit?.Id, Year, ct);
        return Page();
    }
}
