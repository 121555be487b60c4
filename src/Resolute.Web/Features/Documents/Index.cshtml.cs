using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Documents;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Documents;

public sealed class IndexModel(ResoluteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentSystem? System { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Type { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public DocumentQueries.Result Result { get; private set; } = new(0, 1, 25, [], 0);
    public List<DocumentType> Types { get; private set; } = [];
    public bool CanRegister { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanRegister = db.Scope.HasAny(Permission.RegisterDocuments);
        Types = await db.DocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        Result = await DocumentQueries.SearchAsync(db, new(Q, System, Type, null, null, null, P, 25), ct);
    }
}
