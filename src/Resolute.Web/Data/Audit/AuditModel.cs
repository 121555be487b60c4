using Microsoft.EntityFrameworkCore;

namespace Resolute.Web.Data;

public abstract partial class ResoluteDbContext
{
    /// <summary>The audit trail and its signed head.</summary>
    private static void ConfigureAudit(ModelBuilder b)
    {
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
            e.Property(a => a.KeyId).HasMaxLength(40);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.SubjectId);
            e.HasIndex(a => a.UserId);
            e.HasIndex(a => a.OrganisationId);
        });

        b.Entity<AuditHead>(e =>
        {
            e.ToTable("audit_heads");
            e.HasKey(h => h.Id);
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.Hash).HasMaxLength(64);
            e.Property(h => h.KeyId).HasMaxLength(40);
            e.Property(h => h.Mac).HasMaxLength(64);
        });
    }
}
