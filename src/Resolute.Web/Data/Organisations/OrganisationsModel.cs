using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;

namespace Resolute.Web.Data;

public abstract partial class ResoluteDbContext
{
    /// <summary>Units, their closure, terms, people and positions.</summary>
    private static void ConfigureOrganisations(ModelBuilder b)
    {
        b.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Code).HasMaxLength(Organisation.CodeMaxLength);
            e.HasIndex(o => o.Code).IsUnique();
            e.Property(o => o.ShortName).HasMaxLength(Organisation.ShortNameMaxLength);
            e.Property(o => o.FullName).HasMaxLength(Organisation.FullNameMaxLength);
            e.Property(o => o.SearchText).HasMaxLength(600);
            e.Property(o => o.EndReason).HasMaxLength(500);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(o => o.Level).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(o => o.ParentId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<OrganisationClosure>(e =>
        {
            e.ToTable("organisation_closure");
            e.HasKey(c => new { c.AncestorId, c.DescendantId });
            e.HasIndex(c => new { c.DescendantId, c.Depth });
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.AncestorId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.DescendantId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Term>(e =>
        {
            e.ToTable("terms");
            e.Property(t => t.Name).HasMaxLength(60);
            e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.OrganisationId, t.StartsOn });
        });

        b.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.Property(p => p.FullName).HasMaxLength(Person.NameMaxLength);
            e.Property(p => p.SearchText).HasMaxLength(Person.NameMaxLength * 2);
            e.Property(p => p.Email).HasMaxLength(200);
            e.Property(p => p.Phone).HasMaxLength(30);
        });

        b.Entity<Position>(e =>
        {
            e.ToTable("positions");
            e.Property(p => p.Title).HasMaxLength(Position.TitleMaxLength);
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => p.OrganisationId);
            e.HasIndex(p => p.PersonId);
        });
    }
}
