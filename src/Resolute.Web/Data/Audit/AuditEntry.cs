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
    /// <summary>The document or task the entry is about (a task for its reports, milestones, notifications…).</summary>
    public Guid? SubjectId { get; set; }
    /// <summary>Whether the subject was secret when the entry was written: its values are shown to the cleared only.</summary>
    public bool Secret { get; set; }
    /// <summary>Which key of the keyring signed the entry.</summary>
    public string KeyId { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public AuditContent Content() =>
        new(Sequence, At, UserId, UserName, IpAddress, Action, EntityType, EntityId, OrganisationId, Before, After, SubjectId, Secret, KeyId);
}

/// <summary>
/// The signed head of the audit chain: one row, moved with every entry written, so that removing the newest entries
/// (or all of them) no longer verifies.
/// </summary>
public sealed class AuditHead
{
    public int Id { get; set; } = 1;
    public long Sequence { get; set; }
    public string Hash { get; set; } = "";
    public string KeyId { get; set; } = "";
    public string Mac { get; set; } = "";
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
