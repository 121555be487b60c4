using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Meetings;

/// <summary>
/// The follow-up of conclusions: every point of the notices a committee's forum issued over a period, by lead unit, with
/// its tasks and where they stand; printed as the committee's report (.docx) with its annex (.xlsx).
/// </summary>
public sealed class FollowUpModel(ResoluteDbContext db, IConfiguration config) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public ProgrammeForum? Forum { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public Guid? OrgId { get; private set; }
    public string? OrgName { get; private set; }
    public List<MeetingsApi.ReportRow> Rows { get; private set; } = [];
    public List<MeetingsApi.LeadRow> Summary { get; private set; } = [];

    public string Query => $"org={OrgId}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}" + (Forum is { } f ? $"&forum={f}" : "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        From ??= new DateOnly(db.Today.Year, 1, 1);
        To ??= db.Today;
        if (To < From) throw new Domain.Common.DomainException("period", "Ngày kết thúc phải sau ngày bắt đầu.", "to");
        var unit = await Units.FindAsync(db, null, Unit, "unit", "cấp ủy", ct);
        Rows = await MeetingsApi.ReportAsync(db, unit?.Id, Forum, From, To, config, ct);
        // With no committee chosen, every meeting the user may see; the report prints for one committee (the rows' own, when they share one).
        var committees = Rows.Select(r => r.OrganisationId).Distinct().ToList();
        OrgId = unit?.Id ?? (committees.Count == 1 ? committees[0] : null);
        OrgName = unit?.ShortName ?? (committees.Count == 1 ? Rows[0].OrganisationName : null);
        Summary = MeetingsApi.LeadSummary(Rows);
        return Page();
    }
}
