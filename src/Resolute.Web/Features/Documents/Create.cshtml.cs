using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Documents;

public sealed class CreateModel(ResoluteDbContext db, UserManager<User> users) : PageModel, IFormPage
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Số, ký hiệu không được để trống.")]
        public string Symbol { get; set; } = "";

        [Required(ErrorMessage = "Cần chọn loại văn bản.")]
        public Guid? TypeId { get; set; }

        [Required(ErrorMessage = "Cần nhập mã cơ quan ban hành.")]
        public string? IssuerCode { get; set; }

        [Required(ErrorMessage = "Cần nhập ngày ban hành.")]
        public DateOnly? IssuedOn { get; set; }

        [StringLength(120, ErrorMessage = "Người ký không được dài quá {1} ký tự.")]
        public string? Signer { get; set; }

        [StringLength(Document.SummaryMaxLength, ErrorMessage = "Trích yếu không được dài quá {1} ký tự.")]
        public string? Summary { get; set; }

        public Secrecy Secrecy { get; set; }
        public Urgency Urgency { get; set; }
        public string? FullText { get; set; }

        [StringLength(200, ErrorMessage = "Nơi lưu giữ không được dài quá {1} ký tự.")]
        public string? Holder { get; set; }

        public string? NeedToKnow { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public List<DocumentType> Types { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!db.Scope.HasAny(Permission.RegisterDocuments)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!db.Scope.HasAny(Permission.RegisterDocuments)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var names = (Input.NeedToKnow ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var doc = await new RegisterDocument(Input.Symbol, Input.TypeId!.Value, null, Input.IssuerCode, Input.IssuedOn!.Value, Input.Signer,
            Input.Summary, Input.Secrecy, Input.Urgency, Input.FullText, Input.Holder, names).HandleAsync(db, users, ct);
        TempData["Message"] = T("Đã đăng ký văn bản.");
        return RedirectToPage("Details", new { id = doc.Id });
    }

    public (string Field, string Input)[] FieldMap => [("issuerId", "Input.IssuerCode"), ("typeId", "Input.TypeId"), ("needToKnow", "Input.NeedToKnow")];

    public Task ReloadAsync(Exception error, CancellationToken ct) => LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct) =>
        Types = await db.DocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
}
