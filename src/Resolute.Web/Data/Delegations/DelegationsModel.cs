using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Delegations;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;

namespace Resolute.Web.Data;

public abstract partial class ResoluteDbContext
{
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<DelegationMember> DelegationMembers => Set<DelegationMember>();
    public DbSet<Visit> DelegationVisits => Set<Visit>();
    public DbSet<DelegationConclusion> DelegationConclusions => Set<DelegationConclusion>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    /// <summary>Delegations (RULES.md §12): members, visited units, working sessions, conclusions with findings and recommendations.</summary>
    private static void ConfigureDelegations(ModelBuilder b)
    {
        b.Entity<Delegation>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("delegations");
            e.Property(d => d.Version).IsConcurrencyToken();
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.State).HasConversion<string>().HasMaxLength(15);
            e.Property(d => d.Title).HasMaxLength(Delegation.TitleMaxLength);
            e.Property(d => d.Subject).HasMaxLength(Delegation.SubjectMaxLength);
            e.HasIndex(d => new { d.OrganisationId, d.StartsOn });
            e.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(d => d.SubjectDocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(d => d.DecisionDocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(d => d.Members).WithOne().HasForeignKey(m => m.DelegationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.Visits).WithOne().HasForeignKey(v => v.DelegationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.Sessions).WithOne().HasForeignKey(s => s.DelegationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.Conclusions).WithOne().HasForeignKey(c => c.DelegationId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<DelegationMember>(e =>
        {
            e.ToTable("delegation_members");
            e.HasKey(m => new { m.DelegationId, m.PersonId });
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(15);
            // The temporary grant is looked up by person on every request of a member.
            e.HasIndex(m => m.PersonId);
            e.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Visit>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("delegation_visits");
            e.HasIndex(v => new { v.DelegationId, v.UnitId }).IsUnique();
            e.HasIndex(v => v.UnitId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Assignment>().WithMany().HasForeignKey(v => v.ReportAssignmentId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<WorkingSession>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("delegation_sessions");
            e.Property(s => s.Place).HasMaxLength(Delegation.PlaceMaxLength);
            e.Property(s => s.Attendees).HasMaxLength(Delegation.TextMaxLength);
            e.Property(s => s.Minutes).HasMaxLength(Delegation.MinutesMaxLength);
            e.HasIndex(s => s.DelegationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(s => s.PaperDocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<DelegationConclusion>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("delegation_conclusions");
            e.Property(c => c.Summary).HasMaxLength(Delegation.TextMaxLength);
            e.HasIndex(c => new { c.DelegationId, c.UnitId }).IsUnique();
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Findings).WithOne().HasForeignKey(f => f.ConclusionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Recommendations).WithOne().HasForeignKey(r => r.ConclusionId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Finding>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("delegation_findings");
            e.Property(f => f.Kind).HasConversion<string>().HasMaxLength(15);
            e.Property(f => f.Text).HasMaxLength(Delegation.TextMaxLength);
        });

        b.Entity<Recommendation>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("delegation_recommendations");
            e.Property(r => r.Text).HasMaxLength(Delegation.TextMaxLength);
            e.HasIndex(r => r.AssignmentId);
            e.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
