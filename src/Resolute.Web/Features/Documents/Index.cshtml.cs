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
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentQueries.SortOrder Sort { get; set; }
    public string? UnitError { get; private set; }

    public DocumentQueries.Result Result { get; private set; } = new(0, 1, 25, [], 0);
    public List<DocumentType> Types { get; private set; } = [];
    public bool CanRegister { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanRegister = db.Scope.HasAny(Permission.RegisterDocuments);
        Types = await db.DocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        Guid? subtree = null;
        if (!string.IsNullOrWhiteSpace(Unit))
        {
            try { subtree = (await DocumentRules.FindIssuerAsync(db, null, Unit, ct)).Id; }
            catch (Resolute.Domain.Common.DomainException e) { UnitError = e.Message; }
        }
        Result = await DocumentQueries.SearchAsync(db, new(Q, System, Type, null, From, To, P, 25, subtree, Status, Sort), ct);
    }
}
