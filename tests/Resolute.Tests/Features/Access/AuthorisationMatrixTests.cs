using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Resolute.Domain.Access;
using Resolute.Domain.Organisations;
using Resolute.Tests.Infrastructure;
using Resolute.Web.Features.Organisations;
using Xunit.Abstractions;

namespace Resolute.Tests.Features.Access;

/// <summary>
/// Every endpoint and page, for every role held by a user inside the target's scope, in a sibling unit and above it,
/// answers what the rules say. A new endpoint without a rule here fails <see cref="EveryEndpoint_HasARule"/>.
/// </summary>
public class AuthorisationMatrixTests(ResoluteFactory app, ITestOutputHelper output) : IClassFixture<ResoluteFactory>
{
    private const string Ward = "P-NGHIADO";
    private const string Sibling = "P-YENHOA";
    private const string Above = "TU-HN";
    private const string Target = "P-NGHIADO-UBND";

    /// <summary>What an endpoint requires.</summary>
    public enum Need { Anonymous, SignedIn, SeeTarget, ManageTarget, ManageUsers, ReadAudit, ManageAny, RegisterForTarget, ActOnTarget, AssignForTarget }

    public enum Position { Inside, Sibling, Above }

    /// <summary>One request: the endpoint it exercises (as the completeness check names it), how to build it, what it needs, what success is.</summary>
    public sealed record Case(string Endpoint, HttpMethod Method, Func<Context, Task<(string Url, HttpContent? Body)>> Build, Need Need, HttpStatusCode Success, bool Api,
        Permission? Permission = null);

    /// <summary>How far a task made for a case has gone.</summary>
    public enum TaskStage { Draft, Assigned, WithReport, WithExtension, LateChild }

    public sealed class Context(ResoluteFactory app)
    {
        public async Task<string> FreshUnitAsync()
        {
            var code = "M-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
            var ward = await app.UnitIdAsync(Ward);
            return await app.WithDbAsync(async (db, _) =>
                (await new CreateOrganisation(code, "Chi bộ ma trận", "Chi bộ ma trận", OrganisationKind.PartyCell, OrganisationLevel.Commune, ward,
                    new DateOnly(2025, 7, 1)).HandleAsync(db, default)).Id.ToString());
        }

        public Task<Guid> IdAsync(string code) => app.UnitIdAsync(code);

