using Resolute.Domain.Common;
using Resolute.Domain.Delegations;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Delegations;

/// <summary>A working session with a visited unit: when and where, who attended on each side, the paper presented (a register entry), minutes.</summary>
public sealed record AddSession(Guid Id, int? Version, string? UnitCode, DateTime? At, string? Place, string? PaperSymbol, string? Attendees, string? Minutes,
    bool RequireVersion = false)
{
    public async Task<WorkingSession> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var d = await DelegationRules.LoadAsync(db, Id, ct);
        await DelegationRules.RequireKeeperAsync(db, d, ct);
        DelegationRules.CheckVersion(d, Version, RequireVersion);
        if (At is null) throw new DomainException("required", "Cần nhập thời gian làm việc.", "at");
        var unit = d.Visits.Count == 1 && string.IsNullOrWhiteSpace(UnitCode) ? d.Visits[0].UnitId : await VisitedAsync(db, d, UnitCode, ct);
        var paper = string.IsNullOrWhiteSpace(PaperSymbol) ? (Guid?)null : await Sources.BySymbolAsync(db, PaperSymbol, ct);
        var s = d.AddSession(unit, DateTime.SpecifyKind(At.Value - Infrastructure.VietnamTime.Offset, DateTimeKind.Utc), Place, paper, Attendees);
        if (!string.IsNullOrWhiteSpace(Minutes)) d.WriteMinutes(s.Id, Minutes);
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// <summary>A visited unit by its code (the unit picker's text), among the delegation's visits.</summary>
    public static async Task<Guid> VisitedAsync(ResoluteDbContext db, Delegation d, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new DomainException("required", "Cần chọn đơn vị đoàn làm việc.", "unitCode");
        var bare = Organisations.UnitPicker.CodeOf(code);
        var ids = d.Visits.Select(v => v.UnitId).ToList();
        var unit = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Organisations), o => ids.Contains(o.Id) && o.Code == bare, ct);
        return unit?.Id ?? throw new DomainException("visit", $"{bare} không có trong danh sách làm việc của đoàn.", "unitCode");
    }
}
