using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Programmes;

/// <summary>Drafts a programme (whose, which kind, which years; an annual one may start from the full-term items of its year) or changes a draft's heading.</summary>
public sealed class EditModel(ResoluteDbContext db) : PageModel, IFormPage
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Cần nhập mã cấp ủy.")]
        public string? OrganisationCode { get; set; }
        public ProgrammeForum Body { get; set; } = ProgrammeForum.StandingCommittee;
        public ProgrammeKind Kind { get; set; } = ProgrammeKind.Annual;
        [Required(ErrorMessage = "Cần nhập năm.")]
        [Range(1945, 2999, ErrorMessage = "Năm không hợp lệ.")]
        public int? Year { get; set; }
        [Range(1945, 2999, ErrorMessage = "Năm không hợp lệ.")]
        public int? ToYear { get; set; }
        [StringLength(WorkProgramme.TitleMaxLength, ErrorMessage = "Tên chương trình không được dài quá {1} ký tự.")]
        public string? Title { get; set; }
        [StringLength(WorkProgramme.PreambleMaxLength, ErrorMessage = "Phần mở đầu không được dài quá {1} ký tự.")]
        public string? Preamble { get; set; }
        public Guid? SourceProgrammeId { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public List<ProgrammesApi.Summary> FullTerm { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var p = await ProgrammeRules.LoadAsync(db, id, ct);
            await ProgrammeRules.RequireKeeperAsync(db, p, ct);
            Input = new InputModel
            {
                OrganisationCode = await Organisations.UnitPicker.CodeOfAsync(db, p.OrganisationId, ct),
                Body = p.Body,
                Kind = p.Kind,
                Year = p.FromYear,
                ToYear = p.ToYear,
                Title = p.Title,
                Preamble = p.Preamble,
                Version = p.Version,
            };
        }
        else
        {
            if (!db.Scope.HasAny(Permission.AssignTasks)) return StatusCode(StatusCodes.Status403Forbidden);
            var mine = db.Scope.Grants.Where(g => g.Role.Allows(Permission.AssignTasks)).Select(g => g.OrganisationId).FirstOrDefault();
            Input.OrganisationCode = mine == Guid.Empty ? null : await Organisations.UnitPicker.CodeOfAsync(db, mine, ct);
            Input.Year = db.Today.Month >= 10 ? db.Today.Year + 1 : db.Today.Year;
        }
        await ReloadAsync(null!, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(null!, ct);
        if (!ModelState.IsValid) return Page();
        var fields = new ProgrammeFields
        {
            OrganisationCode = Input.OrganisationCode,
            Body = Input.Body,
            Kind = Input.Kind,
            Year = Input.Year,
            ToYear = Input.ToYear,
            Title = Input.Title,
            Preamble = Input.Preamble,
            SourceProgrammeId = Id is null ? Input.SourceProgrammeId : null,
        };
        var p = await new SaveProgramme(Id, Id is null ? null : Input.Version, fields).HandleAsync(db, ct);
        TempData["Message"] = Id is null ? T("Đã lập dự thảo chương trình. Hãy thêm các nội dung.") : T("Đã lưu chương trình.");
        return RedirectToPage("Details", new { id = p.Id });
    }

    public (string Field, string Input)[] FieldMap =>
        [("organisationId", "Input.OrganisationCode"), ("year", "Input.Year"), ("toYear", "Input.ToYear"), ("sourceProgrammeId", "Input.SourceProgrammeId")];

    /// <summary>The full-term programmes an annual one may start from.</summary>
    public async Task ReloadAsync(Exception error, CancellationToken ct) =>
        FullTerm = await ProgrammeQueries.ListAsync(db, null, null, ProgrammeKind.FullTerm, ct);
}
