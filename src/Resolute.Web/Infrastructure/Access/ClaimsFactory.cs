using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Resolute.Web.Data;

namespace Resolute.Web.Infrastructure.Access;

/// <summary>Puts the user's display name and role grants into the principal, for cookies and tokens alike.</summary>
public sealed class ClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options, ResoluteDbContext db)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    public const string DisplayNameClaim = "resolute:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.PersonId is { } person) identity.AddClaim(new Claim(AccessScope.PersonClaim, person.ToString()));
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == user.Id).ToListAsync();
        foreach (var g in grants)
            identity.AddClaim(new Claim(AccessScope.GrantClaim, AccessScope.Encode(g.Role, g.OrganisationId)));
        return identity;
    }
}
