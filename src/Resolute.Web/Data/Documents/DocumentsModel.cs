using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;

namespace Resolute.Web.Data;

public abstract partial class ResoluteDbContext
{
    /// <summary>The register: types, documents, their links and need-to-know lists.</summary>
    private static void ConfigureDocuments(ModelBuilder b)
    {
        b.Entity<DocumentType>(e =>
        {
            e.ToTable("document_types");
            e.Property(t => t.System).HasConversion<string>().HasMaxLength(10);
            e.Property(t => t.Abbreviation).HasMaxLength(10);
            e.Property(t => t.Name).HasMaxLength(80);
            e.HasIndex(t => new { t.System, t.Abbreviation, t.Name }).IsUnique();
        });

        b.Entity<Document>(e =>
        {
            e.ToTable("documents");
            e.Property(d => d.System).HasConversion<string>().HasMaxLength(10);
            e.Property(d => d.Number).HasMaxLength(20);
            e.Property(d => d.Symbol).HasMaxLength(60);
            e.Property(d => d.Signer).HasMaxLength(120);
            e.Property(d => d.Summary).HasMaxLength(Document.SummaryMaxLength);
            e.Property(d => d.Holder).HasMaxLength(200);
            e.Property(d => d.IdentityKey).HasMaxLength(200);
            e.Property(d => d.Secrecy).HasConversion<string>().HasMaxLength(15);
            e.Property(d => d.Urgency).HasConversion<string>().HasMaxLength(15);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(15);
            e.Property(d => d.IssuerLevel).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(d => d.IdentityKey).IsUnique();
            // Secret items are few: the index finds them at once for the "hidden from you" count.
            e.HasIndex(d => d.Secrecy);
            e.HasIndex(d => d.Symbol);
            e.HasIndex(d => new { d.IssuerId, d.IssuedOn });
            e.HasOne<DocumentType>().WithMany().HasForeignKey(d => d.TypeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(d => d.IssuerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Term>().WithMany().HasForeignKey(d => d.TermId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<DocumentRelation>(e =>
        {
            e.ToTable("document_relations");
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(r => new { r.FromId, r.ToId, r.Kind }).IsUnique();
            e.HasIndex(r => r.ToId);
            e.HasOne<Document>().WithMany().HasForeignKey(r => r.FromId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Document>().WithMany().HasForeignKey(r => r.ToId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<NeedToKnow>(e =>
        {
            e.ToTable("need_to_know");
            e.HasKey(n => new { n.DocumentId, n.UserId });
            e.HasOne<Document>().WithMany().HasForeignKey(n => n.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
