using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;

namespace Resolute.Web.Data;

public abstract partial class ResoluteDbContext
{
    /// <summary>Tasks and their parts, need-to-know lists and the tally.</summary>
    private static void ConfigureAssignments(ModelBuilder b)
    {
        b.Entity<Assignment>(e =>
        {
            e.ToTable("assignments");
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Property(a => a.State).HasConversion<string>().HasMaxLength(12);
            e.Property(a => a.Recurrence).HasConversion<string>().HasMaxLength(12);
            e.Property(a => a.Secrecy).HasConversion<string>().HasMaxLength(15);
            e.Property(a => a.Title).HasMaxLength(Assignment.TitleMaxLength);
            e.Property(a => a.Content).HasMaxLength(Assignment.ContentMaxLength);
            e.Property(a => a.SearchText).HasMaxLength(Assignment.TitleMaxLength + Assignment.ContentMaxLength + Assignment.OutputMaxLength + 2);
            e.Property(a => a.SourceClause).HasMaxLength(Assignment.ClauseMaxLength);
            e.Property(a => a.SourceNote).HasMaxLength(Assignment.SourceNoteMaxLength);
            e.Property(a => a.Output).HasMaxLength(Assignment.OutputMaxLength);
            e.Property(a => a.StateReason).HasMaxLength(Assignment.ReasonMaxLength);
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.AssignerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.FollowUpId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(a => a.LeadLeaderId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(a => a.SourceDocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Assignment>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Coordinators).WithOne().HasForeignKey(c => c.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Milestones).WithOne().HasForeignKey(m => m.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Indicators).WithOne().HasForeignKey(i => i.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Extensions).WithOne().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Reports).WithOne().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            // The dashboard counts by lead unit and status from this index alone (it covers every column the status
            // rule and the need-to-know check read), never touching the wide rows; lists read by lead unit and due date.
            e.HasIndex(a => new { a.LeadId, a.State, a.CompletedOn, a.DeadlineInForce, a.DueOn, a.Recurrence, a.Secrecy, a.Id }, "IX_assignments_status_cover");
            // Open tasks of a subtree by due date (the overdue list, its count, the page's ids): a seek per lead unit and a
            // range of due dates, answered from the index alone.
            // CompletedOn before DueOn: the seek is lead unit, state, not done, then the due-date range, so SQLite's planner
            // prefers it to the status index (which would read every open task of each unit); Id for the page's ids.
            e.HasIndex(a => new { a.LeadId, a.State, a.CompletedOn, a.DueOn, a.Recurrence, a.Secrecy, a.Id }, "IX_assignments_lead_due_cover");
            // The monthly trend reads completions by date with what decides on time or late. Partial: only done tasks
            // have a completion date, and SQLite's planner would otherwise pick it for "not done" (CompletedOn IS NULL).
            e.HasIndex(a => new { a.CompletedOn, a.DeadlineInForce, a.LeadId, a.State, a.Secrecy, a.Id }, "IX_assignments_completion_cover")
                .HasFilter("\"CompletedOn\" IS NOT NULL");
            e.HasIndex(a => new { a.AssignerId, a.State });
            // Open tasks only have a due date (done ones have none): overdue and due-soon lists are a range of this
            // index, in its order, with every column their conditions read.
            e.HasIndex(a => new { a.DueOn, a.State, a.CompletedOn, a.Recurrence, a.LeadId, a.Secrecy, a.Id }, "IX_assignments_due_cover");
            // Most tasks have no parent and many no source in the register: partial indexes keep the planner's
            // estimate for "children of this task" small, so it looks them up instead of scanning.
            e.HasIndex(a => a.ParentId).HasFilter("\"ParentId\" IS NOT NULL");
            // A review counts the tasks from its subject's lineage by source, lead unit and status: this index alone
            // answers it (the dashboard's index stays narrow).
            e.HasIndex(a => new { a.SourceDocumentId, a.LeadId, a.State, a.CompletedOn, a.DeadlineInForce, a.DueOn, a.Recurrence, a.Secrecy, a.Id },
                "IX_assignments_source_cover").HasFilter("\"SourceDocumentId\" IS NOT NULL");
            e.HasIndex(a => a.LeadLeaderId);
            // Secret tasks are few: a partial index finds them without reading an entry per task (its statistics are
            // its own, so the planner knows it is small).
            e.HasIndex(a => a.Secrecy).HasFilter("\"Secrecy\" <> 'None'");
        });

        b.Entity<AssignmentTally>(e =>
        {
            e.ToTable("assignment_tallies");
            // Lead unit first, then period: the dashboard reads a subtree's all-time rows and its last twelve months.
            e.HasKey(t => new { t.LeadId, t.Period, t.Bucket });
            e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.LeadId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Coordinator>(e =>
        {
            e.ToTable("assignment_coordinators");
            e.HasKey(c => new { c.AssignmentId, c.OrganisationId });
            e.HasIndex(c => c.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Milestone>(e =>
        {
            // Made in the domain with their id and found through the task's collections: new rows, never updates.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("assignment_milestones");
            e.Property(m => m.Title).HasMaxLength(Milestone.TitleMaxLength);
        });

        b.Entity<Indicator>(e =>
        {
            // Made in the domain with their id and found through the task's collections: new rows, never updates.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("assignment_indicators");
            e.Property(i => i.Name).HasMaxLength(Indicator.NameMaxLength);
            e.Property(i => i.Unit).HasMaxLength(Indicator.UnitMaxLength);
            e.Property(i => i.Target).HasPrecision(18, 4);
            e.Property(i => i.Actual).HasPrecision(18, 4);
            e.Ignore(i => i.Key);
        });

        b.Entity<Extension>(e =>
        {
            // Made in the domain with their id and found through the task's collections: new rows, never updates.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("assignment_extensions");
            e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Reason).HasMaxLength(Assignment.ReasonMaxLength);
            e.Property(x => x.DecisionNote).HasMaxLength(Assignment.ReasonMaxLength);
            e.Property(x => x.RequestedByName).HasMaxLength(256);
            e.Property(x => x.DecidedByName).HasMaxLength(256);
        });

        b.Entity<ProgressReport>(e =>
        {
            // Made in the domain with their id and found through the task's collections: new rows, never updates.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("progress_reports");
            e.Property(r => r.Review).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.Narrative).HasMaxLength(ProgressReport.NarrativeMaxLength);
            e.Property(r => r.ReviewComment).HasMaxLength(Assignment.ReasonMaxLength);
            e.Property(r => r.ReportedByName).HasMaxLength(256);
            e.Property(r => r.ReviewedByName).HasMaxLength(256);
            e.HasIndex(r => new { r.AssignmentId, r.ReportedAt });
            e.HasMany(r => r.Actuals).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<IndicatorActual>(e =>
        {
            e.ToTable("indicator_actuals");
            e.HasKey(x => new { x.ReportId, x.IndicatorId });
            e.Property(x => x.Value).HasPrecision(18, 4);
            e.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<AssignmentNeedToKnow>(e =>
        {
            e.ToTable("assignment_need_to_know");
            e.HasKey(n => new { n.AssignmentId, n.UserId });
            e.HasOne<Assignment>().WithMany().HasForeignKey(n => n.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
