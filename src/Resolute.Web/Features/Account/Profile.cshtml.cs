using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure.Access;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Account;

/// <summary>The user's own account: personal access tokens for the API, and password change.</summary>
public sealed class ProfileModel(ResoluteDbContext db, UserManager<User> users, SignInManager<User> signIn, TimeProvider clock) : PageModel
{
    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Cần nhập mật khẩu hiện tại.")] public string Current { get; set; } = "";
        [Required(ErrorMessage = "Cần nhập mật khẩu mới.")] public string New { get; set; } = "";
        [Compare(nameof(New), ErrorMessage = "Mật khẩu nhập lại không khớp.")] public string Confirm { get; set; } = "";
    }

    public List<PersonalAccessToken> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }
    [BindProperty] public string? TokenName { get; set; }
    /// <summary>Making a token asks for the password again (and the second factor when on): a token outlives the session.</summary>
    [BindProperty] public string? TokenPassword { get; set; }
    [BindProperty] public string? TokenCode { get; set; }
    [BindProperty] public PasswordInput Password { get; set; } = new();
    public string UserName { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public string? AuthenticatorKey { get; private set; }
    public string? QrCodePng { get; private set; }
    [BindProperty] public string? TwoFactorCode { get; set; }

    /// <summary>Step 1 of turning on two-factor sign-in: a new authenticator key, shown as text and as a QR code.</summary>
    public async Task<IActionResult> OnPostSetupTwoFactorAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var user = await CurrentAsync();
        await users.ResetAuthenticatorKeyAsync(user);
        // A new key moves the account's security stamp, which ends every session made before: this one goes on.
        await signIn.RefreshSignInAsync(user);
        await ShowKeyAsync(user);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Step 2: the user proves the app works by typing a code; only then is two-factor sign-in required.</summary>
    public async Task<IActionResult> OnPostConfirmTwoFactorAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var user = await CurrentAsync();
        var code = (TwoFactorCode ?? "").Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(TwoFactorCode), T("Mã xác thực không đúng hoặc đã hết hạn."));
            await ShowKeyAsync(user);
            await LoadAsync(ct);
            return Page();
        }
        db.RecordEvent(AuditActions.TwoFactorEnabled, nameof(User), user.Id.ToString());
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = T("Đã bật xác thực hai bước.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync(CancellationToken ct)
    {
        var user = await CurrentAsync();
        db.RecordEvent(AuditActions.TwoFactorDisabled, nameof(User), user.Id.ToString());
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = T("Đã tắt xác thực hai bước.");
        return RedirectToPage();
    }

    private async Task ShowKeyAsync(User user)
    {
        AuthenticatorKey = await users.GetAuthenticatorKeyAsync(user);
        var uri = $"otpauth://totp/Resolute:{Uri.EscapeDataString(user.UserName ?? "")}?secret={AuthenticatorKey}&issuer=Resolute&digits=6";
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCoder.QRCodeGenerator.ECCLevel.Q);
        QrCodePng = "data:image/png;base64," + Convert.ToBase64String(new QRCoder.PngByteQRCode(data).GetGraphic(5));
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateTokenAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var user = await CurrentAsync();
        if (!await users.CheckPasswordAsync(user, TokenPassword ?? ""))
            ModelState.AddModelError(nameof(TokenPassword), T("Mật khẩu không đúng: cần nhập lại mật khẩu để tạo mã truy cập."));
        else if (user.TwoFactorEnabled && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider,
                     (TokenCode ?? "").Replace(" ", "").Replace("-", "")))
            ModelState.AddModelError(nameof(TokenCode), T("Mã xác thực không đúng hoặc đã hết hạn."));
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var name = string.IsNullOrWhiteSpace(TokenName) ? T("Mã truy cập") : TokenName.Trim()[..Math.Min(TokenName.Trim().Length, 100)];
        NewToken = await PersonalAccessTokens.CreateAsync(db, user.Id, name, clock.GetUtcNow().UtcDateTime, ct: ct);
        await LoadAsync(ct);
        return Page();
    }

    public string? CalendarUrl { get; private set; }

    /// <summary>A new calendar feed address (the old one stops working), shown once.</summary>
    public async Task<IActionResult> OnPostCalendarAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var user = await CurrentAsync();
        var key = await Features.Assignments.CalendarFeed.CreateKeyAsync(db, user.Id, ct);
        CalendarUrl = $"{Request.Scheme}://{Request.Host}/calendar/{key}.ics";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken ct)
    {
        var user = await CurrentAsync();
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.Id, ct);
        if (token is null) return NotFound();
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = T("Đã thu hồi mã truy cập.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var user = await CurrentAsync();
        var result = await users.ChangePasswordAsync(user, Password.Current, Password.New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("Password.New", e.Description);
            await LoadAsync(ct);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = T("Đã đổi mật khẩu.");
        return RedirectToPage();
    }

    private async Task<User> CurrentAsync() => await users.GetUserAsync(User) ?? throw new Infrastructure.NotFoundException();

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = await CurrentAsync();
        UserName = user.UserName ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        Tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderByDescending(t => t.Id).ToListAsync(ct);
    }
}
