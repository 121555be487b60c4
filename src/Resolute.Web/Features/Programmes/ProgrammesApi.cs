using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure.Docx;

namespace Resolute.Web.Features.Programmes;

public static class ProgrammesApi
{
    public sealed record ProgrammeBody : ProgrammeFields
    {
        public int? Version { get; init; }
    }

    public sealed record ItemBody : ItemFields
    {
        public int? Version { get; init; }
        /// <summary>For an item added after approval: the leaders' decision and the reason.</summary>
        public string? Decision { get; init; }
        public string? Reason { get; init; }
    }

    public sealed record ApproveBody(int? Version, DateOnly? On);
    public sealed record StateBody(string? Change, int? Version, DateOnly? On, DateOnly? NewMonth, string? Reason, string? Decision);

    public sealed record Summary(Guid Id, string Title, Guid OrganisationId, string OrganisationName, ProgrammeForum Body, ProgrammeKind Kind, int FromYear,
        int ToYear, ProgrammeState State, DateOnly? ApprovedOn, Guid? DocumentId, int Items, int Version);
    public sealed record ItemDto(Guid Id, int Number, string Content, Guid? ContentTypeId, string? ContentType, Guid? SourceDocumentId, string? SourceSymbol,
        string? SourceNote, Guid? PreparingUnitId, string? PreparingUnit, IReadOnlyList<Guid> CoordinatorIds, IReadOnlyList<string> Coordinators,
        Guid? MemberInChargeId, string? MemberInCharge, ProgrammeForum? Forum, DateOnly? DueMonth, DateOnly? DueMonthInForce, bool ByQuarter,
        string Secrecy, ProgrammeItemState State, ProgrammeItemStatus Status, string StatusName, bool Added, DateOnly? SubmittedOn, string? Reason,
        string? Decision, Guid? AssignmentId);
    public sealed record GapDto(int Number, string Field, string Message);
    public sealed record ChangeDto(ProgrammeChangeKind Kind, Guid? ItemId, int Amendment, string? Decision, string? Reason, DateTime At, string? By,
        DateOnly? FromMonth, DateOnly? ToMonth, DateOnly? On);
    public sealed record Detail(Guid Id, string Title, string? Preamble, Guid OrganisationId, string OrganisationName, ProgrammeForum Body, ProgrammeKind Kind,
        int FromYear, int ToYear, ProgrammeState State, DateOnly? ApprovedOn, Guid? DocumentId, string? DocumentSymbol, int Amendment,
        Guid? SourceProgrammeId, int Version, IReadOnlyList<ItemDto> Items, IReadOnlyList<GapDto> Gaps, IReadOnlyList<ChangeDto> History);
    public sealed record CountsDto(int Due, int OnTime, int Late, int Postponed, int Withdrawn, int NotYetSubmitted);
    public sealed record TallyDto(string Name, CountsDto Counts);
    public sealed record ReportDto(Guid ProgrammeId, DateOnly From, DateOnly To, CountsDto Total, IReadOnlyList<TallyDto> ByPreparingUnit,
        IReadOnlyList<TallyDto> ByMemberInCharge, IReadOnlyList<ItemDto> Items);

