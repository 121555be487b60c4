using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Web.Data;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Account;

/// <summary>The second step of sign-in for accounts with an authenticator app (TOTP).</summary>
public sealed class SignInTwoFactorModel(SignInManager<User> signIn, ResoluteDbContext db) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Cần nhập mã xác thực.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("SignIn");
        if (!ModelState.IsValid) return Page();
        var code = Code.Replace(" ", "").Replace("-", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        db.RecordEvent(result.Succeeded ? AuditActions.SignIn : result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed,
            nameof(User), user.Id.ToString(), user.Id, user.UserName, new { secondFactor = "totp" });
        await db.SaveChangesAsync();
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", result.IsLockedOut
            ? T("Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Hãy thử lại sau 15 phút.")
            : T("Mã xác thực không đúng hoặc đã hết hạn."));
        return Page();
    }
}
