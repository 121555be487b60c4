using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        nameof(PersonalAccessToken.TokenHash), nameof(PersonalAccessToken.UserStamp), nameof(IdentityUserToken<Guid>.Value), nameof(CalendarKey.KeyHash),
    };

    /// <summary>Derived or machine-only data that would only add noise: closure rows, data-protection keys, the trail itself.</summary>
    public static bool IsAudited(EntityEntry e) =>
        e.Entity is not (AuditEntry or AuditHead or OrganisationClosure or DataProtectionKey or UserSession or SignInFailure or IdempotencyRecord);

    public sealed record Pending(string Action, string EntityType, string? EntityId, Guid? OrganisationId, string? Before, string? After,
        Guid? UserId = null, string? UserName = null, Guid? SubjectId = null, bool Secret = false);

    /// <summary>
    /// The entries for the tracked changes, each tied to the document or task it is about (its subject) and marked
    /// secret when that record is: a secret record's entries keep every value (the chain signs them) but are shown
    /// only to the users on its need-to-know list (RULES.md §5).
    /// </summary>
    public static async Task<List<Pending>> CollectAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var list = Collect(db.ChangeTracker);
        if (list.Count == 0) return list;
        var secret = new HashSet<Guid>();
        var tracked = new HashSet<Guid>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            // A record that is or was secret in this change (a secrecy being raised or lowered counts as secret).
            if (e.Entity is Domain.Documents.Document or Domain.Assignments.Assignment)
            {
                var p = e.Property("Secrecy");
                var id = (Guid)e.Property("Id").CurrentValue!;
                tracked.Add(id);
                if (!Equals(p.CurrentValue, Domain.Documents.Secrecy.None)
                    || (e.State != EntityState.Added && !Equals(p.OriginalValue, Domain.Documents.Secrecy.None)))
                    secret.Add(id);
            }
        }
        var unknown = list.Where(p => p.SubjectId is { } s && !tracked.Contains(s)).Select(p => p.SubjectId!.Value).ToHashSet();
        if (unknown.Count > 0)
        {
            var ids = unknown.ToArray();
            secret.UnionWith(await db.Assignments.IgnoreQueryFilters().Where(a => ids.Contains(a.Id) && a.Secrecy != Domain.Documents.Secrecy.None).Select(a => a.Id).ToListAsync(ct));
            secret.UnionWith(await db.Documents.IgnoreQueryFilters().Where(d => ids.Contains(d.Id) && d.Secrecy != Domain.Documents.Secrecy.None).Select(d => d.Id).ToListAsync(ct));
        }
        return list.Select(p => p.SubjectId is { } s && secret.Contains(s) ? p with { Secret = true } : p).ToList();
    }

    /// <summary>
    /// The document or task a record belongs to: itself, or the task or document its <c>AssignmentId</c> or
    /// <c>DocumentId</c> names (reports, milestones, extensions, evidence, notifications, need-to-know rows…). Read from
    /// the model, so a new child record is covered without being listed here.
    /// </summary>
    private static Guid? SubjectOf(EntityEntry e)
    {
        switch (e.Entity)
        {
            case Domain.Documents.Document d: return d.Id;
            case Domain.Assignments.Assignment a: return a.Id;
            case Domain.Assignments.IndicatorActual x:
                return e.Context.ChangeTracker.Entries<Domain.Assignments.ProgressReport>().FirstOrDefault(r => r.Entity.Id == x.ReportId)?.Entity.AssignmentId;
        }
        foreach (var name in new[] { "AssignmentId", "DocumentId" })
            if (e.Metadata.FindProperty(name) is { } p && e.Property(p.Name).CurrentValue is Guid g)
                return g;
        return null;
    }

    private static List<Pending> Collect(ChangeTracker tracker)
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
            list.Add(new Pending(action, e.Metadata.ClrType.Name, Key(e), OrganisationOf(e.Entity), before, after, SubjectId: SubjectOf(e)));
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
