using Resolute.Domain.Organisations;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Organisations;

public sealed record UpdateOrganisation(
    Guid Id, string Code, string ShortName, string FullName, OrganisationKind Kind, OrganisationLevel Level, DateOnly ValidFrom)
{
    public async Task<Organisation> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var unit = await db.FindManageableAsync(Id, ct);
        unit.Rename(Code, ShortName, FullName);
        unit.Reclassify(Kind, Level, ValidFrom);
        await db.EnsureCodeFreeAsync(unit.Code, unit.Id, ct);
        await db.SaveChangesAsync(ct);
        return unit;
    }
}
