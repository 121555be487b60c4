using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure.Access;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features;

public sealed class HomeModel(ResoluteDbContext db, AccessScope scope, TimeProvider clock) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public int ActiveUnits { get; private set; }
    public int EndedUnits { get; private set; }
    public int People { get; private set; }
    public int Documents { get; private set; }
    public List<(string Role, string Unit)> Grants { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        DisplayName = User.FindFirst(ClaimsFactory.DisplayNameClaim)?.Value ?? User.Identity?.Name ?? "";
        ActiveUnits = await db.Organisations.CountAsync(o => o.ValidTo == null, ct);
        EndedUnits = await db.Organisations.CountAsync(o => o.ValidTo != null, ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        People = await db.Positions.CountAsync(p => p.EndsOn == null || p.EndsOn >= today, ct);
        Documents = await db.Documents.CountAsync(ct);
        var ids = scope.Grants.Select(g => g.OrganisationId).Distinct().ToArray();
        var names = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        foreach (var g in scope.Grants)
            Grants.Add((T(g.Role.VietnameseName()), names.GetValueOrDefault(g.OrganisationId, "?")));
    }
}
