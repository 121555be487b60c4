using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Web.Data;

namespace Resolute.Web.Infrastructure.Access;

/// <summary>
/// What the current caller may see: the subtrees of the units they hold a role over.
/// Read from the signed-in principal's grant claims each time it is asked, so it is right even when the
/// DbContext was created before authentication finished. Outside a request (command line, start-up seeding,
/// background jobs) the caller is the system itself and is unrestricted.
/// </summary>
public sealed class AccessScope(IHttpContextAccessor http)
{
    public const string GrantClaim = "resolute:grant";
    public const string PersonClaim = "resolute:person";

    private ClaimsPrincipal? _cachedFor;
    private IReadOnlyList<Grant> _grants = [];
    private bool? _unrestrictedOverride;

    public readonly record struct Grant(ScopeRole Role, Guid OrganisationId);

    /// <summary>A delegation member's reading of a visited unit, for the delegation's period only (RULES.md §12).</summary>
    public readonly record struct TemporaryGrant(Guid DelegationId, Guid OrganisationId);

    private IReadOnlyList<TemporaryGrant> _temporary = [];

    /// <summary>The temporary grants in force for this request (read from the database by <see cref="TemporaryAccess"/>).</summary>
    public IReadOnlyList<TemporaryGrant> Temporary => _temporary;

    /// <summary>Adds this request's temporary grants: each reads the visited unit's subtree as an inspector does (reading only).</summary>
    public void GrantTemporarily(IReadOnlyList<TemporaryGrant> grants)
    {
        _temporary = grants;
        _cachedFor = null;
    }

    /// <summary>A scope for code that runs on behalf of the system, never of a user.</summary>
    public static AccessScope System() => new(new HttpContextAccessor()) { _unrestrictedOverride = true };

    public bool Unrestricted => _unrestrictedOverride ?? http.HttpContext is null;

    public Guid? UserId =>
        Guid.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The official the account belongs to: tasks naming them as responsible leader are theirs to see.</summary>
    public Guid? PersonId =>
        Guid.TryParse(http.HttpContext?.User.FindFirstValue(PersonClaim), out var id) ? id : null;

    public string? UserName => http.HttpContext?.User.Identity?.Name;

    public string? IpAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public IReadOnlyList<Grant> Grants
    {
        get
        {
            var user = http.HttpContext?.User;
            if (user is null) return [];
            if (!ReferenceEquals(user, _cachedFor))
            {
                _grants = [.. ReadGrants(user), .. _temporary.Select(t => new Grant(ScopeRole.Inspector, t.OrganisationId)).Distinct()];
                _cachedFor = user;
            }
            return _grants;
        }
    }

    public Guid[] Roots => Grants.Select(g => g.OrganisationId).Distinct().ToArray();

    public bool Has(ScopeRole role) => Unrestricted || Grants.Any(g => g.Role == role);

    public bool HasAny(Permission permission) => Unrestricted || Grants.Any(g => g.Role.Allows(permission));

    /// <summary>Whether the caller holds a role allowing <paramref name="permission"/> over a unit at or above <paramref name="organisationId"/>.</summary>
    public async Task<bool> CanAsync(ResoluteDbContext db, Permission permission, Guid organisationId, CancellationToken ct = default)
    {
        if (Unrestricted) return true;
        var roots = Grants.Where(g => g.Role.Allows(permission)).Select(g => g.OrganisationId).Distinct().ToArray();
        if (roots.Length == 0) return false;
        return await db.OrganisationClosures.AnyAsync(c => c.DescendantId == organisationId && roots.Contains(c.AncestorId), ct);
    }

    public static string Encode(ScopeRole role, Guid organisationId) => $"{role}:{organisationId}";

    private static List<Grant> ReadGrants(ClaimsPrincipal user)
    {
        var list = new List<Grant>();
        foreach (var claim in user.FindAll(GrantClaim))
        {
            var parts = claim.Value.Split(':', 2);
            if (parts.Length == 2 && Enum.TryParse<ScopeRole>(parts[0], out var role) && Guid.TryParse(parts[1], out var org))
                list.Add(new Grant(role, org));
        }
        return list;
    }
}
