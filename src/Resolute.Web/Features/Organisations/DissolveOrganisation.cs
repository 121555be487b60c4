using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Common;
using Resolute.Domain.Organisations;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Organisations;

/// <summary>Ends a unit's life. It keeps its history and may name a successor that takes over its work.</summary>
public sealed record DissolveOrganisation(Guid Id, DateOnly On, Guid? SuccessorId, string Reason)
{
    public async Task<Organisation> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var unit = await db.FindManageableAsync(Id, ct);
        var successor = SuccessorId is { } s ? await db.FindVisibleAsync(s, ct) : null;
        var activeChildren = await db.Organisations.IgnoreQueryFilters()
            .CountAsync(o => o.ParentId == unit.Id && o.ValidTo == null, ct);
        if (activeChildren > 0)
            throw new DomainException("has-active-children",
                $"Đơn vị {unit.ShortName} còn {activeChildren} đơn vị trực thuộc đang hoạt động. Hãy chuyển, giải thể các đơn vị này trước, hoặc dùng chức năng sáp nhập.");
        unit.Dissolve(On, successor, Reason);
        await db.SaveChangesAsync(ct);
        return unit;
    }
}
