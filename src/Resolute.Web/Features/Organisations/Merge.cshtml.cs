using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Organisations;

public sealed class MergeModel(ResoluteDbContext db, TimeProvider clock) : PageModel, IFormPage
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Cần chọn đơn vị tiếp nhận.")]
        public string? IntoCode { get; set; }

        [Required(ErrorMessage = "Cần nhập ngày sáp nhập.")]
        public DateOnly? On { get; set; }

        [Required(ErrorMessage = "Cần ghi rõ lý do (căn cứ quyết định sáp nhập)."), StringLength(500, ErrorMessage = "Lý do không được dài quá {1} ký tự.")]
        public string? Reason { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public string Name { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Name = (await db.FindManageableAsync(Id, ct)).ShortName;
        Input.On = DateOnly.FromDateTime(clock.GetLocalNow().Date);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Name = (await db.FindManageableAsync(Id, ct)).ShortName;
        if (!ModelState.IsValid) return Page();
        var into = await UnitPicker.ResolveAsync(db, Input.IntoCode, "intoId", ct);
        await new MergeOrganisation(Id, into!.Value, Input.On!.Value, Input.Reason!).HandleAsync(db, ct);
        TempData["Message"] = T("Đã sáp nhập đơn vị.");
        return RedirectToPage("Index", new { id = into });
    }

    public (string Field, string Input)[] FieldMap => [("intoId", "Input.IntoCode")];

    public Task ReloadAsync(Exception error, CancellationToken ct) => Task.CompletedTask;
}
