using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Organisations;
using Resolute.Domain.Text;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Organisations;

/// <summary>Browse the tree one level at a time from the user's top units, or search it without diacritics.</summary>
public sealed class IndexModel(ResoluteDbContext db) : PageModel
{
    public const int SearchLimit = 200;

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Ended { get; set; }

    public Organisation? Selected { get; private set; }
    public List<Organisation> Breadcrumb { get; } = [];
    public List<Row> Children { get; } = [];
    public List<Row> Results { get; } = [];
    public List<(string Person, string Title, bool Concurrent)> Positions { get; } = [];
    public List<Organisation> Predecessors { get; } = [];
    public Organisation? Successor { get; private set; }
    public Organisation? Parent { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanReadAudit => Audit.AuditTrail.MayRead(db);
    public int EndedChildren { get; private set; }

    public sealed record Row(Organisation Unit, string? ParentName, int Descendants);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            await SearchAsync(Q, ct);
            return Page();
        }
        if (Id is null)
        {
            // Start at the top of what the user may see: units whose parent is outside their scope.
            var visible = db.Organisations.Select(o => o.Id);
            var tops = await db.Organisations.AsNoTracking()
                .Where(o => o.ParentId == null || !visible.Contains(o.ParentId.Value)).ToListAsync(ct);
            if (tops.Count == 1) return RedirectToPage(new { id = tops[0].Id });
            await FillRowsAsync(Children, tops, ct);
            return Page();
        }

        Selected = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == Id, ct)
            ?? throw new NotFoundException();
        var ancestorIds = await db.OrganisationClosures.Where(c => c.DescendantId == Selected.Id && c.Depth > 0)
            .OrderByDescending(c => c.Depth).Select(c => c.AncestorId).ToListAsync(ct);
        var ancestors = await db.Organisations.AsNoTracking().Where(o => ancestorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        Breadcrumb.AddRange(ancestorIds.Where(ancestors.ContainsKey).Select(a => ancestors[a]));
        Parent = Selected.ParentId is { } pid ? ancestors.GetValueOrDefault(pid) : null;

        var children = await db.Organisations.AsNoTracking().Where(o => o.ParentId == Selected.Id).ToListAsync(ct);
        EndedChildren = children.Count(c => c.IsEnded);
        await FillRowsAsync(Children, Ended ? children : children.Where(c => !c.IsEnded).ToList(), ct);

        var positions = await (from p in db.Positions.AsNoTracking()
                               join person in db.People.AsNoTracking() on p.PersonId equals person.Id
                               where p.OrganisationId == Selected.Id && p.EndsOn == null
                               orderby p.StartsOn
                               select new { person.FullName, p.Title, p.IsConcurrent }).ToListAsync(ct);
        Positions.AddRange(positions.Select(p => (p.FullName, p.Title, p.IsConcurrent)));

        Predecessors.AddRange((await db.Organisations.AsNoTracking().Where(o => o.SuccessorId == Selected.Id).ToListAsync(ct))
            .OrderBy(o => o.ShortName, Sort));
        if (Selected.SuccessorId is { } sid)
            Successor = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == sid, ct);
        CanManage = await db.Scope.CanAsync(db, Permission.ManageOrganisations, Selected.Id, ct);
        return Page();
    }

    private async Task SearchAsync(string q, CancellationToken ct)
    {
        var folded = VietnameseText.Fold(q);
        var query = db.Organisations.AsNoTracking().Where(o => o.SearchText.Contains(folded));
        if (!Ended) query = query.Where(o => o.ValidTo == null);
        var found = await query.Take(SearchLimit).ToListAsync(ct);
        await FillRowsAsync(Results, found, ct);
    }

    private async Task FillRowsAsync(List<Row> into, List<Organisation> units, CancellationToken ct)
    {
        var ids = units.Select(u => u.Id).ToArray();
        var counts = await db.OrganisationClosures.Where(c => ids.Contains(c.AncestorId) && c.Depth > 0)
            .GroupBy(c => c.AncestorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var parentIds = units.Where(u => u.ParentId != null).Select(u => u.ParentId!.Value).Distinct().ToArray();
        var parents = await db.Organisations.AsNoTracking().Where(o => parentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        into.AddRange(units
            .OrderBy(u => u.IsEnded)
            .ThenBy(u => u.ShortName, Sort)
            .Select(u => new Row(u, u.ParentId is { } p ? parents.GetValueOrDefault(p) : null, counts.GetValueOrDefault(u.Id))));
    }
}
