using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Audit;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;
using Resolute.Web.Infrastructure.Access;

namespace Resolute.Web.Data;

/// <summary>
/// The one DbContext. Each provider has a subclass (<see cref="SqliteResoluteDbContext"/>,
/// <see cref="PostgresResoluteDbContext"/>) only so that each keeps its own migration set.
/// Access scope is applied here, as query filters, so every query passes through it (ADR-004).
/// </summary>
public abstract class ResoluteDbContext(DbContextOptions options, AccessScope scope, TimeProvider clock)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Any fixed number: the PostgreSQL advisory lock that serialises writers of the audit chain.</summary>
    private const long AuditLockKey = 0x5245534F4C; // "RESOL"

    private readonly List<Auditing.Pending> _events = [];

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DocumentType> DocumentTypes => Set<DocumentType>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentRelation> DocumentRelations => Set<DocumentRelation>();
    public DbSet<NeedToKnow> NeedToKnow => Set<NeedToKnow>();
    public DbSet<Features.Documents.Attachments.Attachment> Attachments => Set<Features.Documents.Attachments.Attachment>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationClosure> OrganisationClosures => Set<OrganisationClosure>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public AccessScope Scope { get; } = scope;

    /// <summary>
    /// The one statement of which documents lie in the caller's scope by their issuer: issued in the caller's subtrees,
    /// by a unit above them (sent down to them), or by a Central body. The documents query filter adds need-to-know to
    /// it; the "hidden secret items" count uses it alone.
    /// </summary>
    public Expression<Func<Document, bool>> IssuerInScope => d => ScopeUnrestricted
        || d.IssuerLevel == OrganisationLevel.Central
        || OrganisationClosures.Any(c => c.DescendantId == d.IssuerId && ScopeRoots.Contains(c.AncestorId))
        || OrganisationClosures.Any(c => c.AncestorId == d.IssuerId && ScopeRoots.Contains(c.DescendantId));
    public TimeProvider Clock { get; } = clock;

    /// <summary>Records an event that is not a change of a record (a sign-in, a failed sign-in…) with the next save.</summary>
    public void RecordEvent(string action, string entityType, string? entityId, Guid? userId = null, string? userName = null, object? details = null) =>
        _events.Add(new Auditing.Pending(action, entityType, entityId, null, null, details is null ? null : Auditing.Json(details), userId, userName));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves the changes together with their audit entries, in one transaction. The entries are chained: each carries
    /// the previous entry's hash, read under a lock (an advisory lock on PostgreSQL; SQLite's write lock, taken by
    /// BEGIN IMMEDIATE) so that entries written by several instances at once still form one chain.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        var pending = Auditing.Collect(ChangeTracker);
        pending.AddRange(_events);
        _events.Clear();
        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var added = new List<AuditEntry>();
        try
        {
            if (Database.IsNpgsql())
                await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditLockKey})", ct);
            var last = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? AuditChain.Genesis;
            var at = AuditChain.Truncate(Clock.GetUtcNow().UtcDateTime);
            foreach (var p in pending)
            {
                var entry = new AuditEntry
                {
                    Sequence = ++sequence,
                    At = at,
                    UserId = p.UserId ?? Scope.UserId,
                    UserName = p.UserName ?? Scope.UserName,
                    IpAddress = Scope.IpAddress,
                    Action = p.Action,
                    EntityType = p.EntityType,
                    EntityId = p.EntityId,
                    OrganisationId = p.OrganisationId,
                    Before = p.Before,
                    After = p.After,
                    PreviousHash = previous,
                };
                entry.Hash = AuditChain.Hash(previous, entry.Content());
                previous = entry.Hash;
                added.Add(entry);
            }
            AuditEntries.AddRange(added);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (own is not null) await own.CommitAsync(ct);
            return count;
        }
        catch
        {
            // Nothing is half-written: the transaction rolls back and the entries are not retried with stale links.
            foreach (var entry in added) Entry(entry).State = EntityState.Detached;
            if (own is not null) await own.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    // Read by the query filters below; EF Core evaluates them per query against this instance.
    private bool ScopeUnrestricted => Scope.Unrestricted;
    private Guid[] ScopeRoots => Scope.Roots;
    private Guid? ScopeUserId => Scope.UserId;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<User>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(120);
        });

        b.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Code).HasMaxLength(Organisation.CodeMaxLength);
            e.HasIndex(o => o.Code).IsUnique();
            e.Property(o => o.ShortName).HasMaxLength(Organisation.ShortNameMaxLength);
            e.Property(o => o.FullName).HasMaxLength(Organisation.FullNameMaxLength);
            e.Property(o => o.SearchText).HasMaxLength(600);
            e.Property(o => o.EndReason).HasMaxLength(500);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(o => o.Level).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(o => o.ParentId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.SuccessorId).OnDelete(DeleteBehavior.Restrict);
            // A user sees the subtrees of the units they hold a role over, and nothing else.
            e.HasQueryFilter(o => ScopeUnrestricted
                || OrganisationClosures.Any(c => c.DescendantId == o.Id && ScopeRoots.Contains(c.AncestorId)));
        });

        b.Entity<OrganisationClosure>(e =>
        {
            e.ToTable("organisation_closure");
            e.HasKey(c => new { c.AncestorId, c.DescendantId });
            e.HasIndex(c => new { c.DescendantId, c.Depth });
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.AncestorId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.DescendantId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Term>(e =>
        {
            e.ToTable("terms");
            e.Property(t => t.Name).HasMaxLength(60);
            e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.OrganisationId, t.StartsOn });
        });

        b.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.Property(p => p.FullName).HasMaxLength(Person.NameMaxLength);
            e.Property(p => p.SearchText).HasMaxLength(Person.NameMaxLength * 2);
            e.Property(p => p.Email).HasMaxLength(200);
            e.Property(p => p.Phone).HasMaxLength(30);
        });

        b.Entity<Position>(e =>
        {
            e.ToTable("positions");
            e.Property(p => p.Title).HasMaxLength(Position.TitleMaxLength);
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => p.OrganisationId);
            e.HasIndex(p => p.PersonId);
            e.HasQueryFilter(p => ScopeUnrestricted
                || OrganisationClosures.Any(c => c.DescendantId == p.OrganisationId && ScopeRoots.Contains(c.AncestorId)));
        });

        b.Entity<RoleGrant>(e =>
        {
            e.ToTable("role_grants");
            e.Property(g => g.Role).HasConversion<string>().HasMaxLength(20);
            e.HasOne<User>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(g => new { g.UserId, g.Role, g.OrganisationId }).IsUnique();
        });

        b.Entity<DocumentType>(e =>
        {
            e.ToTable("document_types");
            e.Property(t => t.System).HasConversion<string>().HasMaxLength(10);
            e.Property(t => t.Abbreviation).HasMaxLength(10);
            e.Property(t => t.Name).HasMaxLength(80);
            e.HasIndex(t => new { t.System, t.Abbreviation, t.Name }).IsUnique();
        });

        b.Entity<Document>(e =>
        {
            e.ToTable("documents");
            e.Property(d => d.System).HasConversion<string>().HasMaxLength(10);
            e.Property(d => d.Number).HasMaxLength(20);
            e.Property(d => d.Symbol).HasMaxLength(60);
            e.Property(d => d.Signer).HasMaxLength(120);
            e.Property(d => d.Summary).HasMaxLength(Document.SummaryMaxLength);
            e.Property(d => d.Holder).HasMaxLength(200);
            e.Property(d => d.IdentityKey).HasMaxLength(200);
            e.Property(d => d.Secrecy).HasConversion<string>().HasMaxLength(15);
            e.Property(d => d.Urgency).HasConversion<string>().HasMaxLength(15);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(15);
            e.Property(d => d.IssuerLevel).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(d => d.IdentityKey).IsUnique();
            // Secret items are few: the index finds them at once for the "hidden from you" count.
            e.HasIndex(d => d.Secrecy);
            e.HasIndex(d => d.Symbol);
            e.HasIndex(d => new { d.IssuerId, d.IssuedOn });
            e.HasOne<DocumentType>().WithMany().HasForeignKey(d => d.TypeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(d => d.IssuerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Term>().WithMany().HasForeignKey(d => d.TermId).OnDelete(DeleteBehavior.Restrict);
            // Visible: documents issued in the caller's subtrees, by units above them (addressed down to them), or by
            // Central bodies; a secret item only to the users on its need-to-know list (RULES.md §5).
            Expression<Func<Document, bool>> cleared = d =>
                ScopeUnrestricted || d.Secrecy == Secrecy.None || NeedToKnow.Any(n => n.DocumentId == d.Id && n.UserId == ScopeUserId);
            e.HasQueryFilter(cleared.AndAlso(IssuerInScope));
        });

        b.Entity<DocumentRelation>(e =>
        {
            e.ToTable("document_relations");
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(r => new { r.FromId, r.ToId, r.Kind }).IsUnique();
            e.HasIndex(r => r.ToId);
            e.HasOne<Document>().WithMany().HasForeignKey(r => r.FromId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Document>().WithMany().HasForeignKey(r => r.ToId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Features.Documents.Attachments.Attachment>(e =>
        {
            e.ToTable("attachments");
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.HasIndex(a => a.DocumentId);
            e.HasOne<Document>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<NeedToKnow>(e =>
        {
            e.ToTable("need_to_know");
            e.HasKey(n => new { n.DocumentId, n.UserId });
            e.HasOne<Document>().WithMany().HasForeignKey(n => n.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.EntityType).HasMaxLength(80);
            e.Property(a => a.EntityId).HasMaxLength(200);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.IpAddress).HasMaxLength(64);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.UserId);
            e.HasIndex(a => a.OrganisationId);
        });

        b.Entity<PersonalAccessToken>(e =>
        {
            e.ToTable("personal_access_tokens");
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.Prefix).HasMaxLength(12);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

internal static class ExpressionComposition
{
    /// <summary>Both conditions, over one parameter, as a single expression EF Core can translate.</summary>
    public static Expression<Func<T, bool>> AndAlso<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var body = new Rebind(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, body), left.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

public sealed class SqliteResoluteDbContext(DbContextOptions<SqliteResoluteDbContext> options, AccessScope scope, TimeProvider clock)
    : ResoluteDbContext(options, scope, clock);

public sealed class PostgresResoluteDbContext(DbContextOptions<PostgresResoluteDbContext> options, AccessScope scope, TimeProvider clock)
    : ResoluteDbContext(options, scope, clock);
