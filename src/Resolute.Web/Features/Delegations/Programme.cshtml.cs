using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Delegations;

/// <summary>A body's annual programme of inspection and supervision: by quarter, coverage over the term, and warnings.</summary>
public sealed class ProgrammeModel(ResoluteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public InspectionProgramme.Result? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Year ??= db.Today.Year;
        if (Year is < 1990 or > 2999) throw new Domain.Common.DomainException("year", "Năm phải từ 1990 đến 2999.", "year");
        // By default the city's inspection commission when the user sees it, else the first unit of their scope.
        Guid? id;
        if (string.IsNullOrWhiteSpace(Unit))
            id = await db.Organisations.Where(o => o.Code == "UBKTTU").Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct)
                ?? (db.Scope.Roots.Length > 0 ? db.Scope.Roots[0] : null);
        else
        {
            var code = Organisations.UnitPicker.CodeOf(Unit);
            id = await db.Organisations.Where(o => o.Code == code).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            if (id is null) return NotFound();
        }
        if (id is { } org)
        {
            Result = await InspectionProgramme.BuildAsync(db, org, Year.Value, ct);
            Unit ??= await Organisations.UnitPicker.CodeOfAsync(db, org, ct);
        }
        return Page();
    }
}
