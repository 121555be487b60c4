using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Programmes;

/// <summary>How a programme is going over a period: the counts RULES.md §10 names, by preparing unit and by member in charge, with the documents.</summary>
public sealed class ReportModel(ResoluteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public ProgrammeView Programme { get; private set; } = null!;
    public ProgrammeDocuments.Report Report { get; private set; } = null!;
    public string Query => $"from={Report.From:yyyy-MM-dd}&to={Report.To:yyyy-MM-dd}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (view, report) = await ProgrammesApi.ReportAsync(db, Id, ItemForm.MonthOf(From), ItemForm.MonthOf(To), ct);
        (Programme, Report) = (view, report);
        From = report.From.ToString("yyyy-MM");
        To = report.To.ToString("yyyy-MM");
        return Page();
    }
}
