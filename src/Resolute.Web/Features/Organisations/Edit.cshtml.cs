using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Organisations;

public sealed class EditModel(ResoluteDbContext db) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public UnitForm Input { get; set; } = new();
    public string Name { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var u = await db.FindManageableAsync(Id, ct);
        Name = u.ShortName;
        Input = new UnitForm { Code = u.Code, ShortName = u.ShortName, FullName = u.FullName, Kind = u.Kind, Level = u.Level, ValidFrom = u.ValidFrom };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var u = await db.FindManageableAsync(Id, ct);
        Name = u.ShortName;
        if (!ModelState.IsValid) return Page();
        await new UpdateOrganisation(Id, Input.Code, Input.ShortName, string.IsNullOrWhiteSpace(Input.FullName) ? Input.ShortName : Input.FullName,
            Input.Kind!.Value, Input.Level!.Value, Input.ValidFrom!.Value).HandleAsync(db, ct);
        TempData["Message"] = T("Đã lưu thay đổi.");
        return RedirectToPage("Index", new { id = Id });
    }

    public Task ReloadAsync(Exception error, CancellationToken ct) => Task.CompletedTask;
}
