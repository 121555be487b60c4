using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Web.Data;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Account;

public sealed class SignInModel(SignInManager<User> signIn, ResoluteDbContext db) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Cần nhập tên đăng nhập.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Cần nhập mật khẩu.")]
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    private async Task RecordAsync(string action, User? user, object? details)
    {
        db.RecordEvent(action, nameof(User), user?.Id.ToString(), user?.Id, user?.UserName, details);
        await db.SaveChangesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await signIn.UserManager.FindByNameAsync(Input.UserName.Trim());
        if (user is { IsDisabled: true })
        {
            await RecordAsync(AuditActions.SignInFailed, user, new { reason = "disabled" });
            ModelState.AddModelError("", T("Tài khoản này đã bị khóa. Hãy liên hệ quản trị hệ thống."));
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await RecordAsync(AuditActions.SignIn, user, null);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("SignInTwoFactor", new { ReturnUrl });
        await RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, user,
            user is null ? new { attemptedUserName = Input.UserName.Trim()[..Math.Min(Input.UserName.Trim().Length, 100)] } : null);
        ModelState.AddModelError("", result.IsLockedOut
            ? T("Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Hãy thử lại sau 15 phút.")
            : T("Tên đăng nhập hoặc mật khẩu không đúng."));
        return Page();
    }
}
