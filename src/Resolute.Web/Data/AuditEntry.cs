using Resolute.Domain.Audit;

namespace Resolute.Web.Data;

/// <summary>
/// One entry of the append-only audit trail: who, when, from where, what, and the values before and after.
/// Written only by <see cref="ResoluteDbContext"/> as part of the change it records; never updated or deleted.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public string? IpAddress { get; set; }
    /// <summary>create, update, delete, sign-in, sign-in-failed, sign-out, token-used, locked-out…</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    /// <summary>The unit the record belongs to, for browsing the trail by unit subtree.</summary>
    public Guid? OrganisationId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public AuditContent Content() =>
        new(Sequence, At, UserId, UserName, IpAddress, Action, EntityType, EntityId, OrganisationId, Before, After);
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string TokenUsed = "token-used";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string TwoFactorDisabled = "two-factor-disabled";
    public const string BulkLoad = "bulk-load";
}