    public static void MapProgrammesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/work-programmes").WithTags("Work programmes");
        g.MapGet("", List).WithSummary("Work programmes the caller may see (the committee's subtree, or the items its units prepare); filter by org (the committee), year and kind (fullTerm|annual).");
        g.MapGet("/adoption", Adoption).WithSummary("Which Party committees directly below org adopted an annual programme for the year, and when (the adoption table).");
        g.MapPost("", Create).WithSummary("Drafts a programme of a committee's body (executiveCommittee|standingCommittee|standingMembers); an annual one may start from a full-term one (sourceProgrammeId).");
        g.MapGet("/{id:guid}", Get).WithSummary("One programme: its items with their state and status, what is still missing before approval, and its history. ETag carries the version.");
        g.MapPut("/{id:guid}", Update).WithSummary("Changes a draft's heading. Send the version read: a stale one is a 409.");
        g.MapPost("/{id:guid}/items", AddItem).WithSummary("Adds an item. After approval it takes the leaders' decision (decision, reason), is marked as added and becomes a task at once.");
        g.MapPut("/{id:guid}/items/{itemId:guid}", UpdateItem).WithSummary("Changes an item of a draft programme.");
        g.MapDelete("/{id:guid}/items/{itemId:guid}", RemoveItem).WithSummary("Takes an item out of a draft programme; the others are renumbered.");
        g.MapPost("/{id:guid}/approve", Approve).WithSummary("The leaders approve: the programme is registered as its CTr document and each item becomes a task of its preparing unit.");
        g.MapPost("/{id:guid}/items/{itemId:guid}/state", ChangeState).WithSummary("change=submitted (on), postponed (newMonth, reason, decision) or withdrawn (reason, decision). The item's task follows.");
        g.MapGet("/{id:guid}/report", Report).WithSummary("How the programme is going over the months from..to: items due (by original month) submitted on time, late, postponed, withdrawn, not yet submitted; by preparing unit and member in charge.");
        g.MapGet("/{id:guid}/report.docx", ReportDocx).WithSummary("The report above as a Party-format .docx.");
        g.MapGet("/{id:guid}/report.xlsx", ReportXlsx).WithSummary("The report's annex: every item due in the period and the tallies, as .xlsx.");
        g.MapGet("/items-template.xlsx", () => TypedResults.File(ProgrammeExcel.Template(), XlsxType, "mau-noi-dung-chuong-trinh.xlsx"))
            .WithSummary("The workbook to fill in a programme's items for import.");
        g.MapGet("/{id:guid}/items.xlsx", ExportItems).WithSummary("The programme's items as a workbook (the import's columns plus each item's state).");
        g.MapPost("/{id:guid}/items.xlsx", ImportItems).DisableAntiforgery()
            .WithSummary("Adds the rows of a workbook (multipart field \"file\") to a draft programme: all rows or none; a 400 lists the errors by row and cell.");
        g.MapGet("/{id:guid}/programme.docx", ProgrammeDocx).WithSummary("The programme in the Party format: header, CTr number, title, preamble and the table of items.");
    }

    private static async Task<Ok<List<Summary>>> List(ResoluteDbContext db, Guid? org, int? year, string? kind, CancellationToken ct)
    {
        ProgrammeKind? parsed = null;
        if (kind is not null)
            parsed = Enum.TryParse<ProgrammeKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _) ? k : throw new Domain.Common.DomainException("kind", "Loại chương trình phải là fullTerm (toàn khóa) hoặc annual (hằng năm).", "kind");
        return TypedResults.Ok(await ProgrammeQueries.ListAsync(db, org, year, parsed, ct));
    }

    private static async Task<Ok<List<ProgrammeQueries.AdoptionRow>>> Adoption(ResoluteDbContext db, Guid org, int year, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == org, ct)) throw new Infrastructure.NotFoundException("Không tìm thấy đơn vị, hoặc bạn không có quyền xem.");
        return TypedResults.Ok(await ProgrammeQueries.AdoptionAsync(db, org, year, ct));
    }

    public static ItemDto ToDto(ProgrammeView.Row r) => new(r.Item.Id, r.Item.Number, r.Content, r.Item.ContentTypeId, r.TypeName, r.Item.SourceDocumentId,
        r.SourceSymbol, r.Item.SourceNote, r.Item.PreparingUnitId, r.PreparingUnit, r.Item.CoordinatorIds, r.Coordinators, r.Item.MemberInChargeId, r.Member,
        r.Item.Forum, r.Item.DueMonth, r.Item.DueMonthInForce, r.Item.ByQuarter, r.Item.Secrecy.ToString().ToLowerInvariant(), r.Item.State, r.Status,
        r.Status.VietnameseName(), r.Item.Added, r.Item.SubmittedOn, r.Item.StateReason, r.Item.StateDecision, r.Item.AssignmentId);

    public static Detail ToDto(ProgrammeView v)
    {
        var p = v.Programme;
        return new Detail(p.Id, p.Title, p.Preamble, p.OrganisationId, v.Committee.ShortName, p.Body, p.Kind, p.FromYear, p.ToYear, p.State, p.ApprovedOn,
            p.DocumentId, v.DocumentSymbol, p.Amendment, p.SourceProgrammeId, p.Version, v.Items.Select(ToDto).ToList(),
            v.Gaps.Select(g => new GapDto(g.Number, g.Field, g.Message)).ToList(),
            p.Changes.OrderBy(c => c.At).Select(c => new ChangeDto(c.Kind, c.ItemId, c.Amendment, c.Decision, c.Reason, c.At, c.By, c.FromMonth, c.ToMonth, c.On)).ToList());
    }

    private static async Task<Ok<Detail>> Get(Guid id, ResoluteDbContext db, HttpResponse response, CancellationToken ct)
    {
        var v = await ProgrammeView.LoadAsync(db, id, ct);
        response.Headers.ETag = $"\"{v.Programme.Version}\"";
        return TypedResults.Ok(ToDto(v));
    }

    private static async Task<Created<Detail>> Create(ProgrammeBody body, ResoluteDbContext db, CancellationToken ct)
    {
        var p = await new SaveProgramme(null, null, body).HandleAsync(db, ct);
        return TypedResults.Created($"/api/work-programmes/{p.Id}", ToDto(await ProgrammeView.LoadAsync(db, p.Id, ct)));
    }

    private static async Task<Ok<Detail>> Update(Guid id, ProgrammeBody body, ResoluteDbContext db, CancellationToken ct)
    {
        await new SaveProgramme(id, body.Version, body, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(ToDto(await ProgrammeView.LoadAsync(db, id, ct)));
    }

    private static async Task<Created<ItemDto>> AddItem(Guid id, ItemBody body, ResoluteDbContext db, CancellationToken ct)
    {
        var item = await new SaveProgrammeItem(id, null, body.Version, body, body.Decision, body.Reason, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Created($"/api/work-programmes/{id}/items/{item.Id}", await ItemAsync(db, id, item.Id, ct));
    }

    private static async Task<Ok<ItemDto>> UpdateItem(Guid id, Guid itemId, ItemBody body, ResoluteDbContext db, CancellationToken ct)
    {
        await new SaveProgrammeItem(id, itemId, body.Version, body, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(await ItemAsync(db, id, itemId, ct));
    }

    private static async Task<NoContent> RemoveItem(Guid id, Guid itemId, int? version, ResoluteDbContext db, CancellationToken ct)
    {
        await new RemoveProgrammeItem(id, itemId, version, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Detail>> Approve(Guid id, ApproveBody body, ResoluteDbContext db, CancellationToken ct)
    {
        await new ApproveProgramme(id, body.Version, body.On, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(ToDto(await ProgrammeView.LoadAsync(db, id, ct)));
    }

    private static async Task<Ok<ItemDto>> ChangeState(Guid id, Guid itemId, StateBody body, ResoluteDbContext db, CancellationToken ct)
    {
        await new ChangeItemState(id, itemId, body.Version, body.Change, body.On, body.NewMonth, body.Reason, body.Decision, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(await ItemAsync(db, id, itemId, ct));
    }

    private static async Task<ItemDto> ItemAsync(ResoluteDbContext db, Guid id, Guid itemId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var v = await ProgrammeView.LoadAsync(db, id, ct);
        return ToDto(v.Items.First(r => r.Item.Id == itemId));
    }

    /// <summary>The period of a report: the months given, or the programme's whole time.</summary>
    public static async Task<(ProgrammeView View, ProgrammeDocuments.Report Report)> ReportAsync(ResoluteDbContext db, Guid id, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var v = await ProgrammeView.LoadAsync(db, id, ct);
        var r = ProgrammeDocuments.BuildReport(v, from ?? new DateOnly(v.Programme.FromYear, 1, 1), to ?? new DateOnly(v.Programme.ToYear, 12, 1));
        return (v, r);
    }

    private static CountsDto Dto(ProgrammeDocuments.Counts c) => new(c.Due, c.OnTime, c.Late, c.Postponed, c.Withdrawn, c.NotYetSubmitted);

    private static async Task<Ok<ReportDto>> Report(Guid id, DateOnly? from, DateOnly? to, ResoluteDbContext db, CancellationToken ct)
    {
        var (_, r) = await ReportAsync(db, id, from, to, ct);
        return TypedResults.Ok(new ReportDto(id, r.From, r.To, Dto(r.Total), r.ByUnit.Select(x => new TallyDto(x.Name, Dto(x.Counts))).ToList(),
            r.ByMember.Select(x => new TallyDto(x.Name, Dto(x.Counts))).ToList(), r.Items.Select(ToDto).ToList()));
    }


    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<FileContentHttpResult> ReportDocx(Guid id, DateOnly? from, DateOnly? to, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var (v, r) = await ReportAsync(db, id, from, to, ct);
        return TypedResults.File(ProgrammeDocuments.ReportToDocx(v, r, PageMargins.From(config)), DocxType, $"bao-cao-chuong-trinh-{r.From:yyyyMM}-{r.To:yyyyMM}.docx");
    }

    private static async Task<FileContentHttpResult> ReportXlsx(Guid id, DateOnly? from, DateOnly? to, ResoluteDbContext db, CancellationToken ct)
    {
        var (_, r) = await ReportAsync(db, id, from, to, ct);
        return TypedResults.File(ProgrammeDocuments.ReportToXlsx(r), XlsxType, $"phu-luc-chuong-trinh-{r.From:yyyyMM}-{r.To:yyyyMM}.xlsx");
    }

    public sealed record ImportResult(int Imported, IReadOnlyList<Infrastructure.ExcelRows.CellError> Errors);

    private static async Task<FileContentHttpResult> ExportItems(Guid id, ResoluteDbContext db, CancellationToken ct)
    {
        var v = await ProgrammeView.LoadAsync(db, id, ct);
        return TypedResults.File(await ProgrammeExcel.ExportAsync(db, v, ct), XlsxType, $"noi-dung-chuong-trinh-{v.Programme.FromYear}.xlsx");
    }

    private static async Task<Results<Ok<ImportResult>, BadRequest<ImportResult>>> ImportItems(Guid id, IFormFile? file, ResoluteDbContext db, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw new Domain.Common.DomainException("file", "Cần chọn tệp Excel (.xlsx).", "file");
        await using var stream = file.OpenReadStream();
        var outcome = await ProgrammeExcel.ImportAsync(db, id, stream, ct);
        var result = new ImportResult(outcome.Imported, outcome.Errors);
        return outcome.Errors.Count > 0 ? TypedResults.BadRequest(result) : TypedResults.Ok(result);
    }

    private static async Task<FileContentHttpResult> ProgrammeDocx(Guid id, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var v = await ProgrammeView.LoadAsync(db, id, ct);
        return TypedResults.File(ProgrammeDocuments.ToDocx(v, PageMargins.From(config)), DocxType, $"chuong-trinh-cong-tac-{v.Programme.FromYear}.docx");
    }
}
