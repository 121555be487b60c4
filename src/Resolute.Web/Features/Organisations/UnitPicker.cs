using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Common;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Organisations;

/// <summary>Forms name a unit by its code (suggested as the user types); this turns the code back into a visible unit.</summary>
internal static class UnitPicker
{
    /// <summary>The unit code in what a picker sent: the suggestion list shows "CODE – name", a user may type the bare code.</summary>
    public static string CodeOf(string input) => input.Split(" – ", 2)[0].Trim().ToUpperInvariant();

    public static async Task<Guid?> ResolveAsync(ResoluteDbContext db, string? code, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var bare = CodeOf(code);
        var id = await db.Organisations.Where(o => o.Code == bare).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        return id ?? throw new DomainException("unit-not-found", $"Không tìm thấy đơn vị có mã {bare} trong phạm vi của bạn.", field);
    }

    public static async Task<string?> CodeOfAsync(ResoluteDbContext db, Guid? id, CancellationToken ct) =>
        id is null ? null : await db.Organisations.Where(o => o.Id == id).Select(o => o.Code).FirstOrDefaultAsync(ct);
}
