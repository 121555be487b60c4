using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Domain.Reviews;

namespace Resolute.Web.Data;

public abstract partial class ResoluteDbContext
{
    /// <summary>Files kept for documents, progress reports, unit reports and meetings' minutes.</summary>
    private static void ConfigureFiles(ModelBuilder b)
    {
        b.Entity<StoredFile>(e =>
        {
            e.ToTable("stored_files", t => t.HasCheckConstraint("CK_stored_files_one_owner",
                "(CASE WHEN \"DocumentId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ProgressReportId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"UnitReportId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"MeetingId\" IS NULL THEN 0 ELSE 1 END) = 1"));
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.HasIndex(a => a.DocumentId);
            e.HasIndex(a => a.ProgressReportId);
            e.HasIndex(a => a.AssignmentId);
            e.HasIndex(a => a.UnitReportId);
            e.HasIndex(a => a.MeetingId);
            // One owner each; deleting the owner deletes the row (the bytes stay in the store, shared by hash).
            e.HasOne<Document>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ProgressReport>().WithMany().HasForeignKey(a => a.ProgressReportId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Assignment>().WithMany().HasForeignKey(a => a.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<UnitReport>().WithMany().HasForeignKey(a => a.UnitReportId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Domain.Meetings.Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
