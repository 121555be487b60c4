using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Programmes;

/// <summary>The month's schedule for the office: every item of an approved programme in scope due that month, by committee and forum.</summary>
public sealed class MonthModel(ResoluteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? M { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    public DateOnly Month { get; private set; }
    public List<ProgrammeQueries.ScheduleRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Month = ItemForm.MonthOf(M) ?? new DateOnly(db.Today.Year, db.Today.Month, 1);
        M = Month.ToString("yyyy-MM");
        var unit = await Units.FindAsync(db, null, Unit, "unit", "cấp ủy", ct);
        Rows = await ProgrammeQueries.MonthAsync(db, Month, unit?.Id, ct);
        return Page();
    }
}
