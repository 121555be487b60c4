using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Delegations;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Delegations;

/// <summary>Delegations over HTTP: set up, working sessions, conclusions, recommendations followed up as tasks.</summary>
public static class DelegationsApi
{
    public sealed record DelegationBody(int? Version, string? OrganisationCode, Guid? OrganisationId, DelegationKind? Kind, string? Title, string? Subject,
        string? SubjectSymbol, DateOnly? ReviewFrom, DateOnly? ReviewTo, DateOnly? StartsOn, DateOnly? EndsOn, List<MemberInput>? Members, List<VisitInput>? Visits);
    public sealed record EstablishBody(int? Version, DateOnly? On, string? Outline, Guid? OutlineTemplateId);
    public sealed record SessionBody(int? Version, string? UnitCode, DateTime? At, string? Place, string? PaperSymbol, string? Attendees, string? Minutes);
    public sealed record ConclusionBody(int? Version, string? UnitCode, string? Summary, List<FindingInput>? Findings, List<RecommendationInput>? Recommendations,
        bool Issue, DateOnly? On);
    public sealed record IssueBody(int? Version, DateOnly? On);
    public sealed record TaskBody(string? Output);

    public sealed record Summary(Guid Id, string Title, DelegationKind Kind, Guid OrganisationId, string OrganisationName, DateOnly StartsOn, DateOnly EndsOn,
        DelegationState State, int Visits, int Recommendations, int Version);
    public sealed record MemberDto(Guid PersonId, string Name, DelegationRole Role);
    public sealed record TaskDto(Guid Id, string Title, string Status);
    public sealed record VisitDto(Guid UnitId, string Unit, string UnitCode, DateOnly? ReportDeadline, TaskDto? Report);
    public sealed record SessionDto(Guid Id, Guid UnitId, string Unit, DateTime At, string? Place, string? PaperSymbol, string? Attendees, string? Minutes);
    public sealed record FindingDto(FindingKind Kind, string Text);
    public sealed record RecommendationDto(Guid Id, int Number, string Text, DateOnly? Deadline, Guid? TaskId, TaskDto? Task);
    public sealed record ConclusionDto(Guid Id, Guid UnitId, string Unit, string? Summary, Guid? DocumentId, string? DocumentSymbol, DateOnly? IssuedOn,
        IReadOnlyList<FindingDto> Findings, IReadOnlyList<RecommendationDto> Recommendations);
    public sealed record Detail(Guid Id, string Title, DelegationKind Kind, Guid OrganisationId, string OrganisationName, string? Subject, string? SubjectSymbol,
        DateOnly? ReviewFrom, DateOnly? ReviewTo, DateOnly StartsOn, DateOnly EndsOn, DelegationState State, Guid? DecisionDocumentId, string? DecisionSymbol,
        bool AccessActive, int Version, IReadOnlyList<MemberDto> Members, IReadOnlyList<VisitDto> Visits, IReadOnlyList<SessionDto> Sessions,
        IReadOnlyList<ConclusionDto> Conclusions);
    public sealed record RecommendationRow(Guid DelegationId, string Delegation, Guid UnitId, string Unit, string? Conclusion, int Number, string Text,
        DateOnly? Deadline, TaskDto? Task);

