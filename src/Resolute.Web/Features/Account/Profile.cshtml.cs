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
    [BindProperty] public PasswordInput Password { get; set; } = new();
    public string UserName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateTokenAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var user = await CurrentAsync();
        var name = string.IsNullOrWhiteSpace(TokenName) ? T("Mã truy cập") : TokenName.Trim()[..Math.Min(TokenName.Trim().Length, 100)];
        NewToken = await PersonalAccessTokens.CreateAsync(db, user.Id, name, clock.GetUtcNow().UtcDateTime, ct: ct);
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
        Tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderByDescending(t => t.Id).ToListAsync(ct);
    }
}
