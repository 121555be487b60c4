using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Organisations;

namespace Resolute.Web.Data;

public abstract partial class ResoluteDbContext
{
    /// <summary>Accounts, their role grants, tokens, sessions, sign-in failures, idempotency keys and calendar keys.</summary>
    private static void ConfigureAccounts(ModelBuilder b)
    {
        b.Entity<User>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(120);
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
            e.Property(t => t.UserStamp).HasMaxLength(256);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<UserSession>(e =>
        {
            e.ToTable("user_sessions");
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.HasIndex(x => x.UserId);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<SignInFailure>(e =>
        {
            e.ToTable("sign_in_failures");
            e.Property(x => x.Key).HasMaxLength(120);
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.HasIndex(x => new { x.Key, x.At });
            e.HasIndex(x => new { x.IpAddress, x.At });
            e.HasIndex(x => x.At);
        });

        b.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(x => new { x.UserId, x.Key });
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Path).HasMaxLength(300);
            e.Property(x => x.Location).HasMaxLength(300);
            e.HasIndex(x => x.CreatedAt);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<CalendarKey>(e =>
        {
            e.ToTable("calendar_keys");
            e.HasKey(k => k.UserId);
            e.Property(k => k.KeyHash).HasMaxLength(64);
            e.HasIndex(k => k.KeyHash).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
