using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Access;
using Resolute.Domain.Documents;
using Resolute.Domain.Meetings;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Meetings;

/// <summary>Calls a meeting of a committee's forum (its members invited) or changes one not yet held.</summary>
public sealed class EditModel(ResoluteDbContext db) : PageModel, IFormPage
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Cần nhập mã cấp ủy.")]
        public string? OrganisationCode { get; set; }
        public ProgrammeForum Forum { get; set; } = ProgrammeForum.StandingCommittee;
        public MeetingKind Kind { get; set; } = MeetingKind.Regular;
        [Range(1, 999, ErrorMessage = "Số thứ tự phải từ 1 đến 999.")]
        public int? Number { get; set; }
        [StringLength(Meeting.TitleMaxLength, ErrorMessage = "Tên cuộc họp không được dài quá {1} ký tự.")]
        public string? Title { get; set; }
        [Required(ErrorMessage = "Cần nhập thời gian họp.")]
        public DateTime? StartsAt { get; set; }
        [StringLength(Meeting.PlaceMaxLength, ErrorMessage = "Địa điểm không được dài quá {1} ký tự.")]
        public string? Place { get; set; }
        public Secrecy Secrecy { get; set; }
        public Guid? ChairId { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>Who may chair: the leaders of the committee (the secretary or a deputy secretary, RULES.md §11), of every committee the caller keeps.</summary>
    public List<(Guid Id, string Name, string Title)> Chairs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var m = await MeetingRules.LoadAsync(db, id, ct);
            await MeetingRules.RequireKeeperAsync(db, m, ct);
            Input = new InputModel
            {
                OrganisationCode = await Organisations.UnitPicker.CodeOfAsync(db, m.OrganisationId, ct),
                Forum = m.Forum,
                Kind = m.Kind,
                Number = m.Number,
                Title = m.Title,
                StartsAt = m.StartsAt + VietnamTime.Offset,
                Place = m.Place,
                Secrecy = m.Secrecy,
                Version = m.Version,
            };
            return Page();
        }
        if (!db.Scope.HasAny(Permission.AssignTasks)) return StatusCode(StatusCodes.Status403Forbidden);
        var mine = db.Scope.Grants.Where(g => g.Role.Allows(Permission.AssignTasks)).Select(g => g.OrganisationId).FirstOrDefault();
        Input.OrganisationCode = mine == Guid.Empty ? null : await Organisations.UnitPicker.CodeOfAsync(db, mine, ct);
        Input.StartsAt = db.Today.AddDays(7).ToDateTime(new TimeOnly(8, 0));
        await ReloadAsync(null!, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(null!, ct);
        if (!ModelState.IsValid) return Page();
        var m = await new SaveMeeting(Id, Id is null ? null : Input.Version, new MeetingFields
        {
            OrganisationCode = Input.OrganisationCode,
            Forum = Input.Forum,
            Kind = Input.Kind,
            Number = Input.Number,
            Title = Input.Title,
            StartsAt = Input.StartsAt,
            Place = Input.Place,
            Secrecy = Input.Secrecy,
        }).HandleAsync(db, ct);
        TempData["Message"] = Id is null ? T("Đã triệu tập cuộc họp; các thành viên đã được đưa vào thành phần mời.") : T("Đã lưu cuộc họp.");
        return RedirectToPage("Details", new { id = m.Id });
    }

    public (string Field, string Input)[] FieldMap => [("organisationId", "Input.OrganisationCode"), ("startsAt", "Input.StartsAt"), ("number", "Input.Number"), ("chairId", "Input.ChairId")];

    public async Task ReloadAsync(Exception error, CancellationToken ct)
    {
        var roots = db.Scope.Grants.Where(g => g.Role.Allows(Permission.AssignTasks)).Select(g => g.OrganisationId).Distinct().ToList();
        Chairs = [];
        foreach (var root in roots.Take(5)) Chairs.AddRange(await Common.Units.LeadersOfAsync(db, root, db.Today, ct));
        Chairs = Chairs.DistinctBy(c => c.Id).ToList();
    }
}
