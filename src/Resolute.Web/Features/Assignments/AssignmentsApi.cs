using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Resolute.Domain.Assignments;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Assignments;

public static class AssignmentsApi
{
    /// <summary>A task as the API takes it: what it says, whether to assign it at once, and the version read when updating.</summary>
    public sealed record AssignmentBody : AssignmentInput
    {
        /// <summary>Assign at once (all five clears required); otherwise the task is saved as a draft.</summary>
        public bool Assign { get; init; }
        /// <summary>The version read; required when updating, so that a concurrent change is a 409 rather than lost.</summary>
        public int? Version { get; init; }
    }

    public sealed record VersionBody(int? Version);
    public sealed record ActualBody(Guid IndicatorId, decimal Value);
    public sealed record ProgressBody(string? Narrative, int? Percent, bool ProposesCompletion, List<ActualBody>? Actuals, int? Version);
    public sealed record ReviewBody(bool Accept, string? Comment, int? Version);
    public sealed record ExtensionBody(DateOnly? NewDeadline, string? Reason, int? Version);
    public sealed record DecisionBody(bool Approve, string? Note, int? Version);
    public sealed record StateBody(string? Change, string? Reason, int? Version);
    public sealed record CascadeBody(List<CascadeTarget>? Targets, string? Title, string? Content);
    public sealed record CascadeChild(Guid Id, Guid LeadId, string Status, IReadOnlyList<AssignmentDetails.GapDto> Gaps);

