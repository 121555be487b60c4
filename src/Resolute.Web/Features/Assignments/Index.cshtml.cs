using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Web.Data;

using Resolute.Web.Features.Common;

namespace Resolute.Web.Features.Assignments;

public sealed class IndexModel(ResoluteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public bool Subtree { get; set; } = true;
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DueFrom { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DueTo { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Source { get; set; }
    /// <summary>With <see cref="Source"/>: tasks from that document or any document implementing it, level by level.</summary>
    [BindProperty(SupportsGet = true)] public bool Lineage { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Leader { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Parent { get; set; }
    [BindProperty(SupportsGet = true)] public string? CompletedMonth { get; set; }
    [BindProperty(SupportsGet = true)] public Resolute.Domain.Programmes.ProgrammeForum? Conclusions { get; set; }
    [BindProperty(SupportsGet = true)] public AssignmentQueries.Sort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public string? Error { get; private set; }
    public bool CanAssign { get; private set; }
    public AssignmentQueries.Page Result { get; private set; } = new(0, 1, 25, [], 0);

    /// <summary>The query string of the current filter, for paging and the Excel export.</summary>
    public Dictionary<string, string> Route(int? page = null)
    {
        var d = new Dictionary<string, string>();
        void Add(string k, object? v) { if (v is not null && v.ToString() is { Length: > 0 } s) d[k] = s; }
        Add("q", Q); Add("unit", Unit); Add("subtree", Subtree ? null : "false"); Add("status", Status);
        Add("dueFrom", DueFrom?.ToString("yyyy-MM-dd")); Add("dueTo", DueTo?.ToString("yyyy-MM-dd")); Add("source", Source); Add("lineage", Lineage ? "true" : null); Add("leader", Leader);
        Add("parent", Parent); Add("completedMonth", CompletedMonth); Add("conclusions", Conclusions); Add("sort", Sort == AssignmentQueries.Sort.Due ? null : Sort); Add("p", page);
        return d;
    }

    public async Task<AssignmentQueries.Filter?> FilterAsync(CancellationToken ct)
    {
        Guid? org = null;
        if (!string.IsNullOrWhiteSpace(Unit))
        {
            try { org = (await Units.FindAsync(db, null, Unit, "unit", "đơn vị", ct))?.Id; }
            catch (DomainException e) { Error = e.Message; return null; }
        }
        var statuses = new List<AssignmentStatus>();
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (AssignmentStatuses.TryParse(Status, out var s)) statuses.Add(s);
            else { Error = "Tình trạng không hợp lệ."; return null; }
        }
        IReadOnlyList<Guid>? sources = null;
        if (Lineage && Source is { } root)
            sources = await Reviews.ReviewFigures.LineageIdsAsync(db, root, ct);
        DateOnly? month = null;
        if (!string.IsNullOrWhiteSpace(CompletedMonth) && DateOnly.TryParseExact(CompletedMonth + "-01", "yyyy-MM-dd", out var m) && m.Year is >= 1900 and <= 2999) month = m;
        return new AssignmentQueries.Filter
        {
            Org = org,
            Subtree = Subtree,
            Statuses = statuses,
            Q = Q,
            DueFrom = DueFrom,
            DueTo = DueTo,
            Source = sources is null ? Source : null,
            Sources = sources,
            Leader = Leader,
            Parent = Parent,
            CompletedMonth = month,
            ConclusionsOf = Conclusions,
            Sort = Sort,
            Page = P,
            PageSize = 25,
        };
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanAssign = db.Scope.HasAny(Permission.AssignTasks);
        if (await FilterAsync(ct) is { } f) Result = await AssignmentQueries.ListAsync(db, f, ct);
    }

    /// <summary>The same list, every page of it, as an Excel file in the import template's shape.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await FilterAsync(ct) is not { } f) return BadRequest(Error ?? "");
        var bytes = await AssignmentExcel.ExportAsync(db, f, ct);
        return File(bytes, AssignmentExcel.ContentType, $"nhiem-vu-{db.Today:yyyy-MM-dd}.xlsx");
    }
}
