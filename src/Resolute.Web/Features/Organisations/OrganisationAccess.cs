using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Organisations;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Organisations;

/// <summary>Loads units through the scope filter and checks the caller may manage them.</summary>
internal static class OrganisationAccess
{
    public static async Task<Organisation> FindVisibleAsync(this ResoluteDbContext db, Guid id, CancellationToken ct) =>
        await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Không tìm thấy đơn vị, hoặc bạn không có quyền xem.");

    public static async Task<Organisation> FindManageableAsync(this ResoluteDbContext db, Guid id, CancellationToken ct)
    {
        var unit = await db.FindVisibleAsync(id, ct);
        if (!await db.Scope.CanAsync(db, Permission.ManageOrganisations, id, ct))
            throw new ForbiddenException($"Bạn không có quyền thay đổi đơn vị {unit.ShortName}.");
        return unit;
    }

    public static async Task EnsureCodeFreeAsync(this ResoluteDbContext db, string code, Guid? exceptId, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var existing = await db.Organisations.IgnoreQueryFilters()
            .Where(o => o.Code == normalized && o.Id != exceptId)
            .Select(o => o.ShortName).FirstOrDefaultAsync(ct);
        if (existing is not null)
            throw new Domain.Common.DomainException("code-taken", $"Mã đơn vị {normalized} đã được dùng cho đơn vị \"{existing}\".", "code");
    }
}
