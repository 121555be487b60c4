using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Reviews;

/// <summary>Opening a review campaign, or changing one: subject, period, deadline, outline and the units asked to report.</summary>
public sealed class EditModel(ResoluteDbContext db) : PageModel, IFormPage
{
    public sealed class InputModel
    {
        public string? OwnerCode { get; set; }
        public ReviewKind Kind { get; set; } = ReviewKind.Final;
        public string? Title { get; set; }
        public string? SubjectSymbol { get; set; }
        public string? SubjectNote { get; set; }
        public DateOnly? PeriodFrom { get; set; }
        public DateOnly? PeriodTo { get; set; }
        public DateOnly? Deadline { get; set; }
        public List<string> Sections { get; set; } = [.. ReviewOutline.StandardSections.Select(s => s.Key)];
        public string? ExtraSections { get; set; }
        public string? ReportedFigures { get; set; }
        public Guid? TemplateId { get; set; }
        /// <summary>"", "children" or "subtree".</summary>
        public string? RecipientsAll { get; set; }
        /// <summary>Unit codes, one per line or separated by commas.</summary>
        public string? RecipientCodes { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    public List<OutlineTemplate> Templates { get; private set; } = [];
    public bool IsDraft { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var c = await ReviewRules.LoadAsync(db, id, ct);
            if (!await db.Scope.CanAsync(db, Permission.AssignTasks, c.OwnerId, ct)) return StatusCode(StatusCodes.Status403Forbidden);
            var codes = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == c.OwnerId || c.Reports.Select(r => r.UnitId).Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => o.Code, ct);
            IsDraft = c.State == CampaignState.Draft;
            Input = new InputModel
            {
                OwnerCode = codes[c.OwnerId],
                Kind = c.Kind,
                Title = c.Title,
                SubjectSymbol = c.SubjectDocumentId is { } s ? await db.Documents.Where(d => d.Id == s).Select(d => d.Symbol).FirstOrDefaultAsync(ct) : null,
                SubjectNote = c.SubjectNote,
                PeriodFrom = c.PeriodFrom,
                PeriodTo = c.PeriodTo,
                Deadline = c.Deadline,
                Sections = c.Outline.Sections.Where(x => ReviewOutline.IsStandard(x.Key)).Select(x => x.Key).ToList(),
                ExtraSections = c.Outline.ExtraSectionsText,
                ReportedFigures = c.Outline.ReportedFiguresText,
                RecipientCodes = string.Join("\n", c.Reports.Select(r => codes[r.UnitId]).Order()),
                Version = c.Version,
            };
        }
        else
        {
            if (!db.Scope.HasAny(Permission.AssignTasks)) return StatusCode(StatusCodes.Status403Forbidden);
            var mine = db.Scope.Grants.Where(g => g.Role.Allows(Permission.AssignTasks)).Select(g => g.OrganisationId).FirstOrDefault();
            Input.OwnerCode = mine == Guid.Empty ? null : await Organisations.UnitPicker.CodeOfAsync(db, mine, ct);
            Input.Deadline = db.Today.AddDays(30);
        }
        await LoadTemplatesAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(send: false, ct);

    public Task<IActionResult> OnPostSendAsync(CancellationToken ct) => SaveAsync(send: true, ct);

    private async Task<IActionResult> SaveAsync(bool send, CancellationToken ct)
    {
        if (Id is { } id) IsDraft = (await ReviewRules.LoadAsync(db, id, ct)).State == CampaignState.Draft;
        if (!db.Scope.HasAny(Permission.AssignTasks)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadTemplatesAsync(ct);
        db.ChangeTracker.Clear();
        if (!ModelState.IsValid) return Page();
        var codes = (Input.RecipientCodes ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var input = new CampaignInput
        {
            OwnerCode = Input.OwnerCode,
            Kind = Input.Kind,
            Title = Input.Title,
            SubjectSymbol = Input.SubjectSymbol,
            SubjectNote = Input.SubjectNote,
            PeriodFrom = Input.PeriodFrom,
            PeriodTo = Input.PeriodTo,
            Deadline = Input.Deadline,
            // Once sent, the outline is fixed (its fields are not posted); only a draft's outline is read from the form.
            Sections = IsDraft ? Input.Sections : null,
            ExtraSections = IsDraft ? Input.ExtraSections ?? "" : null,
            ReportedFigures = IsDraft ? Input.ReportedFigures ?? "" : null,
            TemplateId = IsDraft ? Input.TemplateId : null,
            RecipientCodes = codes,
            RecipientsAll = string.IsNullOrWhiteSpace(Input.RecipientsAll) ? null : Input.RecipientsAll,
        };
        var c = await new SaveCampaign(Id, Id is null ? null : Input.Version, input, send).HandleAsync(db, ct);
        TempData["Message"] = send ? string.Format(T("Đã gửi đề cương cho {0} đơn vị."), c.Reports.Count) : T("Đã lưu đợt sơ kết, tổng kết.");
        return RedirectToPage("Details", new { id = c.Id });
    }

    public (string Field, string Input)[] FieldMap =>
    [
        ("ownerId", "Input.OwnerCode"), ("subjectDocumentId", "Input.SubjectSymbol"), ("recipients", "Input.RecipientCodes"),
        ("sections", "Input.ExtraSections"), ("figures", "Input.ReportedFigures"), ("templateId", "Input.TemplateId"), ("outline", "Input.ExtraSections"),
    ];

    public Task ReloadAsync(Exception error, CancellationToken ct) => Task.CompletedTask;

    private async Task LoadTemplatesAsync(CancellationToken ct) =>
        Templates = await db.OutlineTemplates.AsNoTracking().OrderBy(t => t.Name).Take(100).ToListAsync(ct);
}
