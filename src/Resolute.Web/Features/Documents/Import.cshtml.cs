using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Access;
using Resolute.Web.Data;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Documents;

public sealed class ImportModel(ResoluteDbContext db, UserManager<User> users) : PageModel
{
    public ImportDocuments.Outcome? Outcome { get; private set; }

    public IActionResult OnGet() =>
        db.Scope.HasAny(Permission.RegisterDocuments) ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    public IActionResult OnGetTemplate() =>
        File(ImportDocuments.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-so-van-ban.xlsx");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!db.Scope.HasAny(Permission.RegisterDocuments)) return StatusCode(StatusCodes.Status403Forbidden);
        if (file is null || file.Length == 0)
        {
            Outcome = new(0, [new(0, "", "", T("Cần chọn tệp Excel."))]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var stream = file.OpenReadStream();
        Outcome = await ImportDocuments.HandleAsync(db, users, stream, ct);
        if (Outcome.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
