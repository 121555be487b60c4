using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;
using Resolute.Web.Infrastructure.Access;

namespace Resolute.Web.Data;

/// <summary>
/// The one DbContext. Each provider has a subclass (<see cref="SqliteResoluteDbContext"/>,
/// <see cref="PostgresResoluteDbContext"/>) only so that each keeps its own migration set.
/// Access scope is applied here, as query filters, so every query passes through it (ADR-004).
/// </summary>
public abstract class ResoluteDbContext(DbContextOptions options, AccessScope scope)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationClosure> OrganisationClosures => Set<OrganisationClosure>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public AccessScope Scope { get; } = scope;

    // Read by the query filters below; EF Core evaluates them per query against this instance.
    private bool ScopeUnrestricted => Scope.Unrestricted;
    private Guid[] ScopeRoots => Scope.Roots;

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

public sealed class SqliteResoluteDbContext(DbContextOptions<SqliteResoluteDbContext> options, AccessScope scope)
    : ResoluteDbContext(options, scope);

public sealed class PostgresResoluteDbContext(DbContextOptions<PostgresResoluteDbContext> options, AccessScope scope)
    : ResoluteDbContext(options, scope);
