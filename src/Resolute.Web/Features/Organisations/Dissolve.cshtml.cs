using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Organisations;

public sealed class DissolveModel(ResoluteDbContext db, TimeProvider clock) : PageModel, IFormPage
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Cần nhập ngày kết thúc hoạt động.")]
        public DateOnly? On { get; set; }

        public string? SuccessorCode { get; set; }

        [Required(ErrorMessage = "Cần ghi rõ lý do (căn cứ quyết định giải thể)."), StringLength(500, ErrorMessage = "Lý do không được dài quá {1} ký tự.")]
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
        var successor = await UnitPicker.ResolveAsync(db, Input.SuccessorCode, "successorId", ct);
        await new DissolveOrganisation(Id, Input.On!.Value, successor, Input.Reason!).HandleAsync(db, ct);
        TempData["Message"] = T("Đã ghi nhận đơn vị kết thúc hoạt động.");
        return RedirectToPage("Index", new { id = Id });
    }

    public (string Field, string Input)[] FieldMap => [("successorId", "Input.SuccessorCode")];

    public Task ReloadAsync(Exception error, CancellationToken ct) => Task.CompletedTask;
}
