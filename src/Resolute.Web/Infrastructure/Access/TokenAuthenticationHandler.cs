using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Resolute.Web.Data;

namespace Resolute.Web.Infrastructure.Access;

/// <summary>Authenticates <c>Authorization: Bearer rsl_…</c> with a personal access token, with its holder's scope.</summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ResoluteDbContext db,
    UserManager<User> users,
    IUserClaimsPrincipalFactory<User> claims,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var pat = await PersonalAccessTokens.FindActiveAsync(db, token, now, Context.RequestAborted);
        if (pat is null) return AuthenticateResult.Fail("Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.");
        var user = await users.FindByIdAsync(pat.UserId.ToString());
        if (user is null || user.IsDisabled) return AuthenticateResult.Fail("Tài khoản đã bị khóa.");

        // Record use at most once a minute per token, so a busy client does not turn every read into a write.
        if (pat.LastUsedAt is null || now - pat.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            pat.LastUsedAt = now;
            db.RecordEvent(AuditActions.TokenUsed, nameof(PersonalAccessToken), pat.Id.ToString(), user.Id, user.UserName,
                new { pat.Prefix, path = Request.Path.Value });
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var principal = await claims.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
