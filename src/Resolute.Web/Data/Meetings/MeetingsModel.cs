using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Domain.Meetings;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;
using Resolute.Domain.Programmes;

namespace Resolute.Web.Data;

public abstract partial class ResoluteDbContext
{
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Attendance> MeetingAttendance => Set<Attendance>();
    public DbSet<Conclusion> MeetingConclusions => Set<Conclusion>();

    /// <summary>Meetings (RULES.md §11): agenda, attendance, conclusions.</summary>
    private static void ConfigureMeetings(ModelBuilder b)
    {
        b.Entity<Meeting>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("meetings");
            e.Property(m => m.Version).IsConcurrencyToken();
            e.Property(m => m.Forum).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(15);
            e.Property(m => m.State).HasConversion<string>().HasMaxLength(15);
            e.Property(m => m.Secrecy).HasConversion<string>().HasMaxLength(15);
            e.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength);
            e.Property(m => m.Place).HasMaxLength(Meeting.PlaceMaxLength);
            e.Property(m => m.Minutes).HasMaxLength(Meeting.MinutesMaxLength);
            e.HasIndex(m => new { m.OrganisationId, m.StartsAt });
            e.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(m => m.ChairId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(m => m.NoticeDocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Conclusions).WithOne().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<AgendaItem>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("meeting_agenda");
            e.Property(a => a.Title).HasMaxLength(Meeting.TitleMaxLength);
            e.HasIndex(a => a.ProgrammeItemId);
            e.HasOne<ProgrammeItem>().WithMany().HasForeignKey(a => a.ProgrammeItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.PresentingUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(a => a.PaperDocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Attendance>(e =>
        {
            e.ToTable("meeting_attendance");
            e.HasKey(a => new { a.MeetingId, a.PersonId });
            e.Property(a => a.Role).HasConversion<string>().HasMaxLength(10);
            e.Property(a => a.Presence).HasConversion<string>().HasMaxLength(25);
            e.Property(a => a.Reason).HasMaxLength(Meeting.ReasonMaxLength);
            e.HasIndex(a => a.PersonId);
            e.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Conclusion>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("meeting_conclusions");
            e.Property(c => c.Text).HasMaxLength(Meeting.ConclusionMaxLength);
            e.HasIndex(c => new { c.MeetingId, c.Number });
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
