using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Meetings;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure.Docx;

namespace Resolute.Web.Features.Meetings;

public static class MeetingsApi
{
    public sealed record MeetingBody : MeetingFields
    {
        public int? Version { get; init; }
    }

    public sealed record AgendaBody(int? Version, List<Guid>? ProgrammeItemIds, bool AllDue, string? Title, string? PresentingUnitCode, string? PaperSymbol);
    public sealed record AttendanceBody(int? Version, List<PresenceInput>? Attendance, List<Guid>? InviteMembers, List<Guid>? InviteGuests, bool Held);
    public sealed record ConclusionBody(int? Version, Guid? AgendaItemId, string? Text, string? LeadUnitCode, DateOnly? Deadline, string? Minutes);
    public sealed record NoticeBody(int? Version, DateOnly? On);
    public sealed record TaskBody(string? Output);

    public sealed record Summary(Guid Id, string Name, Guid OrganisationId, string OrganisationName, ProgrammeForum Forum, MeetingKind Kind, int? Number,
        DateTime StartsAt, string? Place, MeetingState State, Guid? NoticeDocumentId, int Version);
    public sealed record PersonDto(Guid PersonId, string Name, string? Title, AttendeeRole Role, Presence Presence, string? Reason);
    public sealed record AgendaDto(Guid Id, int Order, string Title, Guid? ProgrammeItemId, Guid? ProgrammeId, string? PresentingUnit, string? PaperSymbol);
    public sealed record TaskDto(Guid Id, string Title, string? Status, string? Lead);
    public sealed record PointDto(Guid Id, int Number, Guid? AgendaItemId, string Text, Guid? LeadUnitId, string? LeadUnit, DateOnly? Deadline,
        IReadOnlyList<Guid> TaskIds, IReadOnlyList<TaskDto> Tasks);
    public sealed record QuorumDto(int Members, int Present, int Needed, bool Met);
    public sealed record ConflictDto(Guid PersonId, string Name, Guid MeetingId, string Meeting, DateTime StartsAt);
    public sealed record Detail(Guid Id, string Name, Guid OrganisationId, string OrganisationName, ProgrammeForum Forum, MeetingKind Kind, int? Number,
        DateTime StartsAt, string? Place, Guid? ChairId, string? Chair, string Secrecy, MeetingState State, string? Minutes, Guid? NoticeDocumentId,
        string? NoticeSymbol, DateOnly? NoticeIssuedOn, int Version, QuorumDto Quorum, IReadOnlyList<PersonDto> Attendance, IReadOnlyList<AgendaDto> Agenda,
        IReadOnlyList<PointDto> Conclusions, IReadOnlyList<ConflictDto> Conflicts, IReadOnlyList<Documents.DocumentsApi.AttachmentDto> MinutesFiles);
    public sealed record ReportRow(Guid MeetingId, string Meeting, DateOnly Date, string? Notice, int Number, string Text, string? LeadUnit, DateOnly? Deadline,
        IReadOnlyList<TaskDto> Tasks, Guid OrganisationId, string OrganisationName);
    /// <summary>The follow-up of one lead unit: its points, the tasks made from them and where they stand.</summary>
    public sealed record LeadRow(string LeadUnit, int Points, int Tasks, int DoneOnTime, int DoneLate, int OnTrack, int Overdue, int Draft, int Other);

    public const string NoLead = "Không giao đơn vị chủ trì";

    /// <summary>The report's points grouped by lead unit (Vietnamese order; points giving no unit last).</summary>
    public static List<IGrouping<string, ReportRow>> ByLead(IEnumerable<ReportRow> rows) =>
        rows.GroupBy(r => r.LeadUnit ?? NoLead)
            .OrderBy(g => g.Key == NoLead).ThenBy(g => g.Key, Domain.Text.VietnameseText.Comparer).ToList();

