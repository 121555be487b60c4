using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Assignments;

/// <summary>The morning page: where a unit and its subtree stand, with every number a link to the list behind it.</summary>
public sealed class DashboardModel(ResoluteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    /// <summary>Source filter: only the tasks born from this forum's conclusions ("conclusions of the standing committee").</summary>
    [BindProperty(SupportsGet = true)] public Resolute.Domain.Programmes.ProgrammeForum? Conclusions { get; set; }
    public Dashboard.Result Result { get; private set; } = null!;
    public bool CanAssign => db.Scope.HasAny(Resolute.Domain.Access.Permission.AssignTasks);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Guid? org = null;
        if (!string.IsNullOrWhiteSpace(Unit))
        {
            var code = Organisations.UnitPicker.CodeOf(Unit);
            org = await db.Organisations.Where(o => o.Code == code).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            if (org is null) return NotFound();
        }
        // By default the first unit the user holds a role over (the widest one when they hold several).
        org ??= db.Scope.Roots.FirstOrDefault() is var root && root != Guid.Empty ? root
            : await db.Organisations.Where(o => o.ParentId == null && o.Code == Demo.DemoSeeder.CityCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (org is null) return NotFound();
        Result = await Dashboard.BuildAsync(db, org.Value, ct, Conclusions);
        return Page();
    }
}
