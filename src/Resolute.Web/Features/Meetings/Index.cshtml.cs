using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Access;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Meetings;

/// <summary>
/// The office's calendar of meetings: a month or a week (Monday to Sunday), by forum and committee, or only the
/// meetings the user is invited to (a person's calendar).
/// </summary>
public sealed class IndexModel(ResoluteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? M { get; set; }
    /// <summary>A day of the week to show (yyyy-MM-dd); with it the page shows that week instead of a month.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? Week { get; set; }
    [BindProperty(SupportsGet = true)] public ProgrammeForum? Forum { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    public DateOnly Month { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public bool IsWeek => Week is not null;
    public bool HasPerson { get; private set; }
    /// <summary>The week the month's "by week" link opens: this week when the month is the current one, else its first.</summary>
    public DateOnly WeekOfMonth { get; private set; }
    public List<MeetingsApi.Summary> Meetings { get; private set; } = [];
    public bool CanCall { get; private set; }

    /// <summary>The Monday of the week holding a day.</summary>
    public static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>The query string for another period with the same filters.</summary>
    public string Link(string period) =>
        "?" + period + (Forum is { } f ? $"&forum={f}" : "") + (string.IsNullOrWhiteSpace(Unit) ? "" : $"&unit={Uri.EscapeDataString(Unit)}") + (Mine ? "&mine=true" : "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        CanCall = db.Scope.HasAny(Permission.AssignTasks);
        HasPerson = db.Scope.PersonId is not null;
        if (Week is { } day)
        {
            From = MondayOf(day);
            To = From.AddDays(6);
            Month = new DateOnly(From.Year, From.Month, 1);
        }
        else
        {
            Month = Programmes.ItemForm.MonthOf(M) ?? new DateOnly(db.Today.Year, db.Today.Month, 1);
            (From, To) = (Month, Month.AddMonths(1).AddDays(-1));
        }
        M = Month.ToString("yyyy-MM");
        WeekOfMonth = db.Today.Year == Month.Year && db.Today.Month == Month.Month ? db.Today : Month;
        var unit = await Units.FindAsync(db, null, Unit, "unit", "cấp ủy", ct);
        var person = Mine ? db.Scope.PersonId ?? Guid.Empty : (Guid?)null;
        Meetings = (await MeetingsApi.ListAsync(db, unit?.Id, Forum, From, To, ct, person)).OrderBy(m => m.StartsAt).ToList();
        return Page();
    }
}
