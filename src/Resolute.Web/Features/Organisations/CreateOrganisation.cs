using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Organisations;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Organisations;

public sealed record CreateOrganisation(
    string Code, string ShortName, string FullName, OrganisationKind Kind, OrganisationLevel Level,
    Guid? ParentId, DateOnly ValidFrom)
{
    public async Task<Organisation> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        if (ParentId is { } parentId)
        {
            var parent = await db.FindManageableAsync(parentId, ct);
            if (parent.IsEnded)
                throw new Domain.Common.DomainException("parent-ended", $"Đơn vị {parent.ShortName} đã kết thúc hoạt động, không thể nhận đơn vị trực thuộc mới.", "parentId");
        }
        else if (!db.Scope.Unrestricted && !db.Scope.Has(ScopeRole.Admin))
        {
            throw new ForbiddenException("Chỉ quản trị hệ thống được tạo đơn vị cấp cao nhất.");
        }

        var unit = new Organisation(Code, ShortName, FullName, Kind, Level, ParentId, ValidFrom);
        await db.EnsureCodeFreeAsync(unit.Code, null, ct);
        var parentAncestors = ParentId is { } p
            ? await db.OrganisationClosures.Where(c => c.DescendantId == p).ToListAsync(ct)
            : [];
        db.Organisations.Add(unit);
        db.OrganisationClosures.AddRange(OrganisationTree.RowsForNewUnit(unit.Id, parentAncestors));
        await db.SaveChangesAsync(ct);
        return unit;
    }
}
