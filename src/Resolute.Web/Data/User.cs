using Microsoft.AspNetCore.Identity;
using Resolute.Domain.Access;
using Resolute.Domain.Common;

namespace Resolute.Web.Data;

/// <summary>An account. It belongs to a person and holds roles over units (<see cref="RoleGrant"/>).</summary>
public sealed class User : IdentityUser<Guid>
{
    public User() => Id = Ids.New();

    public string DisplayName { get; set; } = "";
    public Guid? PersonId { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A role held over a unit and everything below it.</summary>
public sealed class RoleGrant
{
    public Guid Id { get; set; } = Ids.New();
    public Guid UserId { get; set; }
    public ScopeRole Role { get; set; }
    public Guid OrganisationId { get; set; }
}

/// <summary>A personal access token for the JSON API. Only its SHA-256 hash is stored.</summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; } = Ids.New();
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    /// <summary>The first characters of the token, so a user can tell their tokens apart.</summary>
    public string Prefix { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
