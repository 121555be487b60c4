using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Web.Data;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Account;

/// <summary>The second step of sign-in for accounts with an authenticator app (TOTP).</summary>
public sealed class SignInTwoFactorModel(SignInManager<User> signIn, ResoluteDbContext db, SignInThrottle throttle) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Cần nhập mã xác thực.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("SignIn");
        if (!ModelState.IsValid) return Page();
        // Second-factor guesses are throttled per account: the password is already known here.
        var key = "2FA:" + user.Id;
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttle.IsThrottledAsync(db, key, address, ct))
        {
            ModelState.AddModelError("", T("Nhập sai mã xác thực quá nhiều lần. Hãy đợi 15 phút rồi thử lại."));
            return Page();
        }
        var code = Code.Replace(" ", "").Replace("-", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (!result.Succeeded) await throttle.RecordAsync(db, key, address, ct);
        db.RecordEvent(result.Succeeded ? AuditActions.SignIn : AuditActions.SignInFailed,
            nameof(User), user.Id.ToString(), user.Id, user.UserName, new { secondFactor = "totp" });
        await db.SaveChangesAsync(ct);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", T("Mã xác thực không đúng hoặc đã hết hạn."));
        return Page();
    }
}
