using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Web.Data;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Account;

/// <summary>
/// Sign-in. An unknown name, a disabled account and a wrong password get the same message after the same work, so
/// neither the words nor the timing tell which names exist; repeated failures are throttled (<see cref="SignInThrottle"/>),
/// never locked, so nobody can lock someone else out.
/// </summary>
public sealed class SignInModel(SignInManager<User> signIn, ResoluteDbContext db, SignInThrottle throttle) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var name = Input.UserName.Trim();
        var key = SignInThrottle.KeyOf(name);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var attemptedUserName = name.Length > 100 ? name[..100] : name;
        if (await throttle.IsThrottledAsync(db, key, address, ct))
        {
            SignInThrottle.SpendPasswordCheck(Input.Password);
            await RecordAsync(AuditActions.SignInFailed, null, new { attemptedUserName, reason = "throttled" });
            ModelState.AddModelError("", T("Đăng nhập sai quá nhiều lần từ máy này. Hãy đợi 15 phút rồi thử lại."));
            return Page();
        }
        var user = await signIn.UserManager.FindByNameAsync(name);
        string reason;
        if (user is null)
        {
            SignInThrottle.SpendPasswordCheck(Input.Password);
            reason = "unknown";
        }
        else if (user.IsDisabled)
        {
            await signIn.UserManager.CheckPasswordAsync(user, Input.Password);
            reason = "disabled";
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false);
            if (result.Succeeded)
            {
                await RecordAsync(AuditActions.SignIn, user, null);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            }
            if (result.RequiresTwoFactor)
                return RedirectToPage("SignInTwoFactor", new { ReturnUrl });
            reason = result.IsLockedOut ? "disabled" : "password";
        }
        await throttle.RecordAsync(db, key, address, ct);
        await RecordAsync(AuditActions.SignInFailed, user, new { attemptedUserName, reason });
        ModelState.AddModelError("", T("Tên đăng nhập hoặc mật khẩu không đúng."));
        return Page();
    }
}