    public static void MapDelegationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/delegations").WithTags("Delegations");
        g.MapGet("", List).WithSummary("Delegations the caller may see (the deciding body's subtree, the units visited, or as a member); filter by org (deciding body), year and kind.");
        g.MapPost("", Create).WithSummary("Prepares a delegation: deciding body, kind, title, subject (and its document), periods, members with roles (one head), units visited with their report deadlines.");
        g.MapGet("/recommendations", Recommendations).WithSummary("The state of recommendations across delegations and units: each with the status of its task (done on time, late, open, overdue, not yet a task).");
        g.MapGet("/recommendations.docx", RecommendationsDocx).WithSummary("The state of recommendations of a deciding body's delegations in a year as its report (.docx); org is required.");
        g.MapGet("/recommendations.xlsx", RecommendationsXlsx).WithSummary("The state of recommendations as a workbook (the report's annex).");
        g.MapGet("/{id:guid}/report.docx", SummaryDocx).WithSummary("The delegation's own summary report: each unit's report, sessions, conclusion and the state of its recommendations.");
        g.MapGet("/{id:guid}/decision.docx", DecisionDocx).WithSummary("The decision setting the delegation up (QĐ), in the Party format.");
        g.MapGet("/{id:guid}/conclusions/{conclusionId:guid}.docx", ConclusionDocx).WithSummary("The delegation's conclusion on a unit (KL), or the notice of its working results (TB).");
        g.MapGet("/{id:guid}", Get).WithSummary("One delegation: members, visited units and their reports, sessions, conclusions with findings and recommendations (each with its task's id). ETag carries the version.");
        g.MapPut("/{id:guid}", Update).WithSummary("Changes a delegation: while a draft, everything; once established, its description and period (ending it ends the members' access) and more units.");
        g.MapPost("/{id:guid}/establish", Establish).WithSummary("Registers the decision (QĐ) and gives each visited unit its reporting task on the outline (outline text, or a review outline template by outlineTemplateId, else the standard review outline); the members' temporary access runs from startsOn to endsOn.");
        g.MapPost("/{id:guid}/sessions", Session).WithSummary("Records a working session with a visited unit: time, place, attendees, the paper presented (paperSymbol), minutes.");
        g.MapPost("/{id:guid}/conclusions", Conclude).WithSummary("The conclusion on a visited unit: findings (strength, shortcoming, violation in an inspection) and recommendations; issue=true registers it (KL or TB).");
        g.MapPost("/{id:guid}/conclusions/{conclusionId:guid}/issue", Issue).WithSummary("Registers a conclusion recorded earlier (KL or TB).");
        api.MapGet("/inspection-programmes", Programme).WithTags("Delegations")
            .WithSummary("A body's annual programme of inspection and supervision: its delegations planned (drafts) and carried out by quarter, the units covered this term, and a warning for a unit planned twice in the year for the same subject.");
        g.MapPost("/{id:guid}/conclusions/{conclusionId:guid}/recommendations/{recommendationId:guid}/task", ToTask)
            .WithSummary("Makes a recommendation a five-clear task of the visited unit, followed up by the deciding body (done when it accepts the report).");
    }

    public static async Task<List<Summary>> ListAsync(ResoluteDbContext db, Guid? org, int? year, DelegationKind? kind, CancellationToken ct)
    {
        var q = db.Delegations.AsNoTracking();
        if (org is { } o) q = q.Where(d => d.OrganisationId == o);
        if (kind is { } k) q = q.Where(d => d.Kind == k);
        if (year is { } y)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            q = q.Where(d => d.StartsOn <= to && d.EndsOn >= from);
        }
        var list = await q.OrderByDescending(d => d.StartsOn).Take(500)
            .Select(d => new
            {
                d.Id,
                d.Title,
                d.Kind,
                d.OrganisationId,
                d.StartsOn,
                d.EndsOn,
                d.State,
                d.Version,
                Visits = d.Visits.Count,
                Recommendations = d.Conclusions.SelectMany(c => c.Recommendations).Count()
            }).ToListAsync(ct);
        var ids = list.Select(d => d.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.IgnoreQueryFilters().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.ShortName, ct);
        return list.Select(d => new Summary(d.Id, d.Title, d.Kind, d.OrganisationId, names[d.OrganisationId], d.StartsOn, d.EndsOn, d.State, d.Visits,
            d.Recommendations, d.Version)).ToList();
    }

    private static async Task<Ok<List<Summary>>> List(ResoluteDbContext db, Guid? org, int? year, DelegationKind? kind, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, org, year, kind, ct));

    public static TaskDto? Dto(DelegationView.TaskRow? t) => t is null ? null : new(t.Id, t.Title, t.Status is { } s ? AssignmentStatuses.ApiName(s) : "draft");

    public static Detail ToDto(DelegationView v)
    {
        var d = v.Delegation;
        return new Detail(d.Id, d.Title, d.Kind, d.OrganisationId, v.BodyName, d.Subject, v.SubjectSymbol, d.ReviewFrom, d.ReviewTo, d.StartsOn, d.EndsOn, d.State,
            d.DecisionDocumentId, v.DecisionSymbol, v.AccessActive, d.Version,
            v.Members.Select(m => new MemberDto(m.PersonId, m.Name, m.Role)).ToList(),
            v.Visits.Select(x => new VisitDto(x.Visit.UnitId, x.UnitName, x.UnitCode, x.Visit.ReportDeadline, Dto(x.Report))).ToList(),
            v.Sessions.Select(s => new SessionDto(s.Session.Id, s.Session.UnitId, s.UnitName, s.Session.At, s.Session.Place, s.PaperSymbol, s.Session.Attendees, s.Session.Minutes)).ToList(),
            v.Conclusions.Select(c => new ConclusionDto(c.Conclusion.Id, c.Conclusion.UnitId, c.UnitName, c.Conclusion.Summary, c.Conclusion.DocumentId, c.DocumentSymbol,
                c.Conclusion.IssuedOn, c.Conclusion.Findings.OrderBy(f => f.Order).Select(f => new FindingDto(f.Kind, f.Text)).ToList(),
                c.Recommendations.Select(r => new RecommendationDto(r.Recommendation.Id, r.Recommendation.Number, r.Recommendation.Text, r.Recommendation.Deadline,
                    r.Recommendation.AssignmentId, Dto(r.Task))).ToList())).ToList());
    }

    private static async Task<Detail> DetailAsync(ResoluteDbContext db, Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return ToDto(await DelegationView.LoadAsync(db, id, ct));
    }

    private static DelegationFields Fields(DelegationBody b) => new()
    {
        OrganisationCode = b.OrganisationCode,
        OrganisationId = b.OrganisationId,
        Kind = b.Kind ?? DelegationKind.Supervision,
        Title = b.Title,
        Subject = b.Subject,
        SubjectSymbol = b.SubjectSymbol,
        ReviewFrom = b.ReviewFrom,
        ReviewTo = b.ReviewTo,
        StartsOn = b.StartsOn,
        EndsOn = b.EndsOn,
        Members = b.Members,
        Visits = b.Visits,
    };

    private static async Task<Ok<Detail>> Get(Guid id, ResoluteDbContext db, HttpResponse response, CancellationToken ct)
    {
        var v = await DelegationView.LoadAsync(db, id, ct);
        response.Headers.ETag = $"\"{v.Delegation.Version}\"";
        return TypedResults.Ok(ToDto(v));
    }

    private static async Task<Created<Detail>> Create(DelegationBody body, ResoluteDbContext db, CancellationToken ct)
    {
        var d = await new SaveDelegation(null, null, Fields(body)).HandleAsync(db, ct);
        return TypedResults.Created($"/api/delegations/{d.Id}", await DetailAsync(db, d.Id, ct));
    }

    private static async Task<Ok<Detail>> Update(Guid id, DelegationBody body, ResoluteDbContext db, CancellationToken ct)
    {
        await new SaveDelegation(id, body.Version, Fields(body), RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(await DetailAsync(db, id, ct));
    }

    private static async Task<Ok<Detail>> Establish(Guid id, EstablishBody body, ResoluteDbContext db, UserManager<User> users, IConfiguration config, CancellationToken ct)
    {
        await new EstablishDelegation(id, body.Version, body.On, body.Outline, RequireVersion: true, body.OutlineTemplateId).HandleAsync(db, users, config, ct);
        return TypedResults.Ok(await DetailAsync(db, id, ct));
    }

    private static async Task<Created<Detail>> Session(Guid id, SessionBody body, ResoluteDbContext db, CancellationToken ct)
    {
        await new AddSession(id, body.Version, body.UnitCode, body.At, body.Place, body.PaperSymbol, body.Attendees, body.Minutes, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Created($"/api/delegations/{id}", await DetailAsync(db, id, ct));
    }

    private static async Task<Created<Detail>> Conclude(Guid id, ConclusionBody body, ResoluteDbContext db, CancellationToken ct)
    {
        await new ConcludeVisit(id, body.Version, body.UnitCode, body.Summary, body.Findings, body.Recommendations, body.Issue, body.On, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Created($"/api/delegations/{id}", await DetailAsync(db, id, ct));
    }

    private static async Task<Ok<Detail>> Issue(Guid id, Guid conclusionId, IssueBody body, ResoluteDbContext db, CancellationToken ct)
    {
        await new IssueConclusion(id, conclusionId, body.Version, body.On, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(await DetailAsync(db, id, ct));
    }

    private static async Task<Created<TaskDto>> ToTask(Guid id, Guid conclusionId, Guid recommendationId, TaskBody? body, ResoluteDbContext db, UserManager<User> users,
        IConfiguration config, CancellationToken ct)
    {
        var a = await new RecommendationToTask(id, conclusionId, recommendationId, body?.Output).HandleAsync(db, users, config, ct);
        return TypedResults.Created($"/api/assignments/{a.Id}", new TaskDto(a.Id, a.Title,
            a.State == AssignmentState.Draft ? "draft" : AssignmentStatuses.ApiName(a.StatusOn(db.Today))));
    }

    /// <summary>Every recommendation of the delegations the caller may see (by deciding body and year), with its task's status.</summary>
    public static async Task<List<RecommendationRow>> RecommendationsAsync(ResoluteDbContext db, Guid? org, int? year, CancellationToken ct)
    {
        var rows = new List<RecommendationRow>();
        foreach (var s in (await ListAsync(db, org, year, null, ct)).Where(s => s.Recommendations > 0).OrderBy(s => s.StartsOn))
        {
            var v = await DelegationView.LoadAsync(db, s.Id, ct);
            foreach (var c in v.Conclusions)
                rows.AddRange(c.Recommendations.Select(r => new RecommendationRow(s.Id, s.Title, c.Conclusion.UnitId, c.UnitName, c.DocumentSymbol,
                    r.Recommendation.Number, r.Recommendation.Text, r.Recommendation.Deadline, Dto(r.Task))));
        }
        return rows;
    }

    private static async Task<Results<Ok<InspectionProgramme.Result>, ValidationProblem>> Programme(Guid? org, int? year, ResoluteDbContext db, CancellationToken ct)
    {
        if (org is not { } id)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["org"] = ["Cần chọn cơ quan (org)."] }, title: "Dữ liệu không hợp lệ.");
        var y = year ?? db.Today.Year;
        if (y is < 1990 or > 2999)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Năm phải từ 1990 đến 2999."] }, title: "Dữ liệu không hợp lệ.");
        return TypedResults.Ok(await InspectionProgramme.BuildAsync(db, id, y, ct));
    }


    private static async Task<FileContentHttpResult> DecisionDocx(Guid id, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var v = await DelegationView.LoadAsync(db, id, ct);
        return TypedResults.File(DelegationDocuments.DecisionDocx(v, v.Delegation.StartsOn < db.Today ? v.Delegation.StartsOn : db.Today, Infrastructure.Docx.PageMargins.From(config)),
            Programmes.ProgrammesApi.DocxType, $"quyet-dinh-thanh-lap-doan-{v.Delegation.StartsOn:yyyyMMdd}.docx");
    }

    private static async Task<FileContentHttpResult> SummaryDocx(Guid id, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var v = await DelegationView.LoadAsync(db, id, ct);
        return TypedResults.File(DelegationDocuments.SummaryDocx(v, db.Today, Infrastructure.Docx.PageMargins.From(config)), Programmes.ProgrammesApi.DocxType, "bao-cao-ket-qua-hoat-dong-cua-doan.docx");
    }

    private static async Task<FileContentHttpResult> ConclusionDocx(Guid id, Guid conclusionId, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var v = await DelegationView.LoadAsync(db, id, ct);
        return TypedResults.File(DelegationDocuments.ConclusionDocx(v, conclusionId, db.Today, Infrastructure.Docx.PageMargins.From(config)), Programmes.ProgrammesApi.DocxType, "ket-luan-cua-doan.docx");
    }

    private static async Task<FileContentHttpResult> RecommendationsDocx(Guid org, int? year, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var body = await db.Organisations.FirstOrDefaultAsync(o => o.Id == org, ct) ?? throw new Infrastructure.NotFoundException("Không tìm thấy đơn vị, hoặc bạn không có quyền xem.");
        var parent = body.ParentId is { } p ? await db.Organisations.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Id == p, ct) : null;
        var y = year ?? db.Today.Year;
        return TypedResults.File(DelegationDocuments.RecommendationsDocx(body, parent, await RecommendationsAsync(db, org, y, ct), y, db.Today, Infrastructure.Docx.PageMargins.From(config)),
            Programmes.ProgrammesApi.DocxType, $"bao-cao-thuc-hien-kien-nghi-{y}.docx");
    }

    private static async Task<FileContentHttpResult> RecommendationsXlsx(Guid? org, int? year, ResoluteDbContext db, CancellationToken ct) =>
        TypedResults.File(DelegationDocuments.RecommendationsXlsx(await RecommendationsAsync(db, org, year ?? db.Today.Year, ct)), Programmes.ProgrammesApi.XlsxType,
            "thuc-hien-kien-nghi.xlsx");

    private static async Task<Ok<List<RecommendationRow>>> Recommendations(ResoluteDbContext db, Guid? org, int? year, CancellationToken ct) =>
        TypedResults.Ok(await RecommendationsAsync(db, org, year, ct));
}
