using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Common;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Organisations;

/// <summary>Forms name a unit by its code (suggested as the user types); this turns the code back into a visible unit.</summary>
internal static class UnitPicker
{
    public static async Task<Guid?> ResolveAsync(ResoluteDbContext db, string? code, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        // The suggestion list shows "CODE – name"; accept either the bare code or the whole suggestion.
        var bare = code.Split(" – ", 2)[0].Trim().ToUpperInvariant();
        var id = await db.Organisations.Where(o => o.Code == bare).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        return id ?? throw new DomainException("unit-not-found", $"Không tìm thấy đơn vị có mã {bare} trong phạm vi của bạn.", field);
    }

    public static async Task<string?> CodeOfAsync(ResoluteDbContext db, Guid? id, CancellationToken ct) =>
        id is null ? null : await db.Organisations.Where(o => o.Id == id).Select(o => o.Code).FirstOrDefaultAsync(ct);
}
