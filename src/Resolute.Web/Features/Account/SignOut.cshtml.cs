using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Account;

public sealed class SignOutModel(SignInManager<User> signIn, ResoluteDbContext db, TimeProvider clock) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        db.RecordEvent(AuditActions.SignOut, nameof(User), db.Scope.UserId?.ToString());
        await db.SaveChangesAsync();
        // The session ends in the database, so the cookie stops working everywhere, even a copy of it.
        await Infrastructure.Access.CookieSessions.EndAsync(db, User, clock.GetUtcNow().UtcDateTime);
        await signIn.SignOutAsync();
        return Redirect("/Account/SignIn");
    }
}
