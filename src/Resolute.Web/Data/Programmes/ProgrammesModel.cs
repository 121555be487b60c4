using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;
using Resolute.Domain.Programmes;

namespace Resolute.Web.Data;

public abstract partial class ResoluteDbContext
{
    public DbSet<WorkProgramme> WorkProgrammes => Set<WorkProgramme>();
    public DbSet<ProgrammeItem> ProgrammeItems => Set<ProgrammeItem>();
    public DbSet<ProgrammeChange> ProgrammeChanges => Set<ProgrammeChange>();

    /// <summary>Work programmes (RULES.md §10), their items and their history.</summary>
    private static void ConfigureProgrammes(ModelBuilder b)
    {
        b.Entity<WorkProgramme>(e =>
        {
            // Made in the domain with their ids: an item added to a saved programme is a new row, never an update.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("work_programmes");
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Property(p => p.Body).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(p => p.State).HasConversion<string>().HasMaxLength(10);
            e.Property(p => p.Title).HasMaxLength(WorkProgramme.TitleMaxLength);
            e.Property(p => p.Preamble).HasMaxLength(WorkProgramme.PreambleMaxLength);
            e.HasIndex(p => new { p.OrganisationId, p.FromYear });
            e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<WorkProgramme>().WithMany().HasForeignKey(p => p.SourceProgrammeId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Changes).WithOne().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<ProgrammeItem>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("programme_items");
            e.Property(i => i.Content).HasMaxLength(ProgrammeItem.ContentMaxLength);
            e.Property(i => i.SourceNote).HasMaxLength(ProgrammeItem.SourceNoteMaxLength);
            e.Property(i => i.Forum).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.State).HasConversion<string>().HasMaxLength(10);
            e.Property(i => i.Secrecy).HasConversion<string>().HasMaxLength(15);
            e.Property(i => i.StateReason).HasMaxLength(WorkProgramme.ReasonMaxLength);
            e.Property(i => i.StateDecision).HasMaxLength(WorkProgramme.DecisionMaxLength);
            e.HasIndex(i => new { i.ProgrammeId, i.Number });
            e.HasIndex(i => i.PreparingUnitId);
            e.HasIndex(i => i.AssignmentId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(i => i.PreparingUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(i => i.MemberInChargeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<DocumentType>().WithMany().HasForeignKey(i => i.ContentTypeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(i => i.SourceDocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Assignment>().WithMany().HasForeignKey(i => i.AssignmentId).OnDelete(DeleteBehavior.SetNull);
        });

        b.Entity<ProgrammeChange>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("programme_changes");
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.Decision).HasMaxLength(WorkProgramme.DecisionMaxLength);
            e.Property(c => c.Reason).HasMaxLength(WorkProgramme.ReasonMaxLength);
            e.Property(c => c.By).HasMaxLength(256);
            e.HasIndex(c => new { c.ProgrammeId, c.At });
        });
    }
}
