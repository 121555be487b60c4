using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Assignments;

/// <summary>Drafting and assigning a task. "Save draft" keeps an incomplete one; "Assign" requires the five clears and lists what is missing.</summary>
public sealed class EditModel(ResoluteDbContext db, UserManager<User> users, IConfiguration config) : PageModel, IFormPage
{
    public sealed class InputModel
    {
        public string? AssignerCode { get; set; }
        public string? Title { get; set; }
        public string? Content { get; set; }
        public string? SourceSymbol { get; set; }
        public string? SourceClause { get; set; }
        public string? SourceNote { get; set; }
        public string? LeadCode { get; set; }
        public string? LeaderName { get; set; }
        public string? FollowUpCode { get; set; }
        public string? CoordinatorCodes { get; set; }
        public DateOnly? Deadline { get; set; }
        public Recurrence Recurrence { get; set; }
        /// <summary>One milestone per line: "dd/mm/yyyy Tên mốc".</summary>
        public string? Milestones { get; set; }
        public string? Output { get; set; }
        public List<IndicatorRow> Indicators { get; set; } = [];
        public Secrecy Secrecy { get; set; }
        public string? NeedToKnow { get; set; }
        public int? Version { get; set; }
    }

    public sealed class IndicatorRow
    {
        public string? Name { get; set; }
        public string? Unit { get; set; }
        public decimal? Target { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    public IReadOnlyList<FiveClear.Gap> Gaps { get; private set; } = [];
    public List<(Guid Id, string Name, string Title)> Leaders { get; private set; } = [];
    public bool IsDraft { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            // Out of scope answers 404 before any question of rights, so existence is not revealed.
            var a = await AssignmentRules.LoadAsync(db, id, ct);
            if (!await db.Scope.CanAsync(db, Permission.AssignTasks, a.AssignerId, ct)) return StatusCode(StatusCodes.Status403Forbidden);
            await FillAsync(a, ct);
            IsDraft = a.State == AssignmentState.Draft;
            Gaps = a.Gaps(db.Today);
        }
        else
        {
            if (!db.Scope.HasAny(Permission.AssignTasks)) return StatusCode(StatusCodes.Status403Forbidden);
            // A new task is given by the user's own unit, followed up by it, unless they change it.
            var mine = db.Scope.Grants.Where(g => g.Role.Allows(Permission.AssignTasks)).Select(g => g.OrganisationId).FirstOrDefault();
            Input.AssignerCode = Input.FollowUpCode = mine == Guid.Empty ? null : await Organisations.UnitPicker.CodeOfAsync(db, mine, ct);
        }
        await LoadLeadersAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(assign: false, ct);

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) => SaveAsync(assign: true, ct);

