using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Resolute.Domain.Audit;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;

namespace Resolute.Web.Data;

/// <summary>
/// Turns tracked changes (and explicit events such as sign-ins) into chained audit entries, inside the same
/// transaction as the change, under a lock so that entries from several instances form one chain.
/// </summary>
internal static class Auditing
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
        nameof(PersonalAccessToken.TokenHash), nameof(IdentityUserToken<Guid>.Value), nameof(Features.Assignments.CalendarKey.KeyHash),
    };

    /// <summary>Derived or machine-only data that would only add noise: closure rows, data-protection keys, the trail itself.</summary>
    public static bool IsAudited(EntityEntry e) =>
        e.Entity is not (AuditEntry or OrganisationClosure or DataProtectionKey);

    public sealed record Pending(string Action, string EntityType, string? EntityId, Guid? OrganisationId, string? Before, string? After,
        Guid? UserId = null, string? UserName = null);

    public static List<Pending> Collect(ChangeTracker tracker)
    {
        var list = new List<Pending>();
        foreach (var e in tracker.Entries())
        {
            if (!IsAudited(e) || e.State is EntityState.Unchanged or EntityState.Detached) continue;
            var props = e.Properties.Where(p => !Secret.Contains(p.Metadata.Name)).ToList();
            string? before = null, after = null;
            switch (e.State)
            {
                case EntityState.Added:
                    after = Json(props.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue));
                    break;
                case EntityState.Deleted:
                    before = Json(props.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue));
                    break;
                case EntityState.Modified:
                    var changed = props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    var secretChanged = e.Properties.Any(p => Secret.Contains(p.Metadata.Name) && p.IsModified && !Equals(p.OriginalValue, p.CurrentValue));
                    if (changed.Count == 0 && !secretChanged) continue;
                    before = Json(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue));
                    after = Json(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue));
                    if (secretChanged && changed.Count == 0) after = Json(new Dictionary<string, object?> { ["credentials"] = "changed" });
                    break;
            }
            var action = e.State switch { EntityState.Added => AuditActions.Create, EntityState.Deleted => AuditActions.Delete, _ => AuditActions.Update };
            // A token's last-use stamp changes only when the token is used; the handler records that use as its own event.
            if (e.Entity is PersonalAccessToken && e.State == EntityState.Modified
                && e.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(PersonalAccessToken.LastUsedAt)))
                continue;
            list.Add(new Pending(action, e.Metadata.ClrType.Name, Key(e), OrganisationOf(e.Entity), before, after));
        }
        return list;
    }

    private static string? Key(EntityEntry e)
    {
        var key = e.Metadata.FindPrimaryKey();
        return key is null ? null : string.Join(",", key.Properties.Select(p => e.Property(p.Name).CurrentValue?.ToString()));
    }

    private static Guid? OrganisationOf(object entity) => entity switch
    {
        Organisation o => o.Id,
        Position p => p.OrganisationId,
        Term t => t.OrganisationId,
        RoleGrant g => g.OrganisationId,
        Resolute.Domain.Documents.Document d => d.IssuerId,
        Resolute.Domain.Assignments.Assignment a => a.LeadId ?? a.AssignerId,
        Resolute.Domain.Reviews.ReviewCampaign c => c.OwnerId,
        Resolute.Domain.Reviews.UnitReport r => r.UnitId,
        _ => null,
    };

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(object value) => JsonSerializer.Serialize(value, JsonOptions);
}