    public static void MapAssignmentsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/assignments").WithTags("Assignments");
        g.MapGet("", List).WithSummary("Tasks, filtered by unit (org, subtree=true), status (draft|on-track|overdue|done-on-time|done-late|recurring|paused|withdrawn, comma-separated), source document, due range, lead leader and text; paged.");
        g.MapGet("/{id:guid}", Get).WithSummary("One task with its five clears, progress history, extensions and its cascaded children's roll-up. ETag carries the version.");
        g.MapPost("", Create).WithSummary("Creates a task: a draft, or assigned at once with assign=true (all five clears required; a 400 lists what is missing).");
        g.MapPut("/{id:guid}", Update).WithSummary("Updates a task. Send the version read: a stale one is a 409.");
        g.MapPost("/{id:guid}/assign", Assign).WithSummary("Assigns a draft once all five clears hold.");
        g.MapPost("/{id:guid}/progress", Progress).WithSummary("The lead unit reports progress (narrative, percent, indicator actuals) and may propose completion.");
        g.MapPost("/{id:guid}/progress/{reportId:guid}/review", Review).WithSummary("The assigning unit accepts (a proposed completion completes the task) or returns a report with a comment.");
        g.MapPost("/{id:guid}/progress/{reportId:guid}/evidence", UploadEvidence).DisableAntiforgery().WithSummary("Attaches evidence to a progress report (multipart field \"file\").");
        g.MapGet("/{id:guid}/evidence/{evidenceId:guid}", DownloadEvidence);
        g.MapPost("/{id:guid}/extensions", Extend).WithSummary("The lead unit asks for a later deadline, with a reason.");
        g.MapPost("/{id:guid}/extensions/{extensionId:guid}/decision", Decide).WithSummary("The assigning unit approves or refuses an extension; the original deadline is kept.");
        g.MapPost("/{id:guid}/state", ChangeState).WithSummary("The assigning unit pauses, resumes or withdraws a task (change: pause|resume|withdraw), with a reason.");
        g.MapPost("/{id:guid}/cascade", Cascade).WithSummary("The lead unit breaks the task down into tasks for its subordinate units.");
        g.MapPost("/{id:guid}/approve-deadline", ApproveDeadline).WithSummary("The parent's assigner agrees that a cascaded task may end later than its parent.");
        api.MapGet("/dashboard", GetDashboard).WithTags("Assignments")
            .WithSummary("Where things stand for a unit and its subtree: counts by status per direct child unit, on-time rate, overdue oldest first, due in 14 days, monthly trend; conclusions=standingCommittee counts only the tasks born from that forum's conclusions.");
    }

    public static AssignmentQueries.Filter? ParseFilter(HttpRequest req, Dictionary<string, string[]> errors)
    {
        var q = req.Query;
        Guid? G(string name)
        {
            var v = q[name].ToString();
            if (string.IsNullOrWhiteSpace(v)) return null;
            if (Guid.TryParse(v, out var id)) return id;
            errors[name] = ["Mã định danh không hợp lệ."];
            return null;
        }
        DateOnly? D(string name)
        {
            var v = q[name].ToString();
            if (string.IsNullOrWhiteSpace(v)) return null;
            if (DateOnly.TryParseExact(v, "yyyy-MM-dd", out var d) && d.Year is >= 1900 and <= 2999) return d;
            errors[name] = ["Ngày phải có dạng yyyy-MM-dd, từ năm 1900 đến năm 2999."];
            return null;
        }
        int? I(string name)
        {
            var v = q[name].ToString();
            if (string.IsNullOrWhiteSpace(v)) return null;
            if (int.TryParse(v, out var n) && n > 0) return n;
            errors[name] = ["Phải là số nguyên dương."];
            return null;
        }
        var statuses = new List<AssignmentStatus>();
        foreach (var s in q["status"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (AssignmentStatuses.TryParse(s, out var st)) statuses.Add(st);
            else errors["status"] = ["Tình trạng phải là draft, on-track, overdue, done-on-time, done-late, recurring, paused hoặc withdrawn."];
        }
        var sortText = q["sort"].ToString();
        var sort = AssignmentQueries.Sort.Due;
        if (!string.IsNullOrWhiteSpace(sortText) && !(Enum.TryParse(sortText, true, out sort) && Enum.IsDefined(sort)))
            errors["sort"] = ["Cách sắp xếp phải là due, dueDesc, newest hoặc title."];
        var subtree = q["subtree"].ToString();
        var month = q["completedMonth"].ToString();
        DateOnly? completedMonth = null;
        if (!string.IsNullOrWhiteSpace(month))
        {
            // A month the calendar can step past (the filter reads up to the next month's first day).
            if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out var m) && m.Year is >= 1900 and <= 2999) completedMonth = m;
            else errors["completedMonth"] = ["Tháng phải có dạng yyyy-MM, từ năm 1900 đến năm 2999."];
        }
        Domain.Programmes.ProgrammeForum? conclusions = null;
        if (q["conclusions"].ToString() is { Length: > 0 } cf)
        {
            if (Domain.Programmes.ProgrammeNames.TryParseForum(cf, out var forum)) conclusions = forum;
            else errors["conclusions"] = [Domain.Programmes.ProgrammeNames.ForumNamesError];
        }
        var size = I("pageSize");
        if (size > AssignmentQueries.MaxPageSize) errors["pageSize"] = [$"Mỗi trang tối đa {AssignmentQueries.MaxPageSize} nhiệm vụ."];
        var f = new AssignmentQueries.Filter
        {
            Org = G("org"),
            Subtree = subtree is "true" or "1" or "True",
            Assigner = G("assigner"),
            Statuses = statuses,
            Source = G("source"),
            DueFrom = D("dueFrom"),
            DueTo = D("dueTo"),
            Leader = G("leader"),
            Q = q["q"].ToString(),
            Parent = G("parent"),
            CompletedMonth = completedMonth,
            ConclusionsOf = conclusions,
            Sort = sort,
            Page = I("page") ?? 1,
            PageSize = size ?? 25,
        };
        return errors.Count > 0 ? null : f;
    }

    private static async Task<Results<Ok<AssignmentQueries.Page>, ValidationProblem>> List(HttpRequest request, ResoluteDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var f = ParseFilter(request, errors);
        if (f is null) return TypedResults.ValidationProblem(errors, title: "Dữ liệu không hợp lệ.");
        return TypedResults.Ok(await AssignmentQueries.ListAsync(db, f, ct));
    }

    private static async Task<Results<Ok<AssignmentDetails.Detail>, NotFound>> Get(Guid id, ResoluteDbContext db, HttpResponse response, CancellationToken ct)
    {
        var d = await AssignmentDetails.LoadAsync(db, id, ct);
        if (d is null) return TypedResults.NotFound();
        response.Headers.ETag = $"\"{d.Version}\"";
        return TypedResults.Ok(d);
    }

    private static async Task<AssignmentDetails.Detail> Reload(ResoluteDbContext db, Guid id, CancellationToken ct) =>
        (await AssignmentDetails.LoadAsync(db, id, ct))!;

    private static async Task<Created<AssignmentDetails.Detail>> Create(AssignmentBody body, ResoluteDbContext db, UserManager<User> users,
        IConfiguration config, CancellationToken ct)
    {
        var a = await new SaveAssignment(null, null, body, body.Assign).HandleAsync(db, users, config, ct);
        return TypedResults.Created($"/api/assignments/{a.Id}", await Reload(db, a.Id, ct));
    }

    private static async Task<Ok<AssignmentDetails.Detail>> Update(Guid id, AssignmentBody body, ResoluteDbContext db, UserManager<User> users,
        IConfiguration config, CancellationToken ct)
    {
        await new SaveAssignment(id, body.Version, body, body.Assign, RequireVersion: true).HandleAsync(db, users, config, ct);
        return TypedResults.Ok(await Reload(db, id, ct));
    }

    private static async Task<Ok<AssignmentDetails.Detail>> Assign(Guid id, VersionBody? body, ResoluteDbContext db, CancellationToken ct)
    {
        await new AssignDraft(id, body?.Version, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(await Reload(db, id, ct));
    }

    private static async Task<Created<AssignmentDetails.ReportDto>> Progress(Guid id, ProgressBody body, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var r = await new ReportProgress(id, body.Version, body.Narrative, body.Percent ?? 0, body.ProposesCompletion,
            body.Actuals?.Select(x => (x.IndicatorId, x.Value)).ToList(), RequireVersion: true).HandleAsync(db, config, ct);
        var d = await Reload(db, id, ct);
        return TypedResults.Created($"/api/assignments/{id}", d.Progress.First(p => p.Id == r.Id));
    }

    private static async Task<Ok<AssignmentDetails.Detail>> Review(Guid id, Guid reportId, ReviewBody body, ResoluteDbContext db, CancellationToken ct)
    {
        await new DecideProgressReport(id, reportId, body.Accept, body.Comment, body.Version, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(await Reload(db, id, ct));
    }

    private static async Task<Results<Created<AssignmentDetails.EvidenceDto>, ProblemHttpResult>> UploadEvidence(Guid id, Guid reportId, IFormFile? file,
        ResoluteDbContext db, Infrastructure.Files.FileStore store, CancellationToken ct)
    {
        if (file is null)
            return TypedResults.Problem(title: "Cần chọn tệp minh chứng (trường \"file\").", statusCode: StatusCodes.Status400BadRequest);
        var e = await new AddEvidence(id, reportId, file.FileName, file.OpenReadStream).HandleAsync(db, store, ct);
        var url = $"/api/assignments/{id}/evidence/{e.Id}";
        return TypedResults.Created(url, new AssignmentDetails.EvidenceDto(e.Id, e.FileName, e.ContentType, e.Size, url));
    }

    private static async Task<IResult> DownloadEvidence(Guid id, Guid evidenceId, ResoluteDbContext db,
        Infrastructure.Files.FileStore store, CancellationToken ct)
    {
        // The task lookup passes through the scope and need-to-know filter.
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Assignments, a => a.Id == id, ct)) return TypedResults.NotFound();
        return Infrastructure.Files.StoredFiles.Download(store, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.StoredFiles, x => x.Id == evidenceId && x.AssignmentId == id && x.ProgressReportId != null, ct));
    }

    private static async Task<Created<AssignmentDetails.ExtensionDto>> Extend(Guid id, ExtensionBody body, ResoluteDbContext db, CancellationToken ct)
    {
        if (body.NewDeadline is not { } date)
            throw new Domain.Common.DomainException("required", "Cần nhập thời hạn đề nghị.", "newDeadline");
        var e = await new RequestExtension(id, date, body.Reason, body.Version, RequireVersion: true).HandleAsync(db, ct);
        var d = await Reload(db, id, ct);
        return TypedResults.Created($"/api/assignments/{id}", d.Extensions.First(x => x.Id == e.Id));
    }

    private static async Task<Ok<AssignmentDetails.Detail>> Decide(Guid id, Guid extensionId, DecisionBody body, ResoluteDbContext db, CancellationToken ct)
    {
        await new DecideExtension(id, extensionId, body.Approve, body.Note, body.Version, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(await Reload(db, id, ct));
    }

    private static async Task<Ok<AssignmentDetails.Detail>> ChangeState(Guid id, StateBody body, ResoluteDbContext db, CancellationToken ct)
    {
        if (!Enum.TryParse<StateChange>(body.Change, true, out var change) || !Enum.IsDefined(change))
            throw new Domain.Common.DomainException("change", "Thao tác phải là pause, resume hoặc withdraw.", "change");
        await new ChangeAssignmentState(id, change, body.Reason, body.Version, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(await Reload(db, id, ct));
    }

    private static async Task<Created<List<CascadeChild>>> Cascade(Guid id, CascadeBody body, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var children = await new CascadeAssignment(id, body.Targets ?? [], body.Title, body.Content).HandleAsync(db, config, ct);
        var today = db.Today;
        return TypedResults.Created($"/api/assignments?parent={id}", children.Select(c => new CascadeChild(c.Assignment.Id, c.Assignment.LeadId!.Value,
            c.Assignment.StatusOn(today).ApiName(), c.Gaps.Select(g => new AssignmentDetails.GapDto(g.Clear.ToString().ToLowerInvariant(), g.Field, g.Message)).ToList())).ToList());
    }

    private static async Task<Ok<AssignmentDetails.Detail>> ApproveDeadline(Guid id, ResoluteDbContext db, CancellationToken ct)
    {
        await new ApproveLateDeadline(id).HandleAsync(db, ct);
        return TypedResults.Ok(await Reload(db, id, ct));
    }

    private static async Task<Results<Ok<Dashboard.Result>, ValidationProblem>> GetDashboard(Guid? org, string? conclusions, ResoluteDbContext db, CancellationToken ct)
    {
        if (org is not { } id)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["org"] = ["Cần chọn đơn vị (org)."] }, title: "Dữ liệu không hợp lệ.");
        Domain.Programmes.ProgrammeForum? forum = null;
        if (!string.IsNullOrEmpty(conclusions))
        {
            if (!Domain.Programmes.ProgrammeNames.TryParseForum(conclusions, out var f))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["conclusions"] = [Domain.Programmes.ProgrammeNames.ForumNamesError] }, title: "Dữ liệu không hợp lệ.");
            forum = f;
        }
        return TypedResults.Ok(await Dashboard.BuildAsync(db, id, ct, forum));
    }
}
