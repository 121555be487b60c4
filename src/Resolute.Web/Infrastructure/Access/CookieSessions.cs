using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Web.Data;

namespace Resolute.Web.Infrastructure.Access;

/// <summary>
/// Server-side sessions behind the sign-in cookie. Signing in records a session and puts its id in the cookie; every
/// request checks, in one indexed read, that the session has not ended, the account is not disabled and its security
/// stamp is the cookie's. So signing out, a password change or reset, and disabling an account end the cookie at once,
/// on every instance, not when it expires.
/// </summary>
public static class CookieSessions
{
    public const string SessionClaim = "resolute:session";

    public static void Configure(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = SigningInAsync;
        events.OnValidatePrincipal = ValidateAsync;
    }

    /// <summary>The session id survives Identity's refresh of the principal (after a stamp check or a role change).</summary>
    public static Task CopySession(SecurityStampRefreshingPrincipalContext ctx)
    {
        if (ctx.CurrentPrincipal?.FindFirst(SessionClaim) is { } claim && ctx.NewPrincipal?.Identity is ClaimsIdentity id && !id.HasClaim(c => c.Type == SessionClaim))
            id.AddClaim(new Claim(SessionClaim, claim.Value));
        return Task.CompletedTask;
    }

    private static async Task SigningInAsync(CookieSigningInContext ctx)
    {
        if (ctx.Principal?.Identity is not ClaimsIdentity identity) return;
        var db = ctx.HttpContext.RequestServices.GetRequiredService<ResoluteDbContext>();
        var clock = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (!Guid.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        // A new sign-in (or a refresh after a password or second-factor change) replaces the session this browser had.
        if (Guid.TryParse(ctx.HttpContext.User.FindFirst(SessionClaim)?.Value, out var previous))
            await db.UserSessions.Where(s => s.Id == previous && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now));
        foreach (var old in identity.FindAll(SessionClaim).ToList()) identity.RemoveClaim(old);
        var session = new UserSession { UserId = userId, CreatedAt = now, IpAddress = ctx.HttpContext.Connection.RemoteIpAddress?.ToString() };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        identity.AddClaim(new Claim(SessionClaim, session.Id.ToString()));
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var principal = ctx.Principal;
        var db = ctx.HttpContext.RequestServices.GetRequiredService<ResoluteDbContext>();
        var stampType = ctx.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirst(stampType)?.Value;
        var valid = Guid.TryParse(principal?.FindFirst(SessionClaim)?.Value, out var sessionId)
            && await db.UserSessions.AsNoTracking().AnyAsync(s => s.Id == sessionId && s.EndedAt == null
                && db.Users.Any(u => u.Id == s.UserId && !u.IsDisabled && u.SecurityStamp == stamp), ctx.HttpContext.RequestAborted);
        if (!valid)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Ends the current browser session (signing out).</summary>
    public static async Task EndAsync(ResoluteDbContext db, ClaimsPrincipal user, DateTime now)
    {
        if (Guid.TryParse(user.FindFirst(SessionClaim)?.Value, out var id))
            await db.UserSessions.Where(s => s.Id == id && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now));
    }
}
