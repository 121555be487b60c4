using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Access;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Meetings;

/// <summary>The meetings of a month (the office's calendar), by forum and committee.</summary>
public sealed class IndexModel(ResoluteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? M { get; set; }
    [BindProperty(SupportsGet = true)] public ProgrammeForum? Forum { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    public DateOnly Month { get; private set; }
    public List<MeetingsApi.Summary> Meetings { get; private set; } = [];
    public bool CanCall { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Month = Programmes.ItemForm.MonthOf(M) ?? new DateOnly(db.Today.Year, db.Today.Month, 1);
        M = Month.ToString("yyyy-MM");
        CanCall = db.Scope.HasAny(Permission.AssignTasks);
        var unit = await Units.FindAsync(db, null, Unit, "unit", "cấp ủy", ct);
        Meetings = (await MeetingsApi.ListAsync(db, unit?.Id, Forum, Month, Month.AddMonths(1).AddDays(-1), ct)).OrderBy(m => m.StartsAt).ToList();
        return Page();
    }
}
