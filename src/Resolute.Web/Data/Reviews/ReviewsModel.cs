using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.Reviews;

namespace Resolute.Web.Data;

public abstract partial class ResoluteDbContext
{
    /// <summary>Review campaigns, unit reports, their items and figures, and outline templates.</summary>
    private static void ConfigureReviews(ModelBuilder b)
    {
        var outlineConverter = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<ReviewOutline, string>(
            o => OutlineJson.Write(o), s => OutlineJson.Read(s));
        var outlineComparer = new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<ReviewOutline>(
            (x, y) => OutlineJson.Write(x!) == OutlineJson.Write(y!),
            o => OutlineJson.Write(o).GetHashCode(), o => o);

        b.Entity<ReviewCampaign>(e =>
        {
            // Made in the domain with their ids: a unit report added to a saved campaign is a new row, never an update.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("review_campaigns");
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(15);
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.Title).HasMaxLength(ReviewCampaign.TitleMaxLength);
            e.Property(c => c.SubjectNote).HasMaxLength(ReviewCampaign.NoteMaxLength);
            e.Property(c => c.Outline).HasConversion(outlineConverter, outlineComparer);
            e.HasIndex(c => c.OwnerId);
            e.HasIndex(c => c.SubjectDocumentId);
            e.HasIndex(c => c.ParentId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(c => c.SubjectDocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(c => c.ReportDocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ReviewCampaign>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Reports).WithOne().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Overrides).WithOne().HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<UnitReport>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("unit_reports");
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Property(r => r.State).HasConversion<string>().HasMaxLength(12);
            e.Property(r => r.SubmittedByName).HasMaxLength(256);
            e.Property(r => r.DecidedByName).HasMaxLength(256);
            e.Property(r => r.ReturnComment).HasMaxLength(ReviewCampaign.ReasonMaxLength);
            e.HasIndex(r => new { r.CampaignId, r.UnitId }).IsUnique();
            e.HasIndex(r => r.UnitId);
            e.HasIndex(r => r.AssignmentId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.ReportId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Figures).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<ReportItem>(e =>
        {
            // Made in the domain with their id and found through the report's collections: new rows, never updates.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("unit_report_items");
            e.Property(i => i.SectionKey).HasMaxLength(40);
            e.Property(i => i.Text).HasMaxLength(ReviewCampaign.ItemMaxLength);
            e.HasIndex(i => new { i.ReportId, i.SectionKey, i.Order });
        });

        b.Entity<ReportFigure>(e =>
        {
            e.ToTable("unit_report_figures");
            e.HasKey(f => new { f.ReportId, f.Key });
            e.Property(f => f.Key).HasMaxLength(40);
            e.Property(f => f.Value).HasPrecision(18, 4);
            e.Property(f => f.Note).HasMaxLength(500);
        });

        b.Entity<ConsolidatedItem>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("review_items");
            e.Property(i => i.SectionKey).HasMaxLength(40);
            e.Property(i => i.Text).HasMaxLength(ReviewCampaign.ItemMaxLength);
            e.Property(i => i.SourceItemIds).HasConversion(
                v => string.Join(',', v),
                s => s.Length == 0 ? new List<Guid>() : s.Split(',', StringSplitOptions.None).Select(Guid.Parse).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<Guid>>(
                    (x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, g) => HashCode.Combine(h, g)), v => v.ToList()));
            e.HasIndex(i => new { i.CampaignId, i.SectionKey, i.Order });
        });

        b.Entity<FigureOverride>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("review_figure_overrides");
            e.Property(o => o.Key).HasMaxLength(40);
            e.Property(o => o.Value).HasPrecision(18, 4);
            e.Property(o => o.Reason).HasMaxLength(ReviewCampaign.ReasonMaxLength);
            e.Property(o => o.ByName).HasMaxLength(256);
            e.HasIndex(o => o.CampaignId);
        });

        b.Entity<OutlineTemplate>(e =>
        {
            e.ToTable("outline_templates");
            e.Property(t => t.Name).HasMaxLength(300);
            e.Property(t => t.Outline).HasConversion(outlineConverter, outlineComparer);
            e.HasIndex(t => t.OwnerId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
