using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Access;
using Resolute.Web.Data;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Assignments;

public sealed class ImportModel(ResoluteDbContext db, UserManager<User> users, IConfiguration config) : PageModel
{
    public AssignmentExcel.Outcome? Outcome { get; private set; }

    public IActionResult OnGet() =>
        db.Scope.HasAny(Permission.AssignTasks) ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    public IActionResult OnGetTemplate() => File(AssignmentExcel.Template(), AssignmentExcel.ContentType, "mau-nhiem-vu.xlsx");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!db.Scope.HasAny(Permission.AssignTasks)) return StatusCode(StatusCodes.Status403Forbidden);
        if (file is null || file.Length == 0)
        {
            Outcome = new(0, 0, [new(0, "", "", T("Cần chọn tệp Excel."))]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var stream = file.OpenReadStream();
        Outcome = await AssignmentExcel.ImportAsync(db, users, config, stream, ct);
        if (Outcome.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
