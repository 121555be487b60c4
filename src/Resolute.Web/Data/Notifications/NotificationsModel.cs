using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;

namespace Resolute.Web.Data;

public abstract partial class ResoluteDbContext
{
    /// <summary>Notifications (and their e-mail outbox) and reminder claims.</summary>
    private static void ConfigureNotifications(ModelBuilder b)
    {
        b.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.Property(n => n.Kind).HasMaxLength(30);
            e.Property(n => n.Title).HasMaxLength(300);
            e.Property(n => n.Body).HasMaxLength(2000);
            e.Property(n => n.Url).HasMaxLength(300);
            e.Property(n => n.EmailTo).HasMaxLength(256);
            e.Property(n => n.EmailState).HasConversion<string>().HasMaxLength(10);
            e.Property(n => n.ClaimedBy).HasMaxLength(80);
            e.HasIndex(n => new { n.UserId, n.ReadAt });
            e.HasIndex(n => n.EmailState);
            e.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<ReminderClaim>(e =>
        {
            e.ToTable("reminder_claims");
            e.HasKey(r => new { r.AssignmentId, r.Kind, r.DueOn });
            e.Property(r => r.Kind).HasMaxLength(30);
            e.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
