using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.People;
using Resolute.Web.Data;
using Resolute.Web.Features.Organisations;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.People;

/// <summary>Records a person in a post. A person already recorded gets a concurrent post from the person page (later).</summary>
public sealed class CreateModel(ResoluteDbContext db, TimeProvider clock) : PageModel, IFormPage
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Họ và tên không được để trống."), StringLength(Person.NameMaxLength, ErrorMessage = "Họ và tên không được dài quá {1} ký tự.")]
        public string FullName { get; set; } = "";

        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
        public string? Email { get; set; }

        [RegularExpression(@"^[0-9 +().-]{6,20}$", ErrorMessage = "Số điện thoại không hợp lệ.")]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "Cần chọn đơn vị.")]
        public string? UnitCode { get; set; }

        [Required(ErrorMessage = "Cần nhập chức vụ."), StringLength(Position.TitleMaxLength, ErrorMessage = "Chức vụ không được dài quá {1} ký tự.")]
        public string Title { get; set; } = "";

        public bool IsLeader { get; set; }

        [Required(ErrorMessage = "Cần nhập ngày bắt đầu giữ chức vụ.")]
        public DateOnly? StartsOn { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public IActionResult OnGet()
    {
        if (!db.Scope.HasAny(Permission.ManageOrganisations)) return StatusCode(StatusCodes.Status403Forbidden);
        Input.StartsOn = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!db.Scope.HasAny(Permission.ManageOrganisations)) return StatusCode(StatusCodes.Status403Forbidden);
        if (!ModelState.IsValid) return Page();
        var unitId = (await UnitPicker.ResolveAsync(db, Input.UnitCode, "unitCode", ct))!.Value;
        if (!await db.Scope.CanAsync(db, Permission.ManageOrganisations, unitId, ct))
            throw new ForbiddenException();
        var person = new Person(Input.FullName, Input.Email, Input.Phone);
        db.People.Add(person);
        db.Positions.Add(new Position(person.Id, unitId, Input.Title, Input.IsLeader, false, Input.StartsOn!.Value));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = T("Đã thêm cán bộ.");
        return RedirectToPage("/Organisations/Index", new { id = unitId });
    }

    public Task ReloadAsync(Exception error, CancellationToken ct) => Task.CompletedTask;
}
