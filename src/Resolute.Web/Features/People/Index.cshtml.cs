using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Text;
using Resolute.Web.Data;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.People;

/// <summary>People who hold a post in the user's scope, with their current posts (concurrent ones included).</summary>
public sealed class IndexModel(ResoluteDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public sealed record Row(Guid Id, string Name, List<(string Title, string Unit, Guid UnitId, bool Concurrent)> Posts);

    public List<Row> Rows { get; } = [];
    public int Total { get; private set; }
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = db.Scope.HasAny(Permission.ManageOrganisations);
        // People are visible through their posts: the posts are filtered by unit scope.
        var people = db.People.AsNoTracking().Where(p => db.Positions.Any(x => x.PersonId == p.Id && x.EndsOn == null));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var folded = VietnameseText.Fold(Q);
            people = people.Where(p => p.SearchText.Contains(folded));
        }
        Total = await people.CountAsync(ct);
        P = Math.Max(1, P);
        // Sorted by the folded name in the database so paging is stable, then by vi-VN order within the page.
        var page = await people.OrderBy(p => p.SearchText).ThenBy(p => p.Id).Skip((P - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = page.Select(p => p.Id).ToArray();
        var posts = await (from x in db.Positions.AsNoTracking()
                           join o in db.Organisations.AsNoTracking() on x.OrganisationId equals o.Id
                           where ids.Contains(x.PersonId) && x.EndsOn == null
                           select new { x.PersonId, x.Title, o.ShortName, o.Id, x.IsConcurrent }).ToListAsync(ct);
        Rows.AddRange(page.OrderBy(p => p.FullName, Sort).Select(p => new Row(p.Id, p.FullName,
            posts.Where(x => x.PersonId == p.Id).OrderBy(x => x.IsConcurrent).Select(x => (x.Title, x.ShortName, x.Id, x.IsConcurrent)).ToList())));
    }
}