    public static List<LeadRow> LeadSummary(IEnumerable<ReportRow> rows) => ByLead(rows).Select(g =>
    {
        var tasks = g.SelectMany(r => r.Tasks).ToList();
        int N(string s) => tasks.Count(t => t.Status == s);
        var known = N("done-on-time") + N("done-late") + N("on-track") + N("overdue") + N("draft");
        return new LeadRow(g.Key, g.Count(), tasks.Count, N("done-on-time"), N("done-late"), N("on-track"), N("overdue"), N("draft"), tasks.Count - known);
    }).ToList();

    public static void MapMeetingsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/meetings").WithTags("Meetings");
        g.MapGet("", List).WithSummary("Meetings the caller may see (the committee's subtree, or those they are invited to); filter by org, forum, from..to and person (invited).");
        g.MapPost("", Create).WithSummary("Calls a meeting of a forum: the forum's members for its term are invited and counted for the quorum.");
        g.MapGet("/report.docx", ReportDocx).WithSummary("The follow-up of conclusions as the committee's report (.docx); org is required.");
        g.MapGet("/report.xlsx", ReportXlsx).WithSummary("The follow-up of conclusions as a workbook: one row a point and task.");
        g.MapGet("/report", Report).WithSummary("Follow-up of conclusions: every point of the notices issued by a forum over a period, with its tasks and their status.");
        g.MapGet("/report/by-lead", ReportByLead).WithSummary("The follow-up of conclusions counted by lead unit: points, tasks, done on time, done late, open within deadline, overdue, drafts.");
        g.MapGet("/{id:guid}", Get).WithSummary("One meeting: agenda, attendance and quorum, conclusion points with the ids and status of the tasks made from them. ETag carries the version.");
        g.MapPut("/{id:guid}", Update).WithSummary("Changes a meeting not yet held. Send the version read: a stale one is a 409.");
        g.MapPost("/{id:guid}/agenda", Agenda).WithSummary("Adds agenda items: programme items (programmeItemIds, or allDue: every item due by the meeting's month) or one typed by hand.");
        g.MapPut("/{id:guid}/attendance", Attendance).WithSummary("Records presence (present, absentWithReason with the reason, absentWithoutReason), invites more; held=true records the meeting held, which needs the quorum.");
        g.MapPost("/{id:guid}/conclusions", Conclude).WithSummary("Adds a numbered conclusion point (under an agenda item; with leadUnitCode and deadline when it assigns work); minutes may be sent with it.");
        g.MapPost("/{id:guid}/conclusions/{pointId:guid}/tasks", ToTask).WithSummary("Makes a conclusion point a five-clear task (assigned when complete, else a draft listing what is missing).");
        g.MapPost("/{id:guid}/issue-notice", Issue).WithSummary("Issues the notice of conclusions: registered as its TB document; programme items heard are recorded submitted.");
        g.MapPost("/{id:guid}/minutes-files", UploadMinutes).DisableAntiforgery().WithSummary("Keeps the minutes as a file (multipart field \"file\": PDF, DOCX, PNG or JPEG) once the meeting is held; refused for a secret meeting.");
        g.MapGet("/{id:guid}/minutes-files/{fileId:guid}", DownloadMinutes).WithSummary("A minutes file, to whoever may see the meeting.");
        g.MapGet("/{id:guid}/invitation.docx", InvitationDocx).WithSummary("The invitation (giấy mời) in the Party format.");
        g.MapGet("/{id:guid}/notice.docx", NoticeDocx).WithSummary("The notice of conclusions (thông báo kết luận) in the Party format.");
    }


    public static async Task<List<Summary>> ListAsync(ResoluteDbContext db, Guid? org, ProgrammeForum? forum, DateOnly? from, DateOnly? to, CancellationToken ct,
        Guid? person = null)
    {
        var q = db.Meetings.AsNoTracking();
        if (org is { } o) q = q.Where(m => m.OrganisationId == o);
        if (person is { } who) q = q.Where(m => m.Attendance.Any(a => a.PersonId == who));
        if (forum is { } f) q = q.Where(m => m.Forum == f);
        // Days in Vietnam's time, as UTC instants (PostgreSQL compares timestamptz with UTC values only).
        static DateTime Utc(DateOnly d) => DateTime.SpecifyKind(d.ToDateTime(TimeOnly.MinValue) - Infrastructure.VietnamTime.Offset, DateTimeKind.Utc);
        if (from is { } a) { var start = Utc(a); q = q.Where(m => m.StartsAt >= start); }
        if (to is { } b) { var end = Utc(b.AddDays(1)); q = q.Where(m => m.StartsAt < end); }
        var list = await q.OrderByDescending(m => m.StartsAt).Take(500).ToListAsync(ct);
        var ids = list.Select(m => m.OrganisationId).Distinct().ToArray();
        var names = await db.Organisations.IgnoreQueryFilters().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.ShortName, ct);
        return list.Select(m => new Summary(m.Id, m.Name, m.OrganisationId, names[m.OrganisationId], m.Forum, m.Kind, m.Number, m.StartsAt, m.Place, m.State,
            m.NoticeDocumentId, m.Version)).ToList();
    }

    private static ProgrammeForum? ParseForum(string? forum) => forum is null ? null
        : ProgrammeNames.TryParseForum(forum, out var f) ? f
        : throw new Domain.Common.DomainException("forum", ProgrammeNames.ForumNamesError, "forum");

    private static async Task<Ok<List<Summary>>> List(ResoluteDbContext db, Guid? org, string? forum, DateOnly? from, DateOnly? to, Guid? person, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, org, ParseForum(forum), from, to, ct, person));

    public static TaskDto Dto(MeetingView.Task t) => new(t.Id, t.Title, t.Status is { } s ? Domain.Assignments.AssignmentStatuses.ApiName(s) : "draft", t.Lead);

    public static Detail ToDto(MeetingView v)
    {
        var m = v.Meeting;
        return new Detail(m.Id, m.Name, m.OrganisationId, v.Committee.ShortName, m.Forum, m.Kind, m.Number, m.StartsAt, m.Place, m.ChairId, v.ChairName,
            m.Secrecy.ToString().ToLowerInvariant(), m.State, m.Minutes, m.NoticeDocumentId, v.NoticeSymbol, m.NoticeIssuedOn, m.Version,
            new QuorumDto(v.Quorum.Members, v.Quorum.Present, v.Quorum.Needed, v.Quorum.Met),
            v.People.Select(p => new PersonDto(p.Id, p.Name, p.Title, p.Role, p.Presence, p.Reason)).ToList(),
            v.Items.Select(a => new AgendaDto(a.Item.Id, a.Item.Order, a.Item.Title, a.Item.ProgrammeItemId, a.ProgrammeId, a.PresentingUnit, a.PaperSymbol)).ToList(),
            v.Points.Select(p => new PointDto(p.Conclusion.Id, p.Conclusion.Number, p.Conclusion.AgendaItemId, p.Conclusion.Text, p.Conclusion.LeadUnitId, p.LeadUnit,
                p.Conclusion.Deadline, p.Conclusion.TaskIds, p.Tasks.Select(Dto).ToList())).ToList(),
            v.Conflicts.Select(c => new ConflictDto(c.PersonId, c.Name, c.MeetingId, c.Meeting, c.StartsAt)).ToList(),
            v.MinutesFiles.Select(f => new Documents.DocumentsApi.AttachmentDto(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, $"/api/meetings/{m.Id}/minutes-files/{f.Id}")).ToList());
    }

    private static async Task<Ok<Detail>> Get(Guid id, ResoluteDbContext db, IConfiguration config, HttpResponse response, CancellationToken ct)
    {
        var v = await MeetingView.LoadAsync(db, id, config, ct);
        response.Headers.ETag = $"\"{v.Meeting.Version}\"";
        return TypedResults.Ok(ToDto(v));
    }

    private static async Task<Detail> DetailAsync(ResoluteDbContext db, Guid id, IConfiguration config, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return ToDto(await MeetingView.LoadAsync(db, id, config, ct));
    }

    private static async Task<Created<Detail>> Create(MeetingBody body, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var m = await new SaveMeeting(null, null, body).HandleAsync(db, ct);
        return TypedResults.Created($"/api/meetings/{m.Id}", await DetailAsync(db, m.Id, config, ct));
    }

    private static async Task<Ok<Detail>> Update(Guid id, MeetingBody body, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        await new SaveMeeting(id, body.Version, body, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(await DetailAsync(db, id, config, ct));
    }

    private static async Task<Ok<Detail>> Agenda(Guid id, AgendaBody body, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        await new AddAgendaItems(id, body.Version, body.ProgrammeItemIds, body.AllDue, body.Title, body.PresentingUnitCode, body.PaperSymbol, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(await DetailAsync(db, id, config, ct));
    }

    private static async Task<Ok<Detail>> Attendance(Guid id, AttendanceBody body, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        await new RecordAttendance(id, body.Version, body.Attendance ?? [], body.InviteMembers, body.InviteGuests, body.Held, RequireVersion: true).HandleAsync(db, config, ct);
        return TypedResults.Ok(await DetailAsync(db, id, config, ct));
    }

    private static async Task<Created<Detail>> Conclude(Guid id, ConclusionBody body, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var version = body.Version;
        if (body.Minutes is not null) version = (await new WriteMinutes(id, version, body.Minutes, RequireVersion: true).HandleAsync(db, ct)).Version;
        if (!string.IsNullOrWhiteSpace(body.Text) || body.Minutes is null)
            await new AddConclusion(id, version, body.AgendaItemId, body.Text, body.LeadUnitCode, body.Deadline, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Created($"/api/meetings/{id}", await DetailAsync(db, id, config, ct));
    }

    private static async Task<Created<TaskDto>> ToTask(Guid id, Guid pointId, TaskBody? body, ResoluteDbContext db, UserManager<User> users, IConfiguration config, CancellationToken ct)
    {
        var a = await new ConclusionToTask(id, pointId, body?.Output).HandleAsync(db, users, config, ct);
        var lead = a.LeadId is { } l ? await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == l).Select(o => o.ShortName).FirstOrDefaultAsync(ct) : null;
        return TypedResults.Created($"/api/assignments/{a.Id}", Dto(new MeetingView.Task(a.Id, a.Title,
            a.State == Domain.Assignments.AssignmentState.Draft ? null : a.StatusOn(db.Today), lead)));
    }

    private static async Task<Ok<Detail>> Issue(Guid id, NoticeBody body, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        await new IssueNotice(id, body.Version, body.On, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(await DetailAsync(db, id, config, ct));
    }

    private static async Task<Results<Created<Documents.DocumentsApi.AttachmentDto>, ProblemHttpResult>> UploadMinutes(Guid id, IFormFile? file, ResoluteDbContext db,
        Infrastructure.Files.FileStore store, CancellationToken ct)
    {
        if (file is null)
            return TypedResults.Problem(title: "Cần chọn tệp biên bản (trường \"file\").", statusCode: StatusCodes.Status400BadRequest);
        var a = await new AddMinutesFile(id, file.FileName, file.OpenReadStream).HandleAsync(db, store, ct);
        var url = $"/api/meetings/{id}/minutes-files/{a.Id}";
        return TypedResults.Created(url, new Documents.DocumentsApi.AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, url));
    }

    private static async Task<IResult> DownloadMinutes(Guid id, Guid fileId, ResoluteDbContext db, Infrastructure.Files.FileStore store, CancellationToken ct)
    {
        // The meeting lookup goes through the scope filter: who may see the meeting may read its minutes.
        if (!await db.Meetings.AnyAsync(m => m.Id == id, ct)) return TypedResults.NotFound();
        return Infrastructure.Files.StoredFiles.Download(store, await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == fileId && x.MeetingId == id, ct));
    }

    private static async Task<FileContentHttpResult> InvitationDocx(Guid id, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var v = await MeetingView.LoadAsync(db, id, config, ct);
        return TypedResults.File(MeetingDocuments.InvitationDocx(v, PageMargins.From(config)), Programmes.ProgrammesApi.DocxType, $"giay-moi-{v.Date:yyyyMMdd}.docx");
    }

    private static async Task<FileContentHttpResult> NoticeDocx(Guid id, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var v = await MeetingView.LoadAsync(db, id, config, ct);
        return TypedResults.File(MeetingDocuments.NoticeDocx(v, PageMargins.From(config)), Programmes.ProgrammesApi.DocxType, $"thong-bao-ket-luan-{v.Date:yyyyMMdd}.docx");
    }

    /// <summary>The follow-up of conclusions: every point of the notices issued in the period (by the forum), with its tasks' status.</summary>
    public static async Task<List<ReportRow>> ReportAsync(ResoluteDbContext db, Guid? org, ProgrammeForum? forum, DateOnly? from, DateOnly? to, IConfiguration config, CancellationToken ct)
    {
        var rows = new List<ReportRow>();
        foreach (var s in (await ListAsync(db, org, forum, from, to, ct)).Where(s => s.State == MeetingState.NoticeIssued).OrderBy(s => s.StartsAt))
        {
            var v = await MeetingView.LoadAsync(db, s.Id, config, ct);
            rows.AddRange(v.Points.Select(p => new ReportRow(s.Id, s.Name, v.Date, v.NoticeSymbol, p.Conclusion.Number, p.Conclusion.Text, p.LeadUnit,
                p.Conclusion.Deadline, p.Tasks.Select(Dto).ToList(), s.OrganisationId, s.OrganisationName)));
        }
        return rows;
    }

    private static async Task<FileContentHttpResult> ReportDocx(ResoluteDbContext db, Guid org, string? forum, DateOnly? from, DateOnly? to, IConfiguration config, CancellationToken ct)
    {
        var committee = await db.Organisations.FirstOrDefaultAsync(o => o.Id == org, ct) ?? throw new Infrastructure.NotFoundException("Không tìm thấy đơn vị, hoặc bạn không có quyền xem.");
        var parent = committee.ParentId is { } p ? await db.Organisations.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Id == p, ct) : null;
        var (f, t) = (from ?? new DateOnly(db.Today.Year, 1, 1), to ?? db.Today);
        var rows = await ReportAsync(db, org, ParseForum(forum), f, t, config, ct);
        return TypedResults.File(MeetingDocuments.FollowUpDocx(committee, parent, rows, f, t, db.Today, PageMargins.From(config)), Programmes.ProgrammesApi.DocxType,
            $"bao-cao-thuc-hien-ket-luan-{f:yyyyMMdd}-{t:yyyyMMdd}.docx");
    }

    private static async Task<FileContentHttpResult> ReportXlsx(ResoluteDbContext db, Guid? org, string? forum, DateOnly? from, DateOnly? to, IConfiguration config, CancellationToken ct) =>
        TypedResults.File(MeetingDocuments.FollowUpXlsx(await ReportAsync(db, org, ParseForum(forum), from, to, config, ct)), Programmes.ProgrammesApi.XlsxType, "theo-doi-ket-luan.xlsx");

    private static async Task<Ok<List<LeadRow>>> ReportByLead(ResoluteDbContext db, Guid? org, string? forum, DateOnly? from, DateOnly? to, IConfiguration config, CancellationToken ct) =>
        TypedResults.Ok(LeadSummary(await ReportAsync(db, org, ParseForum(forum), from, to, config, ct)));

    private static async Task<Ok<List<ReportRow>>> Report(ResoluteDbContext db, Guid? org, string? forum, DateOnly? from, DateOnly? to, IConfiguration config, CancellationToken ct) =>
        TypedResults.Ok(await ReportAsync(db, org, ParseForum(forum), from, to, config, ct));
}