    private async Task<IActionResult> SaveAsync(bool assign, CancellationToken ct)
    {
        if (Id is { } id) await AssignmentRules.LoadAsync(db, id, ct);
        if (!db.Scope.HasAny(Permission.AssignTasks)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadLeadersAsync(ct);
        if (!ModelState.IsValid) return Page();
        var input = await ToInputAsync(ct);
        var a = await new SaveAssignment(Id, Id is null ? null : Input.Version, input, assign).HandleAsync(db, users, config, ct);
        TempData["Message"] = a.State == AssignmentState.Draft ? T("Đã lưu dự thảo nhiệm vụ.") : T("Đã giao nhiệm vụ.");
        return RedirectToPage("Details", new { id = a.Id });
    }

    public (string Field, string Input)[] FieldMap =>
    [
        ("assignerId", "Input.AssignerCode"), ("leadId", "Input.LeadCode"), ("leadLeaderId", "Input.LeaderName"),
        ("followUpId", "Input.FollowUpCode"), ("coordinatorIds", "Input.CoordinatorCodes"), ("sourceDocumentId", "Input.SourceSymbol"),
        ("indicators", "Input.Indicators"), ("needToKnow", "Input.NeedToKnow"),
    ];

    /// <summary>A task short of the five clears lists what is missing below the form.</summary>
    public Task ReloadAsync(Exception error, CancellationToken ct)
    {
        if (error is FiveClear.IncompleteException e)
        {
            Gaps = e.Gaps;
            ModelState.Remove("");
            ModelState.AddModelError("", T("Chưa đủ 5 rõ để giao nhiệm vụ. Hãy bổ sung các mục dưới đây, hoặc lưu dự thảo."));
        }
        return Task.CompletedTask;
    }

    private async Task<AssignmentInput> ToInputAsync(CancellationToken ct)
    {
        var today = db.Today;
        var lead = await Units.FindAsync(db, null, Input.LeadCode, "leadId", "đơn vị chủ trì", ct);
        Guid? leader = lead is null || string.IsNullOrWhiteSpace(Input.LeaderName) ? null
            : await Units.LeaderByNameAsync(db, Input.LeaderName, lead, today, ct);
        var milestones = new List<MilestoneInput>();
        foreach (var line in (Input.Milestones ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (!DateOnly.TryParseExact(parts[0], ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
                throw new DomainException("milestone-date", $"Mốc \"{line}\": cần bắt đầu bằng ngày dạng dd/mm/yyyy, ví dụ 30/06/2027 Hoàn thành dự thảo.", "milestones");
            milestones.Add(new MilestoneInput(parts.Length > 1 ? parts[1] : "", due));
        }
        return new AssignmentInput
        {
            AssignerCode = Input.AssignerCode,
            Title = Input.Title,
            Content = Input.Content,
            SourceDocumentId = string.IsNullOrWhiteSpace(Input.SourceSymbol) ? null : await Sources.BySymbolAsync(db, Input.SourceSymbol, ct),
            SourceClause = Input.SourceClause,
            SourceNote = Input.SourceNote,
            LeadId = lead?.Id,
            LeadLeaderId = leader,
            FollowUpCode = Input.FollowUpCode,
            CoordinatorCodes = (Input.CoordinatorCodes ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Deadline = Input.Deadline,
            Recurrence = Input.Recurrence,
            Milestones = milestones,
            Output = Input.Output,
            Indicators = Input.Indicators.Select(i => new IndicatorInput(i.Name, i.Unit, i.Target)).ToList(),
            Secrecy = Input.Secrecy,
            NeedToKnow = (Input.NeedToKnow ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }

    private async Task FillAsync(Assignment a, CancellationToken ct)
    {
        var ids = new[] { a.AssignerId, a.LeadId ?? Guid.Empty, a.FollowUpId ?? Guid.Empty }.Concat(a.Coordinators.Select(c => c.OrganisationId)).ToList();
        var codes = await db.Organisations.IgnoreQueryFilters().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        Input = new InputModel
        {
            AssignerCode = codes.GetValueOrDefault(a.AssignerId),
            Title = a.Title,
            Content = a.Content,
            SourceSymbol = a.SourceDocumentId is { } s ? await db.Documents.Where(d => d.Id == s).Select(d => d.Symbol).FirstOrDefaultAsync(ct) : null,
            SourceClause = a.SourceClause,
            SourceNote = a.SourceNote,
            LeadCode = a.LeadId is { } l ? codes.GetValueOrDefault(l) : null,
            LeaderName = a.LeadLeaderId is { } p ? await db.People.Where(x => x.Id == p).Select(x => x.FullName).FirstOrDefaultAsync(ct) : null,
            FollowUpCode = a.FollowUpId is { } f ? codes.GetValueOrDefault(f) : null,
            CoordinatorCodes = string.Join(", ", a.Coordinators.Select(c => codes.GetValueOrDefault(c.OrganisationId))),
            Deadline = a.Deadline,
            Recurrence = a.Recurrence,
            Milestones = string.Join("\n", a.Milestones.OrderBy(m => m.DueOn).Select(m => $"{m.DueOn:dd/MM/yyyy} {m.Title}")),
            Output = a.Output,
            Indicators = a.Indicators.Select(i => new IndicatorRow { Name = i.Name, Unit = i.Unit, Target = i.Target }).ToList(),
            Secrecy = a.Secrecy,
            Version = a.Version,
        };
    }

    private async Task LoadLeadersAsync(CancellationToken ct)
    {
        while (Input.Indicators.Count < 3) Input.Indicators.Add(new IndicatorRow());
        if (string.IsNullOrWhiteSpace(Input.LeadCode)) return;
        var code = Organisations.UnitPicker.CodeOf(Input.LeadCode);
        var lead = await db.Organisations.Where(o => o.Code == code).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (lead is { } id) Leaders = await Units.LeadersOfAsync(db, id, db.Today, ct);
    }
}
