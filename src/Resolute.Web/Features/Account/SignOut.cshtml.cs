using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Account;

public sealed class SignOutModel(SignInManager<User> signIn, ResoluteDbContext db) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        db.RecordEvent(AuditActions.SignOut, nameof(User), db.Scope.UserId?.ToString());
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        return Redirect("/Account/SignIn");
    }
}