        public Task<int> VersionOfAsync(string id) => app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(db.Assignments, a => a.Id == Guid.Parse(id)), a => a.Version)));

        public Task<int> ReportVersionOfAsync(string reportId) => app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.UnitReports),
                r => r.Id == Guid.Parse(reportId)), r => r.Version)));

        public Task<Guid> ParentOfAsync(string id) => app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(db.Assignments, a => a.Id == Guid.Parse(id)), a => a.ParentId!.Value)));

        /// <summary>A state document issued by the target unit (no term needed), registered by the system.</summary>
        public async Task<string> FreshDocumentAsync()
        {
            var issuer = await app.UnitIdAsync(Target);
            return await app.WithDbAsync(async (db, _) =>
            {
                var type = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.DocumentTypes,
                    t => t.System == Resolute.Domain.Documents.DocumentSystem.State && t.Abbreviation == "QĐ");
                var n = Interlocked.Increment(ref _number).ToString();
                var d = new Resolute.Domain.Documents.Document(type.System, type, n, $"{n}/QĐ-UBND", issuer, OrganisationLevel.Commune, null,
                    new DateOnly(2025, 8, 1), null, "Quyết định kiểm thử", Resolute.Domain.Documents.Secrecy.None, Resolute.Domain.Documents.Urgency.Normal, null, null);
                db.Documents.Add(d);
                await db.SaveChangesAsync();
                return d.Id.ToString();
            });
        }

        /// <summary>
        /// A task the ward (the inside caller's unit) gives the target unit, made by the system at <paramref name="stage"/>.
        /// Returns the task's id and, for the stages that have one, the report's or extension's id.
        /// </summary>
        public async Task<(string Id, string? Sub)> FreshTaskAsync(TaskStage stage)
        {
            var ward = await app.UnitIdAsync(Ward);
            var target = await app.UnitIdAsync(Target);
            return await app.WithDbAsync(async (db, sp) =>
            {
                var leader = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                    System.Linq.Queryable.Select(System.Linq.Queryable.Where(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Positions),
                        p => p.OrganisationId == target && p.IsLeader), p => p.PersonId));
                var source = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                    System.Linq.Queryable.Select(System.Linq.Queryable.Where(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Documents),
                        d => d.Symbol == "15-NQ/TW"), d => d.Id));
                var today = db.Today;
                var now = DateTime.UtcNow;
                var calendar = Resolute.Domain.Assignments.ReportingCalendar.Default;
                Resolute.Domain.Assignments.Assignment Make(Guid lead, Guid? leaderId, DateOnly deadline)
                {
                    var a = new Resolute.Domain.Assignments.Assignment(ward, "Nhiệm vụ ma trận", now, null);
                    db.Assignments.Add(a);
                    a.Describe("Nhiệm vụ ma trận", null, source, null, null, "Báo cáo kết quả", Resolute.Domain.Documents.Secrecy.None);
                    a.SetPeople(lead, leaderId, ward, []);
                    a.SetSchedule(deadline, Resolute.Domain.Assignments.Recurrence.None, calendar, today);
                    a.SetIndicators([("Tỷ lệ hoàn thành", "%", 100m)]);
                    return a;
                }
                string? sub = null;
                Resolute.Domain.Assignments.Assignment task;
                if (stage == TaskStage.LateChild)
                {
                    var wardLeader = await Resolute.Web.Features.Common.Units.DefaultLeaderAsync(db, ward, today, default);
                    var parent = Make(ward, wardLeader, today.AddDays(20));
                    parent.Assign(today);
                    task = Make(target, leader, today.AddDays(40));
                    task.CascadeFrom(parent, lateDeadlineApproved: false);
                }
                else
                {
                    task = Make(target, leader, today.AddDays(30));
                    if (stage != TaskStage.Draft) task.Assign(today);
                    if (stage == TaskStage.WithReport) sub = task.Report("Đã triển khai", 50, false, [], now, null, "system", today, calendar).Id.ToString();
                    if (stage == TaskStage.WithExtension) sub = task.RequestExtension(today.AddDays(60), "Chờ hướng dẫn", now, null, "system").Id.ToString();
                }
                await db.SaveChangesAsync();
                return (task.Id.ToString(), sub);
            });
        }

        /// <summary>
        /// A review campaign the ward (the inside caller's unit) runs, sent to the target unit, made by the system; returns
        /// the campaign's id and the target's report id. With <paramref name="submitted"/> the target has submitted.
        /// </summary>
        public async Task<(string Id, string ReportId)> FreshReviewAsync(bool submitted = false)
        {
            var ward = await app.UnitIdAsync(Ward);
            var target = await app.UnitIdAsync(Target);
            return await app.WithDbAsync(async (db, sp) =>
            {
                var c = await new Resolute.Web.Features.Reviews.SaveCampaign(null, null, new Resolute.Web.Features.Reviews.CampaignInput
                {
                    OwnerId = ward,
                    Title = "Sơ kết ma trận",
                    SubjectNote = "Chuyên đề kiểm thử",
                    PeriodFrom = new DateOnly(2025, 1, 1),
                    PeriodTo = new DateOnly(2025, 12, 31),
                    Deadline = db.Today.AddDays(30),
                    RecipientIds = [target],
                }, Send: true).HandleAsync(db, default);
                var report = c.Reports[0].Id;
                if (submitted)
                    await new Resolute.Web.Features.Reviews.SaveUnitReport(report, null, [new(null, "results", "Đã thực hiện")], [], true)
                        .HandleAsync(db, sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), default);
                return (c.Id.ToString(), report.ToString());
            });
        }

        /// <summary>
        /// A work programme of the target unit (a People's Committee) with one complete item it prepares itself, made by
        /// the system; approved with <paramref name="approved"/>. Returns the programme's id and the item's.
        /// </summary>
        public async Task<(string Id, string ItemId)> FreshProgrammeAsync(bool approved = false)
        {
            var target = await app.UnitIdAsync(Target);
            return await app.WithDbAsync(async (db, _) =>
            {
                var chair = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                    System.Linq.Queryable.Select(System.Linq.Queryable.Where(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Positions),
                        x => x.OrganisationId == target && x.IsLeader), x => x.PersonId));
                var p = await new Resolute.Web.Features.Programmes.SaveProgramme(null, null, new Resolute.Web.Features.Programmes.ProgrammeFields
                {
                    OrganisationId = target,
                    Body = Resolute.Domain.Programmes.ProgrammeForum.StandingMembers,
                    Kind = Resolute.Domain.Programmes.ProgrammeKind.Annual,
                    Year = DateTime.UtcNow.Year - 1,
                }).HandleAsync(db, default);
                var item = await new Resolute.Web.Features.Programmes.SaveProgrammeItem(p.Id, null, null, new Resolute.Web.Features.Programmes.ItemFields
                {
                    Content = "Báo cáo ma trận",
                    PreparingUnitId = target,
                    MemberInChargeId = chair,
                    Forum = Resolute.Domain.Programmes.ProgrammeForum.StandingMembers,
                    DueMonth = new DateOnly(DateTime.UtcNow.Year - 1, 6, 1),
                }).HandleAsync(db, default);
                if (approved) await new Resolute.Web.Features.Programmes.ApproveProgramme(p.Id, null).HandleAsync(db, default);
                return (p.Id.ToString(), item.Id.ToString());
            });
        }

        public enum DelegationStage { Draft, Established, WithConclusion }

        /// <summary>
        /// A supervision decided by the target unit of a unit made under it, its head the target's leader, made by the system
        /// at <paramref name="stage"/>; returns its id, and with a conclusion the conclusion's and its recommendation's ids.
        /// </summary>
        public async Task<(string Id, string? Conclusion, string? Recommendation)> FreshDelegationAsync(DelegationStage stage)
        {
            var target = await app.UnitIdAsync(Target);
            var visited = await app.WithDbAsync(async (db, _) =>
                (await new CreateOrganisation("M-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), "Tổ ma trận", "Tổ ma trận", OrganisationKind.AdvisoryBody,
                    OrganisationLevel.Commune, target, new DateOnly(2025, 7, 1)).HandleAsync(db, default)).Id);
            return await app.WithDbAsync(async (db, sp) =>
            {
                var head = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                    System.Linq.Queryable.Select(System.Linq.Queryable.Where(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Positions),
                        x => x.OrganisationId == target && x.IsLeader), x => x.PersonId));
                var today = db.Today;
                var d = await new Resolute.Web.Features.Delegations.SaveDelegation(null, null, new Resolute.Web.Features.Delegations.DelegationFields
                {
                    OrganisationId = target,
                    Kind = Resolute.Domain.Delegations.DelegationKind.Supervision,
                    Title = "Đoàn giám sát ma trận",
                    StartsOn = today.AddDays(-1),
                    EndsOn = today.AddDays(30),
                    Members = [new(head, Resolute.Domain.Delegations.DelegationRole.Head)],
                    Visits = [new(null, visited, today.AddDays(10))],
                }).HandleAsync(db, default);
                if (stage == DelegationStage.Draft) return (d.Id.ToString(), (string?)null, (string?)null);
                var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Resolute.Web.Data.User>>();
                var config = sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
                await new Resolute.Web.Features.Delegations.EstablishDelegation(d.Id, null).HandleAsync(db, users, config, default);
                if (stage == DelegationStage.Established) return (d.Id.ToString(), null, null);
                var c = await new Resolute.Web.Features.Delegations.ConcludeVisit(d.Id, null, null, null, [new(Resolute.Domain.Delegations.FindingKind.Strength, "Tốt")],
                    [new("Kiến nghị ma trận", today.AddDays(20))], Issue: true).HandleAsync(db, default);
                return (d.Id.ToString(), c.Id.ToString(), c.Recommendations[0].Id.ToString());
            });
        }

        public async Task<(string, HttpContent?)> DelegationRequestAsync(DelegationStage stage, Func<string, string?, string?, string> url, Func<int, object>? body = null)
        {
            var (id, conclusion, recommendation) = await FreshDelegationAsync(stage);
            var (_, content) = await DelegationVersionedAsync(id, body);
            return (url(id, conclusion, recommendation), content);
        }

        public async Task<(string, HttpContent?)> DelegationVersionedAsync(string id, Func<int, object>? body)
        {
            var version = await app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                System.Linq.Queryable.Select(System.Linq.Queryable.Where(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Delegations),
                    x => x.Id == Guid.Parse(id)), x => x.Version)));
            return (id, body is null ? null : JsonContent.Create(body(version)));
        }

        /// <summary>A conclusion recorded but not issued on a delegation; returns its id.</summary>
        public Task<string> ConcludeUnissuedAsync(string delegation) => app.WithDbAsync(async (db, _) =>
            (await new Resolute.Web.Features.Delegations.ConcludeVisit(Guid.Parse(delegation), null, null, null,
                [new(Resolute.Domain.Delegations.FindingKind.Strength, "Tốt")], [], Issue: false).HandleAsync(db, default)).Id.ToString());

        public enum MeetingStage { Scheduled, Held, WithConclusion }

        /// <summary>A meeting of the target unit's standing members (its chair the one member), made by the system at <paramref name="stage"/>; returns its id and its point's id.</summary>
        public async Task<(string Id, string? Point)> FreshMeetingAsync(MeetingStage stage)
        {
            var target = await app.UnitIdAsync(Target);
            return await app.WithDbAsync(async (db, sp) =>
            {
                var config = sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
                var m = await new Resolute.Web.Features.Meetings.SaveMeeting(null, null, new Resolute.Web.Features.Meetings.MeetingFields
                {
                    OrganisationId = target,
                    Forum = Resolute.Domain.Programmes.ProgrammeForum.StandingMembers,
                    StartsAt = new DateTime(2026, 6, 2, 8, 0, 0),
                    Place = "Trụ sở",
                    Title = "Phiên họp ma trận",
                }).HandleAsync(db, default);
                await new Resolute.Web.Features.Meetings.AddAgendaItems(m.Id, null, null, false, "Nội dung ma trận", null, null).HandleAsync(db, default);
                if (stage == MeetingStage.Scheduled) return (m.Id.ToString(), (string?)null);
                var presence = m.Attendance.Select(a => new Resolute.Web.Features.Meetings.PresenceInput(a.PersonId, Resolute.Domain.Meetings.Presence.Present, null)).ToList();
                await new Resolute.Web.Features.Meetings.RecordAttendance(m.Id, null, presence, null, null, true).HandleAsync(db, config, default);
                if (stage == MeetingStage.Held) return (m.Id.ToString(), null);
                var point = await new Resolute.Web.Features.Meetings.AddConclusion(m.Id, null, null, "Giao đơn vị hoàn thành báo cáo", Target, new DateOnly(2026, 12, 31)).HandleAsync(db, default);
                return (m.Id.ToString(), point.Id.ToString());
            });
        }

        public Task<int> MeetingVersionOfAsync(string id) => app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Meetings),
                x => x.Id == Guid.Parse(id)), x => x.Version)));

        public async Task<(string, HttpContent?)> MeetingRequestAsync(MeetingStage stage, Func<string, string?, string> url, Func<int, object>? body = null)
        {
            var (id, point) = await FreshMeetingAsync(stage);
            var version = await MeetingVersionOfAsync(id);
            return (url(id, point), body is null ? null : JsonContent.Create(body(version)));
        }

        /// <summary>A workbook of one item the target unit prepares, for the import.</summary>
        public async Task<byte[]> ProgrammeWorkbookAsync()
        {
            var target = await app.UnitIdAsync(Target);
            var chair = await app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                from x in Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Positions)
                join p in Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.People) on x.PersonId equals p.Id
                where x.OrganisationId == target && x.IsLeader
                select p.FullName));
            using var stream = new MemoryStream();
            MiniExcelLibs.MiniExcel.SaveAs(stream, new[]
            {
                new Dictionary<string, object?>
                {
                    [Resolute.Web.Features.Programmes.ProgrammeExcel.Content] = "Nội dung nhập từ Excel",
                    [Resolute.Web.Features.Programmes.ProgrammeExcel.Preparing] = Target,
                    [Resolute.Web.Features.Programmes.ProgrammeExcel.Member] = chair,
                    [Resolute.Web.Features.Programmes.ProgrammeExcel.Forum] = "TT",
                    [Resolute.Web.Features.Programmes.ProgrammeExcel.Month] = $"06/{DateTime.UtcNow.Year - 1}",
                },
            });
            return stream.ToArray();
        }

        public Task<int> ProgrammeVersionOfAsync(string id) => app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.WorkProgrammes),
                x => x.Id == Guid.Parse(id)), x => x.Version)));

        /// <summary>A request to a fresh programme's URL, with its current version in a JSON body.</summary>
        public async Task<(string, HttpContent?)> ProgrammeRequestAsync(bool approved, Func<string, string, string> url, Func<int, object>? body = null)
        {
            var (id, item) = await FreshProgrammeAsync(approved);
            var version = await ProgrammeVersionOfAsync(id);
            return (url(id, item).Replace("{version}", version.ToString()), body is null ? null : JsonContent.Create(body(version)));
        }

        public async Task<string> FreshEvidenceUrlAsync()
        {
            var (id, report) = await FreshTaskAsync(TaskStage.WithReport);
            var evidence = await app.WithDbAsync(async (db, sp) =>
                (await new Resolute.Web.Features.Assignments.AddEvidence(Guid.Parse(id), Guid.Parse(report!), "anh.png", () => new MemoryStream(Png))
                    .HandleAsync(db, sp.GetRequiredService<Resolute.Web.Infrastructure.Files.FileStore>(), default)).Id);
            return $"/api/assignments/{id}/evidence/{evidence}";
        }

        public async Task<object> TaskBodyAsync(int? version = null) => new
        {
            assignerCode = Ward,
            title = "Nhiệm vụ ma trận mới",
            leadCode = Target,
            followUpCode = Ward,
            sourceDocumentId = await app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                System.Linq.Queryable.Select(System.Linq.Queryable.Where(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Documents),
                    d => d.Symbol == "15-NQ/TW"), d => d.Id))),
            deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
            output = "Báo cáo",
            version,
        };

        public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

        public static MultipartFormDataContent PngUpload()
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(Png), "file", "anh.png");
            return form;
        }

        /// <summary>A document of the target unit with one attachment, made by the system.</summary>
        public async Task<string> FreshAttachmentUrlAsync()
        {
            var doc = Guid.Parse(await FreshDocumentAsync());
            var id = await app.WithDbAsync(async (db, sp) =>
                (await new Resolute.Web.Features.Documents.Attachments.AddAttachment(doc, "anh.png", () => new MemoryStream(Png))
                    .HandleAsync(db, sp.GetRequiredService<Resolute.Web.Infrastructure.Files.FileStore>(), default)).Id);
            return $"/api/documents/{doc}/attachments/{id}";
        }

        /// <summary>A held meeting of the target unit with its minutes kept as a file, made by the system.</summary>
        public async Task<string> FreshMinutesUrlAsync()
        {
            var (meeting, _) = await FreshMeetingAsync(MeetingStage.Held);
            var id = await app.WithDbAsync(async (db, sp) =>
                (await new Resolute.Web.Features.Meetings.AddMinutesFile(Guid.Parse(meeting), "bien-ban.png", () => new MemoryStream(Png))
                    .HandleAsync(db, sp.GetRequiredService<Resolute.Web.Infrastructure.Files.FileStore>(), default)).Id);
            return $"/api/meetings/{meeting}/minutes-files/{id}";
        }

        public Task<Guid> StateTypeAsync(string abbr) => app.WithDbAsync((db, _) =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                System.Linq.Queryable.Select(System.Linq.Queryable.Where(db.DocumentTypes, t => t.System == Resolute.Domain.Documents.DocumentSystem.State && t.Abbreviation == abbr), t => t.Id)));
        public string AntiforgeryToken { get; set; } = "";

        public FormUrlEncodedContent Form(Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = AntiforgeryToken;
            return new FormUrlEncodedContent(fields);
        }
    }

    private static int _number = 10_000;

    private static readonly HttpMethod Get = HttpMethod.Get, Post = HttpMethod.Post, Put = HttpMethod.Put;

    private static Func<Context, Task<(string, HttpContent?)>> Url(string url) => _ => Task.FromResult<(string, HttpContent?)>((url, null));

    public static IReadOnlyList<Case> Cases() =>
    [
        new("GET /health", Get, Url("/health"), Need.Anonymous, HttpStatusCode.OK, false),
        new("PAGE /Account/SignIn", Get, Url("/Account/SignIn"), Need.Anonymous, HttpStatusCode.OK, false),
        new("PAGE /Account/SignInTwoFactor", Get, Url("/Account/SignInTwoFactor"), Need.Anonymous, HttpStatusCode.Redirect, false),
        new("PAGE /Errors/Index", Get, Url("/Errors/Index?code=404"), Need.Anonymous, HttpStatusCode.NotFound, false),
        new("POST /culture", Post, c => Task.FromResult<(string, HttpContent?)>(("/culture", c.Form(new() { ["culture"] = "vi-VN", ["returnUrl"] = "/" }))), Need.Anonymous, HttpStatusCode.Redirect, false),
        new("PAGE /Index", Get, Url("/"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Account/Profile", Get, Url("/Account/Profile"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Account/SignOut", Get, Url("/Account/SignOut"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Account/AccessDenied", Get, Url("/Account/AccessDenied"), Need.SignedIn, HttpStatusCode.Forbidden, false),
        new("PAGE /People/Index", Get, Url("/People"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /People/Create", Get, Url("/People/Create"), Need.ManageAny, HttpStatusCode.OK, false),
        new("PAGE /Organisations/Index", Get, async c => ($"/Organisations?id={await c.IdAsync(Target)}", null), Need.SeeTarget, HttpStatusCode.OK, false),
        new("PAGE /Organisations/Create", Get, async c => ($"/Organisations/Create?parentId={await c.IdAsync(Target)}", null), Need.ManageTarget, HttpStatusCode.OK, false),
        new("PAGE /Organisations/Edit", Get, async c => ($"/Organisations/Edit/{await c.IdAsync(Target)}", null), Need.ManageTarget, HttpStatusCode.OK, false),
        new("PAGE /Organisations/Move", Get, async c => ($"/Organisations/Move/{await c.IdAsync(Target)}", null), Need.ManageTarget, HttpStatusCode.OK, false),
        new("PAGE /Organisations/Merge", Get, async c => ($"/Organisations/Merge/{await c.IdAsync(Target)}", null), Need.ManageTarget, HttpStatusCode.OK, false),
        new("PAGE /Organisations/Dissolve", Get, async c => ($"/Organisations/Dissolve/{await c.IdAsync(Target)}", null), Need.ManageTarget, HttpStatusCode.OK, false),
        new("PAGE /Organisations/Edit", Post, async c =>
        {
            var id = await c.FreshUnitAsync();
            return ($"/Organisations/Edit/{id}", c.Form(new() { ["Input.Code"] = "E-" + Guid.NewGuid().ToString("N")[..8], ["Input.ShortName"] = "Chi bộ sửa", ["Input.Kind"] = "PartyCell", ["Input.Level"] = "Commune", ["Input.ValidFrom"] = "2025-07-01" }));
        }, Need.ManageTarget, HttpStatusCode.Redirect, false),
        new("PAGE /Organisations/Dissolve", Post, async c => ($"/Organisations/Dissolve/{await c.FreshUnitAsync()}", c.Form(new() { ["Input.On"] = "2026-01-01", ["Input.Reason"] = "Giải thể" })), Need.ManageTarget, HttpStatusCode.Redirect, false),
        new("PAGE /Organisations/Move", Post, async c => ($"/Organisations/Move/{await c.FreshUnitAsync()}", c.Form(new() { ["ParentCode"] = Target })), Need.ManageTarget, HttpStatusCode.Redirect, false),
        new("PAGE /Organisations/Merge", Post, async c => ($"/Organisations/Merge/{await c.FreshUnitAsync()}", c.Form(new() { ["Input.IntoCode"] = Target, ["Input.On"] = "2026-01-01", ["Input.Reason"] = "Sáp nhập" })), Need.ManageTarget, HttpStatusCode.Redirect, false),
        new("PAGE /Admin/Index", Get, Url("/Admin"), Need.ManageUsers, HttpStatusCode.OK, false),
        new("PAGE /Audit/Index", Get, Url("/Audit"), Need.ReadAudit, HttpStatusCode.OK, false),
        new("GET /openapi/{documentName}.json", Get, Url("/openapi/v1.json"), Need.SignedIn, HttpStatusCode.OK, true),
        new("GET /api-docs/{documentName?}", Get, Url("/api-docs/"), Need.SignedIn, HttpStatusCode.OK, false),
        // The reference page's own scripts are public library code, like site.css: served to anyone, from the app itself.
        new("GET /api-docs/scalar.js", Get, Url("/api-docs/scalar.js"), Need.Anonymous, HttpStatusCode.OK, false),
        new("GET /api-docs/scalar.aspnetcore.js", Get, Url("/api-docs/scalar.aspnetcore.js"), Need.Anonymous, HttpStatusCode.OK, false),
        new("GET /api-docs/favicon.svg", Get, Url("/api-docs/favicon.svg"), Need.Anonymous, HttpStatusCode.OK, false),
        new("PAGE /Documents/Index", Get, Url("/Documents?q=nghi%20quyet"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Documents/Extract", Get, Url("/Documents/Extract"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Documents/Import", Get, Url("/Documents/Import"), Need.ManageAny, HttpStatusCode.OK, false),
        new("PAGE /Documents/Create", Get, Url("/Documents/Create"), Need.ManageAny, HttpStatusCode.OK, false),
        new("PAGE /Documents/Details", Get, async c => ($"/Documents/Details/{await c.FreshDocumentAsync()}", null), Need.SeeTarget, HttpStatusCode.OK, false),
        new("PAGE /Documents/Lineage", Get, async c => ($"/Documents/Lineage/{await c.FreshDocumentAsync()}", null), Need.SeeTarget, HttpStatusCode.OK, false),
        new("GET /api/documents/{id:guid}/lineage", Get, async c => ($"/api/documents/{await c.FreshDocumentAsync()}/lineage", null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("POST /api/documents/{id:guid}/attachments", Post, async c => ($"/api/documents/{await c.FreshDocumentAsync()}/attachments", Context.PngUpload()), Need.ManageTarget, HttpStatusCode.Created, true),
        new("GET /api/documents/{id:guid}/attachments/{attachmentId:guid}", Get, async c => (await c.FreshAttachmentUrlAsync(), null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/documents/", Get, Url("/api/documents?q=dang"), Need.SignedIn, HttpStatusCode.OK, true),
        new("GET /api/document-types", Get, Url("/api/document-types"), Need.SignedIn, HttpStatusCode.OK, true),
        new("POST /api/references/extract", Post, _ => Task.FromResult<(string, HttpContent?)>(("/api/references/extract", (HttpContent?)new StringContent("Nghị quyết số 15-NQ/TW ngày 30/7/2007"))), Need.SignedIn, HttpStatusCode.OK, true),
        new("GET /api/documents/{id:guid}", Get, async c => ($"/api/documents/{await c.FreshDocumentAsync()}", null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("POST /api/documents/", Post, async c =>
        {
            var n = Interlocked.Increment(ref _number);
            return ("/api/documents", JsonContent.Create(new { symbol = $"{n}/KH-UBND", typeId = await c.StateTypeAsync("KH"), issuerCode = Target, issuedOn = "2025-09-01", summary = "Kế hoạch kiểm thử" }));
        }, Need.RegisterForTarget, HttpStatusCode.Created, true),
        new("POST /api/documents/{id:guid}/relations", Post, async c =>
        {
            var from = await c.FreshDocumentAsync();
            return ($"/api/documents/{from}/relations", JsonContent.Create(new { toId = await c.FreshDocumentAsync(), kind = "implements" }));
        }, Need.ManageTarget, HttpStatusCode.Created, true),
        new("GET /api/assignments/", Get, Url("/api/assignments?status=on-track,overdue"), Need.SignedIn, HttpStatusCode.OK, true),
        new("GET /api/assignments/{id:guid}", Get, async c => ($"/api/assignments/{(await c.FreshTaskAsync(TaskStage.Assigned)).Id}", null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/dashboard", Get, async c => ($"/api/dashboard?org={await c.IdAsync(Target)}", null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("POST /api/assignments/", Post, async c => ("/api/assignments", JsonContent.Create(await c.TaskBodyAsync())), Need.AssignForTarget, HttpStatusCode.Created, true),
        new("PUT /api/assignments/{id:guid}", Put, async c =>
        {
            var (id, _) = await c.FreshTaskAsync(TaskStage.Draft);
            return ($"/api/assignments/{id}", JsonContent.Create(await c.TaskBodyAsync(await c.VersionOfAsync(id))));
        }, Need.ActOnTarget, HttpStatusCode.OK, true, Permission.AssignTasks),
        new("POST /api/assignments/{id:guid}/assign", Post, async c =>
        {
            var (id, _) = await c.FreshTaskAsync(TaskStage.Draft);
            return ($"/api/assignments/{id}/assign", JsonContent.Create(new { version = await c.VersionOfAsync(id) }));
        },
            Need.ActOnTarget, HttpStatusCode.OK, true, Permission.AssignTasks),
        new("POST /api/assignments/{id:guid}/progress", Post, async c =>
        {
            var (id, _) = await c.FreshTaskAsync(TaskStage.Assigned);
            return ($"/api/assignments/{id}/progress", JsonContent.Create(new { narrative = "Đã triển khai", percent = 40, version = await c.VersionOfAsync(id) }));
        }, Need.ActOnTarget, HttpStatusCode.Created, true, Permission.ReportProgress),
        new("POST /api/assignments/{id:guid}/progress/{reportId:guid}/review", Post, async c =>
        {
            var (id, report) = await c.FreshTaskAsync(TaskStage.WithReport);
            return ($"/api/assignments/{id}/progress/{report}/review", JsonContent.Create(new { accept = true, version = await c.VersionOfAsync(id) }));
        }, Need.ActOnTarget, HttpStatusCode.OK, true, Permission.ReviewTasks),
        new("POST /api/assignments/{id:guid}/progress/{reportId:guid}/evidence", Post, async c =>
        {
            var (id, report) = await c.FreshTaskAsync(TaskStage.WithReport);
            return ($"/api/assignments/{id}/progress/{report}/evidence", Context.PngUpload());
        }, Need.ActOnTarget, HttpStatusCode.Created, true, Permission.ReportProgress),
        new("GET /api/assignments/{id:guid}/evidence/{evidenceId:guid}", Get, async c => (await c.FreshEvidenceUrlAsync(), null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("POST /api/assignments/{id:guid}/extensions", Post, async c =>
        {
            var (id, _) = await c.FreshTaskAsync(TaskStage.Assigned);
            return ($"/api/assignments/{id}/extensions", JsonContent.Create(new
            {
                newDeadline = DateTime.UtcNow.AddDays(90).ToString("yyyy-MM-dd"), reason = "Chờ hướng dẫn", version = await c.VersionOfAsync(id),
            }));
        }, Need.ActOnTarget, HttpStatusCode.Created, true, Permission.ReportProgress),
        new("POST /api/assignments/{id:guid}/extensions/{extensionId:guid}/decision", Post, async c =>
        {
            var (id, ext) = await c.FreshTaskAsync(TaskStage.WithExtension);
            return ($"/api/assignments/{id}/extensions/{ext}/decision", JsonContent.Create(new { approve = true, version = await c.VersionOfAsync(id) }));
        }, Need.ActOnTarget, HttpStatusCode.OK, true, Permission.ReviewTasks),
        new("POST /api/assignments/{id:guid}/state", Post, async c =>
        {
            var (id, _) = await c.FreshTaskAsync(TaskStage.Assigned);
            return ($"/api/assignments/{id}/state", JsonContent.Create(new { change = "pause", reason = "Chờ sắp xếp bộ máy", version = await c.VersionOfAsync(id) }));
        }, Need.ActOnTarget, HttpStatusCode.OK, true, Permission.ReviewTasks),
        new("POST /api/assignments/{id:guid}/cascade", Post, async c =>
        {
            var (id, _) = await c.FreshTaskAsync(TaskStage.LateChild);
            // The late child's parent is led by the ward itself: cascading it to the target is the ward's right.
            var parent = await c.ParentOfAsync(id);
            return ($"/api/assignments/{parent}/cascade", JsonContent.Create(new { targets = new[] { new { unitCode = Target } } }));
        }, Need.ActOnTarget, HttpStatusCode.Created, true, Permission.AssignTasks),
        new("POST /api/assignments/{id:guid}/approve-deadline", Post, async c => ($"/api/assignments/{(await c.FreshTaskAsync(TaskStage.LateChild)).Id}/approve-deadline", null),
            Need.ActOnTarget, HttpStatusCode.OK, true, Permission.ReviewTasks),
        new("PAGE /Assignments/Index", Get, Url("/Assignments?status=overdue"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Assignments/MyWork", Get, Url("/Assignments/MyWork"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Assignments/Import", Get, Url("/Assignments/Import"), Need.ManageAny, HttpStatusCode.OK, false),
        new("PAGE /Assignments/Dashboard", Get, Url($"/Assignments/Dashboard?unit={Target}"), Need.SeeTarget, HttpStatusCode.OK, false),
        new("PAGE /Assignments/Details", Get, async c => ($"/Assignments/Details/{(await c.FreshTaskAsync(TaskStage.WithReport)).Id}", null), Need.SeeTarget, HttpStatusCode.OK, false),
        new("PAGE /Assignments/Details", Post, async c => ($"/Assignments/Details/{(await c.FreshTaskAsync(TaskStage.Assigned)).Id}?handler=Report",
            c.Form(new() { ["narrative"] = "Đã triển khai", ["percent"] = "30" })), Need.ActOnTarget, HttpStatusCode.Redirect, false, Permission.ReportProgress),
        new("PAGE /Assignments/Edit", Get, async c => ($"/Assignments/Edit/{(await c.FreshTaskAsync(TaskStage.Draft)).Id}", null), Need.ActOnTarget, HttpStatusCode.OK, false, Permission.AssignTasks),
        new("PAGE /Assignments/Edit", Post, async c => ("/Assignments/Edit?handler=Save", c.Form(new()
        {
            ["Input.AssignerCode"] = Ward, ["Input.Title"] = "Dự thảo nhiệm vụ qua biểu mẫu", ["Input.LeadCode"] = Target, ["Input.Recurrence"] = "None", ["Input.Secrecy"] = "None",
        })), Need.AssignForTarget, HttpStatusCode.Redirect, false),
        new("PAGE /Assignments/Cascade", Get, async c => ($"/Assignments/Cascade/{await c.ParentOfAsync((await c.FreshTaskAsync(TaskStage.LateChild)).Id)}", null),
            Need.ActOnTarget, HttpStatusCode.OK, false, Permission.AssignTasks),
        new("PAGE /Assignments/Cascade", Post, async c => ($"/Assignments/Cascade/{await c.ParentOfAsync((await c.FreshTaskAsync(TaskStage.LateChild)).Id)}",
            c.Form(new() { ["MoreCodes"] = Target })), Need.ActOnTarget, HttpStatusCode.Redirect, false, Permission.AssignTasks),
        new("PAGE /Assignments/Letter", Get, Url($"/Assignments/Letter?unit={Target}"), Need.ActOnTarget, HttpStatusCode.OK, false, Permission.AssignTasks),
        new("GET /api/reviews/", Get, Url("/api/reviews"), Need.SignedIn, HttpStatusCode.OK, true),
        new("GET /api/reviews/{id:guid}", Get, async c => ($"/api/reviews/{(await c.FreshReviewAsync()).Id}", null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/reviews/{id:guid}/report.docx", Get, async c => ($"/api/reviews/{(await c.FreshReviewAsync()).Id}/report.docx", null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/reviews/{id:guid}/annex.xlsx", Get, async c => ($"/api/reviews/{(await c.FreshReviewAsync()).Id}/annex.xlsx", null), Need.SeeTarget, HttpStatusCode.OK, true),
        // Without LibreOffice the answer is 501 to everyone who may see the campaign; CI installs it, so 200 there.
        new("GET /api/reviews/{id:guid}/report.pdf", Get, async c => ($"/api/reviews/{(await c.FreshReviewAsync()).Id}/report.pdf", null), Need.SeeTarget,
            Resolute.Web.Infrastructure.Docx.LibreOffice.Available ? HttpStatusCode.OK : HttpStatusCode.NotImplemented, true),
        new("POST /api/reviews/", Post, async c => ("/api/reviews", JsonContent.Create(new
        {
            ownerCode = Ward, title = "Sơ kết ma trận mới", subjectNote = "Chuyên đề", periodFrom = "2025-01-01", periodTo = "2025-12-31",
            deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"), recipientCodes = new[] { Target }, send = true,
        })), Need.AssignForTarget, HttpStatusCode.Created, true),
        new("PUT /api/reviews/reports/{reportId:guid}", Put, async c =>
        {
            var report = (await c.FreshReviewAsync()).ReportId;
            return ($"/api/reviews/reports/{report}", JsonContent.Create(new
            {
                items = new[] { new { sectionKey = "results", text = "Đã thực hiện" } }, version = await c.ReportVersionOfAsync(report),
            }));
        }, Need.ActOnTarget, HttpStatusCode.OK, true, Permission.ReportProgress),
        new("POST /api/reviews/reports/{reportId:guid}/decision", Post, async c =>
        {
            var report = (await c.FreshReviewAsync(submitted: true)).ReportId;
            return ($"/api/reviews/reports/{report}/decision", JsonContent.Create(new { accept = true, version = await c.ReportVersionOfAsync(report) }));
        }, Need.ActOnTarget, HttpStatusCode.OK, true, Permission.ReviewTasks),
        new("PAGE /Reviews/Index", Get, Url("/Reviews"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Reviews/Compare", Get, Url("/Reviews/Compare"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Reviews/Details", Get, async c => ($"/Reviews/Details/{(await c.FreshReviewAsync()).Id}", null), Need.SeeTarget, HttpStatusCode.OK, false),
        new("PAGE /Reviews/Details", Post, async c => ($"/Reviews/Details/{(await c.FreshReviewAsync()).Id}?handler=Remind", c.Form(new())),
            Need.ActOnTarget, HttpStatusCode.Redirect, false, Permission.AssignTasks),
        new("PAGE /Reviews/Consolidate", Get, async c => ($"/Reviews/Consolidate/{(await c.FreshReviewAsync()).Id}", null), Need.SeeTarget, HttpStatusCode.OK, false),
        new("PAGE /Reviews/Consolidate", Post, async c => ($"/Reviews/Consolidate/{(await c.FreshReviewAsync()).Id}",
            c.Form(new() { ["op"] = "add", ["section"] = "results", ["text"] = "Mục tổng hợp" })), Need.ActOnTarget, HttpStatusCode.Redirect, false, Permission.AssignTasks),
        new("PAGE /Reviews/Report", Get, async c => ($"/Reviews/Report/{(await c.FreshReviewAsync()).ReportId}", null), Need.SeeTarget, HttpStatusCode.OK, false),
        new("PAGE /Reviews/Report", Post, async c => ($"/Reviews/Report/{(await c.FreshReviewAsync()).ReportId}?handler=Save",
            c.Form(new() { ["Text[results]"] = "Đã thực hiện" })), Need.ActOnTarget, HttpStatusCode.Redirect, false, Permission.ReportProgress),
        new("PAGE /Reviews/Edit", Get, async c => ($"/Reviews/Edit/{(await c.FreshReviewAsync()).Id}", null), Need.ActOnTarget, HttpStatusCode.OK, false, Permission.AssignTasks),
        new("PAGE /Reviews/Edit", Post, async c => ("/Reviews/Edit?handler=Save", c.Form(new()
        {
            ["Input.OwnerCode"] = Ward, ["Input.Title"] = "Sơ kết qua biểu mẫu", ["Input.SubjectNote"] = "Chuyên đề", ["Input.Kind"] = "Preliminary",
            ["Input.PeriodFrom"] = "2025-01-01", ["Input.PeriodTo"] = "2025-12-31", ["Input.Deadline"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"), ["Input.RecipientCodes"] = Target,
        })), Need.AssignForTarget, HttpStatusCode.Redirect, false),
        new("PAGE /Notifications/Index", Get, Url("/Notifications"), Need.SignedIn, HttpStatusCode.OK, false),
        new("GET /api/notifications/", Get, Url("/api/notifications"), Need.SignedIn, HttpStatusCode.OK, true),
        // Someone else's notification, or none: 404 alike.
        new("POST /api/notifications/{id:guid}/read", Post, Url($"/api/notifications/{Guid.NewGuid()}/read"), Need.SignedIn, HttpStatusCode.NotFound, true),
        new("POST /api/notifications/read-all", Post, Url("/api/notifications/read-all"), Need.SignedIn, HttpStatusCode.NoContent, true),
        // The feed is its own credential: a wrong key is 404 to everyone.
        new("GET /calendar/{key}.ics", Get, Url("/calendar/0123456789abcdef.ics"), Need.Anonymous, HttpStatusCode.NotFound, false),
        new("GET /api/organisations/", Get, Url("/api/organisations"), Need.SignedIn, HttpStatusCode.OK, true),
        new("GET /api/work-programmes/adoption", Get, async c => ($"/api/work-programmes/adoption?org={await c.IdAsync(Ward)}&year=2026", null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/work-programmes/", Get, Url("/api/work-programmes?kind=annual"), Need.SignedIn, HttpStatusCode.OK, true),
        new("POST /api/work-programmes/", Post, _ => Task.FromResult<(string, HttpContent?)>(("/api/work-programmes", JsonContent.Create(new
        {
            organisationCode = Target, body = "standingMembers", kind = "annual", year = 2026,
        }))), Need.AssignForTarget, HttpStatusCode.Created, true),
        new("GET /api/work-programmes/{id:guid}", Get, c => c.ProgrammeRequestAsync(false, (id, _) => $"/api/work-programmes/{id}"), Need.SeeTarget, HttpStatusCode.OK, true),
        new("PUT /api/work-programmes/{id:guid}", Put, c => c.ProgrammeRequestAsync(false, (id, _) => $"/api/work-programmes/{id}",
            v => new { body = "standingMembers", kind = "annual", year = DateTime.UtcNow.Year - 1, title = "Chương trình đổi tên", version = v }),
            Need.ActOnTarget, HttpStatusCode.OK, true, Permission.AssignTasks),
        new("POST /api/work-programmes/{id:guid}/items", Post, c => c.ProgrammeRequestAsync(false, (id, _) => $"/api/work-programmes/{id}/items",
            v => new { content = "Nội dung thêm", version = v }), Need.ActOnTarget, HttpStatusCode.Created, true, Permission.AssignTasks),
        new("PUT /api/work-programmes/{id:guid}/items/{itemId:guid}", Put, c => c.ProgrammeRequestAsync(false, (id, item) => $"/api/work-programmes/{id}/items/{item}",
            v => new { content = "Nội dung sửa", version = v }), Need.ActOnTarget, HttpStatusCode.OK, true, Permission.AssignTasks),
        new("DELETE /api/work-programmes/{id:guid}/items/{itemId:guid}", HttpMethod.Delete, c => c.ProgrammeRequestAsync(false,
            (id, item) => $"/api/work-programmes/{id}/items/{item}?version={{version}}"), Need.ActOnTarget, HttpStatusCode.NoContent, true, Permission.AssignTasks),
        new("POST /api/work-programmes/{id:guid}/approve", Post, c => c.ProgrammeRequestAsync(false, (id, _) => $"/api/work-programmes/{id}/approve",
            v => new { version = v }), Need.ActOnTarget, HttpStatusCode.OK, true, Permission.ApproveProgrammes),
        new("POST /api/work-programmes/{id:guid}/items/{itemId:guid}/state", Post, c => c.ProgrammeRequestAsync(true, (id, item) => $"/api/work-programmes/{id}/items/{item}/state",
            v => new { change = "submitted", on = $"{DateTime.UtcNow.Year - 1}-06-20", version = v }), Need.ActOnTarget, HttpStatusCode.OK, true, Permission.AssignTasks),
        new("GET /api/work-programmes/{id:guid}/report", Get, c => c.ProgrammeRequestAsync(true, (id, _) => $"/api/work-programmes/{id}/report"), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/work-programmes/{id:guid}/report.docx", Get, c => c.ProgrammeRequestAsync(true, (id, _) => $"/api/work-programmes/{id}/report.docx"), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/work-programmes/{id:guid}/report.xlsx", Get, c => c.ProgrammeRequestAsync(true, (id, _) => $"/api/work-programmes/{id}/report.xlsx"), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/work-programmes/items-template.xlsx", Get, Url("/api/work-programmes/items-template.xlsx"), Need.SignedIn, HttpStatusCode.OK, true),
        new("GET /api/work-programmes/{id:guid}/items.xlsx", Get, c => c.ProgrammeRequestAsync(false, (id, _) => $"/api/work-programmes/{id}/items.xlsx"), Need.SeeTarget, HttpStatusCode.OK, true),
        new("POST /api/work-programmes/{id:guid}/items.xlsx", Post, async c =>
        {
            var (url, _) = await c.ProgrammeRequestAsync(false, (id, _) => $"/api/work-programmes/{id}/items.xlsx");
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(await c.ProgrammeWorkbookAsync()), "file", "noi-dung.xlsx");
            return (url, form);
        }, Need.ActOnTarget, HttpStatusCode.OK, true, Permission.AssignTasks),
        new("GET /api/work-programmes/{id:guid}/programme.docx", Get, c => c.ProgrammeRequestAsync(true, (id, _) => $"/api/work-programmes/{id}/programme.docx"), Need.SeeTarget, HttpStatusCode.OK, true),
        new("PAGE /Programmes/Index", Get, Url("/Programmes?year=2026"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Programmes/Month", Get, Url("/Programmes/Month?m=2026-06"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Programmes/Edit", Get, Url("/Programmes/Edit"), Need.ManageAny, HttpStatusCode.OK, false),
        new("PAGE /Programmes/Details", Get, c => c.ProgrammeRequestAsync(false, (id, _) => $"/Programmes/Details/{id}"), Need.SeeTarget, HttpStatusCode.OK, false),
        new("PAGE /Programmes/Item", Get, c => c.ProgrammeRequestAsync(false, (id, item) => $"/Programmes/Item/{id}/{item}"), Need.SeeTarget, HttpStatusCode.OK, false),
        new("PAGE /Programmes/Report", Get, c => c.ProgrammeRequestAsync(true, (id, _) => $"/Programmes/Report/{id}"), Need.SeeTarget, HttpStatusCode.OK, false),
        new("PAGE /Programmes/Details", Post, async c =>
        {
            var (url, _) = await c.ProgrammeRequestAsync(false, (id, _) => $"/Programmes/Details/{id}?handler=Add");
            return (url, c.Form(new() { ["Item.Content"] = "Nội dung thêm từ trang", ["Item.Forum"] = "StandingMembers" }));
        }, Need.ActOnTarget, HttpStatusCode.Redirect, false, Permission.AssignTasks),
        new("PAGE /Programmes/Details", Post, async c =>
        {
            var (url, _) = await c.ProgrammeRequestAsync(false, (id, _) => $"/Programmes/Details/{id}?handler=Approve");
            return (url, c.Form(new()));
        }, Need.ActOnTarget, HttpStatusCode.Redirect, false, Permission.ApproveProgrammes),
        new("PAGE /Programmes/Item", Post, async c =>
        {
            var (url, _) = await c.ProgrammeRequestAsync(true, (id, item) => $"/Programmes/Item/{id}/{item}?handler=Submitted");
            return (url, c.Form(new() { ["On"] = $"{DateTime.UtcNow.Year - 1}-06-25" }));
        }, Need.ActOnTarget, HttpStatusCode.Redirect, false, Permission.AssignTasks),
        new("GET /api/delegations/recommendations.docx", Get, async c => ($"/api/delegations/recommendations.docx?org={await c.IdAsync(Target)}&year=2026", null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/delegations/recommendations.xlsx", Get, Url("/api/delegations/recommendations.xlsx?year=2026"), Need.SignedIn, HttpStatusCode.OK, true),
        new("GET /api/delegations/{id:guid}/report.docx", Get, c => c.DelegationRequestAsync(Context.DelegationStage.WithConclusion, (id, _, _) => $"/api/delegations/{id}/report.docx"), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/delegations/{id:guid}/decision.docx", Get, c => c.DelegationRequestAsync(Context.DelegationStage.Established, (id, _, _) => $"/api/delegations/{id}/decision.docx"), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/delegations/{id:guid}/conclusions/{conclusionId:guid}.docx", Get, c => c.DelegationRequestAsync(Context.DelegationStage.WithConclusion,
            (id, cid, _) => $"/api/delegations/{id}/conclusions/{cid}.docx"), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/inspection-programmes", Get, async c => ($"/api/inspection-programmes?org={await c.IdAsync(Target)}&year=2026", null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("PAGE /Delegations/Programme", Get, Url($"/Delegations/Programme?unit={Target}&year=2026"), Need.SeeTarget, HttpStatusCode.OK, false),
        new("GET /api/delegations/", Get, Url("/api/delegations?year=2026"), Need.SignedIn, HttpStatusCode.OK, true),
        new("GET /api/delegations/recommendations", Get, Url("/api/delegations/recommendations?year=2026"), Need.SignedIn, HttpStatusCode.OK, true),
        new("POST /api/delegations/", Post, _ => Task.FromResult<(string, HttpContent?)>(("/api/delegations", JsonContent.Create(new
        {
            organisationCode = Target, kind = "survey", title = "Đoàn khảo sát ma trận", startsOn = "2026-07-01", endsOn = "2026-07-31",
        }))), Need.AssignForTarget, HttpStatusCode.Created, true),
        new("GET /api/delegations/{id:guid}", Get, c => c.DelegationRequestAsync(Context.DelegationStage.WithConclusion, (id, _, _) => $"/api/delegations/{id}"), Need.SeeTarget, HttpStatusCode.OK, true),
        new("PUT /api/delegations/{id:guid}", Put, c => c.DelegationRequestAsync(Context.DelegationStage.Draft, (id, _, _) => $"/api/delegations/{id}",
            v => new { kind = "supervision", title = "Đoàn giám sát ma trận (sửa)", startsOn = "2026-07-01", endsOn = "2026-08-31", version = v }), Need.ActOnTarget, HttpStatusCode.OK, true, Permission.AssignTasks),
        new("POST /api/delegations/{id:guid}/establish", Post, c => c.DelegationRequestAsync(Context.DelegationStage.Draft, (id, _, _) => $"/api/delegations/{id}/establish",
            v => new { version = v }), Need.ActOnTarget, HttpStatusCode.OK, true, Permission.AssignTasks),
        new("POST /api/delegations/{id:guid}/sessions", Post, c => c.DelegationRequestAsync(Context.DelegationStage.Established, (id, _, _) => $"/api/delegations/{id}/sessions",
            v => new { at = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-ddTHH:mm:ss"), place = "Trụ sở", version = v }), Need.ActOnTarget, HttpStatusCode.Created, true, Permission.AssignTasks),
        new("POST /api/delegations/{id:guid}/conclusions", Post, c => c.DelegationRequestAsync(Context.DelegationStage.Established, (id, _, _) => $"/api/delegations/{id}/conclusions",
            v => new { findings = new[] { new { kind = "strength", text = "Tốt" } }, version = v }), Need.ActOnTarget, HttpStatusCode.Created, true, Permission.AssignTasks),
        new("POST /api/delegations/{id:guid}/conclusions/{conclusionId:guid}/issue", Post, async c =>
        {
            var (id, _, _) = await c.FreshDelegationAsync(Context.DelegationStage.Established);
            var conclusion = await c.ConcludeUnissuedAsync(id);
            var (url, body) = await c.DelegationVersionedAsync(id, v => new { version = v });
            return ($"/api/delegations/{id}/conclusions/{conclusion}/issue", body);
        }, Need.ActOnTarget, HttpStatusCode.OK, true, Permission.AssignTasks),
        new("POST /api/delegations/{id:guid}/conclusions/{conclusionId:guid}/recommendations/{recommendationId:guid}/task", Post, c => c.DelegationRequestAsync(
            Context.DelegationStage.WithConclusion, (id, cid, rid) => $"/api/delegations/{id}/conclusions/{cid}/recommendations/{rid}/task", _ => new { }),
            Need.ActOnTarget, HttpStatusCode.Created, true, Permission.AssignTasks),
        new("GET /api/meetings/", Get, Url("/api/meetings?forum=standingCommittee"), Need.SignedIn, HttpStatusCode.OK, true),
        new("GET /api/meetings/report.docx", Get, async c => ($"/api/meetings/report.docx?org={await c.IdAsync(Target)}&from=2026-01-01&to=2026-12-31", null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/meetings/report.xlsx", Get, Url("/api/meetings/report.xlsx?from=2026-01-01&to=2026-12-31"), Need.SignedIn, HttpStatusCode.OK, true),
        new("GET /api/meetings/report", Get, Url("/api/meetings/report?from=2026-01-01&to=2026-12-31"), Need.SignedIn, HttpStatusCode.OK, true),
        new("GET /api/meetings/report/by-lead", Get, Url("/api/meetings/report/by-lead?from=2026-01-01&to=2026-12-31"), Need.SignedIn, HttpStatusCode.OK, true),
        new("POST /api/meetings/{id:guid}/minutes-files", Post, async c => ((await c.MeetingRequestAsync(Context.MeetingStage.Held, (id, _) => $"/api/meetings/{id}/minutes-files")).Item1,
            Context.PngUpload()), Need.ActOnTarget, HttpStatusCode.Created, true, Permission.AssignTasks),
        new("GET /api/meetings/{id:guid}/minutes-files/{fileId:guid}", Get, async c => (await c.FreshMinutesUrlAsync(), null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("POST /api/meetings/", Post, _ => Task.FromResult<(string, HttpContent?)>(("/api/meetings", JsonContent.Create(new
        {
            organisationCode = Target, forum = "standingMembers", startsAt = "2026-07-01T08:00:00",
        }))), Need.AssignForTarget, HttpStatusCode.Created, true),
        new("GET /api/meetings/{id:guid}", Get, c => c.MeetingRequestAsync(Context.MeetingStage.Scheduled, (id, _) => $"/api/meetings/{id}"), Need.SeeTarget, HttpStatusCode.OK, true),
        new("PUT /api/meetings/{id:guid}", Put, c => c.MeetingRequestAsync(Context.MeetingStage.Scheduled, (id, _) => $"/api/meetings/{id}",
            v => new { forum = "standingMembers", startsAt = "2026-06-03T08:00:00", place = "Hội trường", version = v }), Need.ActOnTarget, HttpStatusCode.OK, true, Permission.AssignTasks),
        new("POST /api/meetings/{id:guid}/agenda", Post, c => c.MeetingRequestAsync(Context.MeetingStage.Scheduled, (id, _) => $"/api/meetings/{id}/agenda",
            v => new { title = "Nội dung thêm", version = v }), Need.ActOnTarget, HttpStatusCode.OK, true, Permission.AssignTasks),
        new("PUT /api/meetings/{id:guid}/attendance", Put, c => c.MeetingRequestAsync(Context.MeetingStage.Scheduled, (id, _) => $"/api/meetings/{id}/attendance",
            v => new { attendance = Array.Empty<object>(), held = false, version = v }), Need.ActOnTarget, HttpStatusCode.OK, true, Permission.AssignTasks),
        new("POST /api/meetings/{id:guid}/conclusions", Post, c => c.MeetingRequestAsync(Context.MeetingStage.Held, (id, _) => $"/api/meetings/{id}/conclusions",
            v => new { text = "Thống nhất thông qua", version = v }), Need.ActOnTarget, HttpStatusCode.Created, true, Permission.AssignTasks),
        new("POST /api/meetings/{id:guid}/conclusions/{pointId:guid}/tasks", Post, c => c.MeetingRequestAsync(Context.MeetingStage.WithConclusion,
            (id, point) => $"/api/meetings/{id}/conclusions/{point}/tasks", _ => new { }), Need.ActOnTarget, HttpStatusCode.Created, true, Permission.AssignTasks),
        new("POST /api/meetings/{id:guid}/issue-notice", Post, c => c.MeetingRequestAsync(Context.MeetingStage.WithConclusion, (id, _) => $"/api/meetings/{id}/issue-notice",
            v => new { version = v }), Need.ActOnTarget, HttpStatusCode.OK, true, Permission.AssignTasks),
        new("GET /api/meetings/{id:guid}/invitation.docx", Get, c => c.MeetingRequestAsync(Context.MeetingStage.Scheduled, (id, _) => $"/api/meetings/{id}/invitation.docx"), Need.SeeTarget, HttpStatusCode.OK, true),
        new("GET /api/meetings/{id:guid}/notice.docx", Get, c => c.MeetingRequestAsync(Context.MeetingStage.WithConclusion, (id, _) => $"/api/meetings/{id}/notice.docx"), Need.SeeTarget, HttpStatusCode.OK, true),
        new("PAGE /Delegations/Index", Get, Url("/Delegations?year=2026"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Delegations/Edit", Get, Url("/Delegations/Edit"), Need.ManageAny, HttpStatusCode.OK, false),
        new("PAGE /Delegations/Details", Get, c => c.DelegationRequestAsync(Context.DelegationStage.WithConclusion, (id, _, _) => $"/Delegations/Details/{id}"), Need.SeeTarget, HttpStatusCode.OK, false),
        new("PAGE /Delegations/Details", Post, async c =>
        {
            var (url, _) = await c.DelegationRequestAsync(Context.DelegationStage.Draft, (id, _, _) => $"/Delegations/Details/{id}?handler=Establish");
            return (url, c.Form(new()));
        }, Need.ActOnTarget, HttpStatusCode.Redirect, false, Permission.AssignTasks),
        new("PAGE /Meetings/Index", Get, Url("/Meetings?m=2026-06"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Meetings/FollowUp", Get, Url("/Meetings/FollowUp?from=2026-01-01&to=2026-12-31"), Need.SignedIn, HttpStatusCode.OK, false),
        new("PAGE /Meetings/Edit", Get, Url("/Meetings/Edit"), Need.ManageAny, HttpStatusCode.OK, false),
        new("PAGE /Meetings/Details", Get, c => c.MeetingRequestAsync(Context.MeetingStage.WithConclusion, (id, _) => $"/Meetings/Details/{id}"), Need.SeeTarget, HttpStatusCode.OK, false),
        new("PAGE /Meetings/Details", Post, async c =>
        {
            var (url, _) = await c.MeetingRequestAsync(Context.MeetingStage.Scheduled, (id, _) => $"/Meetings/Details/{id}?handler=Agenda");
            return (url, c.Form(new() { ["Title"] = "Nội dung từ trang" }));
        }, Need.ActOnTarget, HttpStatusCode.Redirect, false, Permission.AssignTasks),
        new("GET /api/organisations/{id:guid}", Get, async c => ($"/api/organisations/{await c.IdAsync(Target)}", null), Need.SeeTarget, HttpStatusCode.OK, true),
        new("POST /api/organisations/", Post, async c => ("/api/organisations", JsonContent.Create(new
        {
            code = "N-" + Guid.NewGuid().ToString("N")[..10], name = "Chi bộ mới", kind = "partyCell", level = "commune", parentId = await c.IdAsync(Target), validFrom = "2025-07-01",
        })), Need.ManageTarget, HttpStatusCode.Created, true),
        new("PUT /api/organisations/{id:guid}", Put, async c => ($"/api/organisations/{await c.FreshUnitAsync()}", JsonContent.Create(new
        {
            code = "U-" + Guid.NewGuid().ToString("N")[..10], name = "Chi bộ đổi tên", kind = "partyCell", level = "commune", validFrom = "2025-07-01",
        })), Need.ManageTarget, HttpStatusCode.OK, true),
        new("POST /api/organisations/{id:guid}/move", Post, async c => ($"/api/organisations/{await c.FreshUnitAsync()}/move", JsonContent.Create(new { parentId = await c.IdAsync(Target) })), Need.ManageTarget, HttpStatusCode.OK, true),
        new("POST /api/organisations/{id:guid}/dissolve", Post, async c => ($"/api/organisations/{await c.FreshUnitAsync()}/dissolve", JsonContent.Create(new { on = "2026-01-01", reason = "Giải thể" })), Need.ManageTarget, HttpStatusCode.OK, true),
        new("POST /api/organisations/{id:guid}/merge", Post, async c => ($"/api/organisations/{await c.FreshUnitAsync()}/merge", JsonContent.Create(new { intoId = await c.IdAsync(Target), on = "2026-01-01", reason = "Sáp nhập" })), Need.ManageTarget, HttpStatusCode.OK, true),
    ];

    private static HttpStatusCode Expected(Case c, ScopeRole? role, Position position)
    {
        if (role is null) // anonymous
            return c.Need == Need.Anonymous ? c.Success : c.Api ? HttpStatusCode.Unauthorized : HttpStatusCode.Redirect;
        var r = role.Value;
        return c.Need switch
        {
            Need.Anonymous or Need.SignedIn => c.Success,
            Need.SeeTarget => position == Position.Sibling ? HttpStatusCode.NotFound : c.Success,
            Need.ManageTarget => position == Position.Sibling ? HttpStatusCode.NotFound
                : r.Allows(Permission.ManageOrganisations) ? c.Success : HttpStatusCode.Forbidden,
            Need.ManageAny => r.Allows(Permission.ManageOrganisations) ? c.Success : HttpStatusCode.Forbidden,
            Need.ManageUsers => r.Allows(Permission.ManageUsers) ? c.Success : HttpStatusCode.Forbidden,
            Need.ReadAudit => r is ScopeRole.Admin or ScopeRole.Inspector ? c.Success : HttpStatusCode.Forbidden,
            // Registering is refused outright to roles that may not register; for a sibling the issuer is "not found
            // in your scope", a form error that names nothing the caller cannot see.
            Need.RegisterForTarget => !r.Allows(Permission.RegisterDocuments) ? HttpStatusCode.Forbidden
                : position == Position.Sibling ? HttpStatusCode.BadRequest : c.Success,
            Need.ActOnTarget => position == Position.Sibling ? HttpStatusCode.NotFound
                : r.Allows(c.Permission!.Value) ? c.Success : HttpStatusCode.Forbidden,
            // As for registering: refused to roles that may not assign; for a sibling the assigning unit is "not found in your scope".
            Need.AssignForTarget => !r.Allows(Permission.AssignTasks) ? HttpStatusCode.Forbidden
                : position == Position.Sibling ? HttpStatusCode.BadRequest : c.Success,
            _ => throw new InvalidOperationException(),
        };
    }

    [Fact]
    public void EveryEndpoint_HasARule()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var keys = new HashSet<string>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints))
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
                keys.Add("PAGE " + page.ViewEnginePath);
            else if (endpoint is RouteEndpoint route)
            {
                var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
                foreach (var m in methods) keys.Add($"{m} /{route.RoutePattern.RawText?.TrimStart('/')}");
            }
        }
        var covered = Cases().Select(c => c.Endpoint).ToHashSet();
        var missing = keys.Where(k => !covered.Contains(k)).Order().ToList();
        Assert.True(missing.Count == 0, "Endpoints without an authorisation rule: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task EveryCase_AnswersWhatTheRulesSay()
    {
        var context = new Context(app);
        var roles = Enum.GetValues<ScopeRole>();
        var callers = new List<(ScopeRole? Role, Position Position, HttpClient Pages, HttpClient Api)>();
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        callers.Add((null, Position.Inside, anonymous, app.CreateClient(new() { AllowAutoRedirect = false })));
        foreach (var role in roles)
            foreach (var position in Enum.GetValues<Position>())
            {
                var unit = position switch { Position.Inside => Ward, Position.Sibling => Sibling, _ => Above };
                var user = await app.CreateUserAsync(role, unit);
                var api = app.CreateClient(new() { AllowAutoRedirect = false });
                api.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(user));
                callers.Add((role, position, await app.SignedInClientAsync(user), api));
            }

        var failures = new List<string>();
        var checkedCases = 0;
        foreach (var c in Cases())
            foreach (var (role, position, pages, api) in callers)
            {
                var client = c.Api ? api : pages;
                // Forms need the caller's antiforgery token; any page's token is valid for every form of that user.
                var home = await pages.GetAsync(role is null ? "/Account/SignIn" : "/");
                context.AntiforgeryToken = ResoluteFactory.AntiforgeryToken(await home.Content.ReadAsStringAsync());
                var (url, body) = await c.Build(context);
                var response = await client.SendAsync(new HttpRequestMessage(c.Method, url) { Content = body });
                var expected = Expected(c, role, position);
                checkedCases++;
                if (response.StatusCode != expected)
                    failures.Add($"{c.Method} {url} as {role?.ToString() ?? "anonymous"} ({position}): {(int)response.StatusCode}, expected {(int)expected}");
            }
        output.WriteLine($"authorisation matrix: {checkedCases} cases over {Cases().Count} requests and {callers.Count} callers");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// The temporary grant of a delegation's member (RULES.md §12): a caller whose roles lie in a sibling ward, named a
    /// member of a delegation visiting a unit under the target, reads that unit's task while the delegation is established
    /// and within its period — never acts on it — and reads nothing there before it is established or after it ends.
    /// </summary>
    [Fact]
    public async Task TemporaryGrant_ReadsTheVisitedUnitDuringTheDelegationOnly()
    {
        var c = new Context(app);
        var (id, _, _) = await c.FreshDelegationAsync(Context.DelegationStage.Draft);
        var delegation = Guid.Parse(id);
        var (head, visited) = await app.WithDbAsync(async (db, _) =>
        {
            var d = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(
                    Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(
                        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Delegations), x => x.Members), x => x.Visits),
                x => x.Id == delegation);
            return (d.Members[0].PersonId, d.Visits[0].UnitId);
        });
        var member = await app.ApiClientAsync(ScopeRole.Reporter, Sibling, head);
        var office = await app.ApiClientAsync(ScopeRole.Office, Ward);

        // A task of the visited unit, given before the delegation is set up.
        var target = await app.UnitIdAsync(Target);
        var taskId = await app.WithDbAsync(async (db, _) =>
        {
            var a = Resolute.Domain.Assignments.Assignment.Imported(target, visited, null, "Nhiệm vụ của đơn vị được giám sát", null, "Ma trận",
                DateTime.UtcNow, db.Today.AddDays(40), null, 10);
            db.Assignments.Add(a);
            await db.SaveChangesAsync();
            return a.Id.ToString();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/assignments/{taskId}")).StatusCode);

        var version = await app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Delegations),
                x => x.Id == delegation), x => x.Version)));
        var established = await office.PostAsJsonAsync($"/api/delegations/{id}/establish", new { version });
        Assert.Equal(HttpStatusCode.OK, established.StatusCode);
        var during = await member.GetAsync($"/api/assignments/{taskId}");
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        var list = System.Text.Json.JsonDocument.Parse(await member.GetStringAsync($"/api/assignments?org={visited}&subtree=true")).RootElement;
        Assert.Contains(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == taskId);
        var read = System.Text.Json.JsonDocument.Parse(await during.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync($"/api/assignments/{taskId}", new { title = "Sửa", version = read.GetProperty("version").GetInt32() })).StatusCode);
        Assert.True(await app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.AuditEntries, a => a.Action == "read-under-delegation" && a.After!.Contains(id) && a.After.Contains(taskId!))));

        // The period ends: nothing is read there any more.
        var d = System.Text.Json.JsonDocument.Parse(await office.GetStringAsync($"/api/delegations/{id}")).RootElement;
        var today = DateOnly.Parse(d.GetProperty("startsOn").GetString()!).AddDays(1);
        var ended = await office.PutAsJsonAsync($"/api/delegations/{id}", new
        {
            kind = "supervision",
            title = d.GetProperty("title").GetString(),
            startsOn = d.GetProperty("startsOn").GetString(),
            endsOn = today.AddDays(-1).ToString("yyyy-MM-dd"),
            version = d.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/assignments/{taskId}")).StatusCode);
    }

    [Fact]
    public async Task List_ShowsTheTargetOnlyToThoseWhoseScopeHoldsIt()
    {
        var target = await app.UnitIdAsync(Target);
        foreach (var (unit, visible) in new[] { (Ward, true), (Above, true), (Sibling, false) })
        {
            var client = await app.ApiClientAsync(ScopeRole.Reporter, unit);
            var json = await client.GetStringAsync("/api/organisations");
            Assert.Equal(visible, json.Contains(target.ToString()));
        }
    }
}
