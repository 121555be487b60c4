using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Documents;

public sealed class LineageModel(ResoluteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public Lineage.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await Lineage.BuildAsync(db, Id, ct) ?? throw new NotFoundException();

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var result = await Lineage.BuildAsync(db, Id, ct) ?? throw new NotFoundException();
        var name = $"van-ban-trien-khai-{result.Root.Symbol.Replace('/', '_')}.xlsx";
        return File(Lineage.ToExcel(result, LevelName), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
