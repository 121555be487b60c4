using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Organisations;

public sealed class MoveModel(ResoluteDbContext db) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? ParentCode { get; set; }
    public string Name { get; private set; } = "";
    public string? CurrentParent { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var parentId = await UnitPicker.ResolveAsync(db, ParentCode, "parentId", ct);
        await new MoveOrganisation(Id, parentId).HandleAsync(db, ct);
        TempData["Message"] = T("Đã chuyển đơn vị.");
        return RedirectToPage("Index", new { id = Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var u = await db.FindManageableAsync(Id, ct);
        Name = u.ShortName;
        // The parent may lie outside the user's scope (a ward office moving its own ward): then it is not named.
        CurrentParent = u.ParentId is { } p
            ? await db.Organisations.Where(o => o.Id == p).Select(o => o.ShortName).FirstOrDefaultAsync(ct)
            : null;
    }

    public (string Field, string Input)[] FieldMap => [("parentId", nameof(ParentCode))];

    public Task ReloadAsync(Exception error, CancellationToken ct) => Task.CompletedTask;
}
