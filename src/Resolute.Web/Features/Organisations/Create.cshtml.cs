using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Organisations;

public sealed class CreateModel(ResoluteDbContext db, TimeProvider clock) : PageModel, IFormPage
{
    [BindProperty] public UnitForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? parentId, CancellationToken ct)
    {
        if (parentId is { } p)
        {
            var parent = await db.FindManageableAsync(p, ct);
            Input.ParentCode = parent.Code;
            Input.Level = parent.Level;
        }
        else if (!db.Scope.HasAny(Permission.ManageOrganisations))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Input.ValidFrom = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var parentId = await UnitPicker.ResolveAsync(db, Input.ParentCode, "parentId", ct);
        var unit = await new CreateOrganisation(Input.Code, Input.ShortName, string.IsNullOrWhiteSpace(Input.FullName) ? Input.ShortName : Input.FullName,
            Input.Kind!.Value, Input.Level!.Value, parentId, Input.ValidFrom!.Value).HandleAsync(db, ct);
        TempData["Message"] = T("Đã thêm đơn vị.");
        return RedirectToPage("Index", new { id = unit.Id });
    }

    public (string Field, string Input)[] FieldMap => [("parentId", "Input.ParentCode")];

    public Task ReloadAsync(Exception error, CancellationToken ct) => Task.CompletedTask;
}
