using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Delegations;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Delegations;

/// <summary>Prepares a delegation (body, kind, subject, periods, members with roles, units visited) or changes one.</summary>
public sealed class EditModel(ResoluteDbContext db) : PageModel, IFormPage
{
    public const int MemberRows = 6;
    public const int VisitRows = 4;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Cần nhập mã cơ quan quyết định thành lập đoàn.")]
        public string? OrganisationCode { get; set; }
        public DelegationKind Kind { get; set; } = DelegationKind.Supervision;
        [Required(ErrorMessage = "Cần ghi tên đoàn.")]
        [StringLength(Delegation.TitleMaxLength, ErrorMessage = "Tên đoàn không được dài quá {1} ký tự.")]
        public string? Title { get; set; }
        [StringLength(Delegation.SubjectMaxLength, ErrorMessage = "Nội dung không được dài quá {1} ký tự.")]
        public string? Subject { get; set; }
        public string? SubjectSymbol { get; set; }
        public DateOnly? ReviewFrom { get; set; }
        public DateOnly? ReviewTo { get; set; }
        [Required(ErrorMessage = "Cần nhập ngày bắt đầu.")]
        public DateOnly? StartsOn { get; set; }
        [Required(ErrorMessage = "Cần nhập ngày kết thúc.")]
        public DateOnly? EndsOn { get; set; }
        public List<Guid?> MemberIds { get; set; } = [];
        public List<DelegationRole> MemberRoles { get; set; } = [];
        public List<string?> VisitCodes { get; set; } = [];
        public List<DateOnly?> VisitDeadlines { get; set; } = [];
        public int? Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Established { get; private set; }
    /// <summary>Who may be named: the officials of the caller's committees at their own level (the committee's bodies and their leaders).</summary>
    public List<(Guid Id, string Name, string Title)> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var d = await DelegationRules.LoadAsync(db, id, ct);
            await DelegationRules.RequireKeeperAsync(db, d, ct);
            var codes = await db.Organisations.IgnoreQueryFilters().Where(o => d.Visits.Select(v => v.UnitId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
            Input = new InputModel
            {
                OrganisationCode = await Organisations.UnitPicker.CodeOfAsync(db, d.OrganisationId, ct),
                Kind = d.Kind,
                Title = d.Title,
                Subject = d.Subject,
                SubjectSymbol = d.SubjectDocumentId is { } sd ? await db.Documents.Where(x => x.Id == sd).Select(x => x.Symbol).FirstOrDefaultAsync(ct) : null,
                ReviewFrom = d.ReviewFrom,
                ReviewTo = d.ReviewTo,
                StartsOn = d.StartsOn,
                EndsOn = d.EndsOn,
                MemberIds = d.Members.OrderBy(m => m.Role).Select(m => (Guid?)m.PersonId).ToList(),
                MemberRoles = d.Members.OrderBy(m => m.Role).Select(m => m.Role).ToList(),
                VisitCodes = d.Visits.Select(v => (string?)codes.GetValueOrDefault(v.UnitId)).ToList(),
                VisitDeadlines = d.Visits.Select(v => v.ReportDeadline).ToList(),
                Version = d.Version,
            };
            Established = d.State != DelegationState.Draft;
        }
        else
        {
            if (!db.Scope.HasAny(Permission.AssignTasks)) return StatusCode(StatusCodes.Status403Forbidden);
            Input.StartsOn = db.Today;
            Input.EndsOn = db.Today.AddMonths(1);
        }
        await ReloadAsync(null!, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(null!, ct);
        if (!ModelState.IsValid) return Page();
        var members = Input.MemberIds.Select((p, i) => (p, Role: i < Input.MemberRoles.Count ? Input.MemberRoles[i] : DelegationRole.Member))
            .Where(x => x.p is not null).Select(x => new MemberInput(x.p!.Value, x.Role)).ToList();
        var visits = Input.VisitCodes.Select((c, i) => (c, Deadline: i < Input.VisitDeadlines.Count ? Input.VisitDeadlines[i] : null))
            .Where(x => !string.IsNullOrWhiteSpace(x.c)).Select(x => new VisitInput(x.c, null, x.Deadline)).ToList();
        var d = await new SaveDelegation(Id, Id is null ? null : Input.Version, new DelegationFields
        {
            OrganisationCode = Input.OrganisationCode,
            Kind = Input.Kind,
            Title = Input.Title,
            Subject = Input.Subject,
            SubjectSymbol = Input.SubjectSymbol,
            ReviewFrom = Input.ReviewFrom,
            ReviewTo = Input.ReviewTo,
            StartsOn = Input.StartsOn,
            EndsOn = Input.EndsOn,
            // A disabled list (an established delegation) posts no members: they stay as decided.
            Members = members.Count == 0 ? null : members,
            Visits = visits,
        }).HandleAsync(db, ct);
        TempData["Message"] = Id is null ? T("Đã lập đoàn (dự thảo); hãy kiểm tra rồi ra quyết định thành lập.") : T("Đã lưu đoàn.");
        return RedirectToPage("Details", new { id = d.Id });
    }

    public (string Field, string Input)[] FieldMap =>
        [("organisationId", "Input.OrganisationCode"), ("title", "Input.Title"), ("endsOn", "Input.EndsOn"), ("startsOn", "Input.StartsOn"), ("reviewTo", "Input.ReviewTo"),
         ("members", "Input.MemberIds"), ("visits", "Input.VisitCodes"), ("unitId", "Input.VisitCodes"), ("reportDeadline", "Input.VisitDeadlines"), ("sourceDocumentId", "Input.SubjectSymbol")];

    public async Task ReloadAsync(Exception error, CancellationToken ct)
    {
        var roots = db.Scope.Grants.Where(g => g.Role.Allows(Permission.AssignTasks)).Select(g => g.OrganisationId).Distinct().Take(5).ToList();
        var today = db.Today;
        // The officials at the level of the caller's own units (a city office: the city's bodies, not every ward's).
        var levels = await db.Organisations.Where(o => roots.Contains(o.Id)).Select(o => o.Level).Distinct().ToListAsync(ct);
        var rows = await (from p in db.Positions.IgnoreQueryFilters()
                          join o in db.Organisations.IgnoreQueryFilters() on p.OrganisationId equals o.Id
                          join c in db.OrganisationClosures on o.Id equals c.DescendantId
                          join person in db.People.IgnoreQueryFilters() on p.PersonId equals person.Id
                          where roots.Contains(c.AncestorId) && c.Depth <= 1 && levels.Contains(o.Level) && p.StartsOn <= today && (p.EndsOn == null || p.EndsOn >= today)
                          select new { person.Id, person.FullName, p.Title, o.ShortName, p.IsLeader }).Take(300).ToListAsync(ct);
        People = rows.OrderByDescending(r => r.IsLeader).GroupBy(r => r.Id).Select(g => (g.Key, g.First().FullName, $"{g.First().Title}, {g.First().ShortName}"))
            .OrderBy(x => x.FullName, Domain.Text.VietnameseText.Comparer).ToList();
        // A member named earlier who no longer holds a post here is still shown.
        var missing = Input.MemberIds.Where(x => x is not null && People.All(p => p.Id != x)).Select(x => x!.Value).ToList();
        if (missing.Count > 0)
            People.AddRange((await db.People.IgnoreQueryFilters().Where(p => missing.Contains(p.Id)).ToListAsync(ct)).Select(p => (p.Id, p.FullName, "")));
        while (Input.MemberIds.Count < MemberRows) Input.MemberIds.Add(null);
        while (Input.MemberRoles.Count < MemberRows) Input.MemberRoles.Add(Input.MemberRoles.Count == 0 ? DelegationRole.Head : DelegationRole.Member);
        while (Input.VisitCodes.Count < VisitRows) Input.VisitCodes.Add(null);
        while (Input.VisitDeadlines.Count < VisitRows) Input.VisitDeadlines.Add(null);
    }
}
