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
    /// <summary>
    /// The account's security stamp when the token was made: a password change or reset, disabling or re-enabling the
    /// account, or a change of its second factor moves the stamp and so ends every token made before it.
    /// </summary>
    public string UserStamp { get; set; } = "";
}

/// <summary>
/// A signed-in browser session. The cookie names it; signing out ends it, so a copied cookie stops working at once,
/// and every instance sees that through the database.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; } = Ids.New();
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? IpAddress { get; set; }
}

/// <summary>
/// A failed sign-in, kept a day for throttling: by the name tried (whether or not such an account exists) and the
/// address it came from. In the database, so every instance counts the same attempts.
/// </summary>
public sealed class SignInFailure
{
    public Guid Id { get; set; } = Ids.New();
    public string Key { get; set; } = "";
    public string? IpAddress { get; set; }
    public DateTime At { get; set; }
}

/// <summary>An <c>Idempotency-Key</c> an account used on a creating write, with the answer it got (see IdempotencyFilter).</summary>
public sealed class IdempotencyRecord
{
    public Guid UserId { get; set; }
    public string Key { get; set; } = "";
    public string Path { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>0 until the answer is stored.</summary>
    public int Status { get; set; }
    public string? Location { get; set; }
    public string? Body { get; set; }
}
