using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Resolute.Web.Data;

namespace Resolute.Web.Infrastructure.Access;

/// <summary>
/// Authenticates <c>Authorization: Bearer rsl_…</c> with a personal access token, with its holder's scope. The token,
/// its account and the account's role grants are read in one query: every API call pays for this, so it is one round
/// trip, and the principal carries the same claims as a cookie sign-in (<see cref="ClaimsFactory"/>).
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ResoluteDbContext db,
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
        var hash = PersonalAccessTokens.Hash(token);
        var found = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new
            {
                t.Id,
                t.Prefix,
                t.LastUsedAt,
                u.UserName,
                u.DisplayName,
                u.PersonId,
                u.IsDisabled,
                Current = t.UserStamp == u.SecurityStamp,
                UserId = u.Id,
                Grants = db.RoleGrants.Where(g => g.UserId == u.Id).Select(g => new { g.Role, g.OrganisationId }).ToList(),
            })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null) return AuthenticateResult.Fail("Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.");
        if (found.IsDisabled) return AuthenticateResult.Fail("Tài khoản đã bị khóa.");
        // Made before the account's password, second factor or enabled state last changed: no longer valid.
        if (!found.Current) return AuthenticateResult.Fail("Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.");

        // Record use at most once a minute per token, so a busy client does not turn every read into a write.
        if (found.LastUsedAt is null || now - found.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            var pat = await db.PersonalAccessTokens.FirstAsync(t => t.Id == found.Id, Context.RequestAborted);
            pat.LastUsedAt = now;
            db.RecordEvent(AuditActions.TokenUsed, nameof(PersonalAccessToken), pat.Id.ToString(), found.UserId, found.UserName,
                new { pat.Prefix, path = Request.Path.Value });
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, found.UserId.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, found.UserName ?? ""));
        identity.AddClaim(new Claim(ClaimsFactory.DisplayNameClaim, found.DisplayName));
        if (found.PersonId is { } person) identity.AddClaim(new Claim(AccessScope.PersonClaim, person.ToString()));
        foreach (var g in found.Grants)
            identity.AddClaim(new Claim(AccessScope.GrantClaim, AccessScope.Encode(g.Role, g.OrganisationId)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
