using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Reviews;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure.Docx;

namespace Resolute.Web.Features.Reviews;

public static class ReviewsApi
{
    public sealed record CampaignBody : CampaignInput
    {
        /// <summary>Send the outline to the recipients at once (otherwise the campaign is a draft).</summary>
        public bool Send { get; init; }
    }

    public sealed record ReportBody(List<ItemInput>? Items, List<FigureInput>? Figures, bool Submit, int? Version);
    public sealed record DecisionBody(bool Accept, string? Comment, int? Version);

    public sealed record Summary(Guid Id, string Title, string Kind, Guid OwnerId, string OwnerName, Guid? SubjectDocumentId, string? SubjectSymbol,
        DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly Deadline, string State, Guid? ParentId, int Units, Dictionary<string, int> UnitStatuses);

    public sealed record SourceDto(Guid ItemId, Guid UnitId, string UnitName, string Text);
    public sealed record ItemDto(Guid Id, int Number, string Text, IReadOnlyList<SourceDto> Sources);
    public sealed record SectionDto(string Key, string Title, IReadOnlyList<ItemDto> Items);
    public sealed record CellDto(decimal? Value, string? Link, bool Overridden, string? Reason, decimal? Original);
    public sealed record FigureDto(string Key, string Name, string? Unit, bool Computed, IReadOnlyList<CellDto> Cells);
    public sealed record FiguresDto(IReadOnlyList<string> Columns, IReadOnlyList<FigureDto> Rows, IReadOnlyList<FigureDto> Indicators,
        IReadOnlyList<ReviewFigures.Count> DocumentsByType);
    public sealed record UnitItemDto(Guid Id, string SectionKey, int Number, string Text);
    public sealed record UnitFigureDto(string Key, decimal? Value, string? Note);
    public sealed record UnitDto(Guid ReportId, Guid UnitId, string UnitName, string Status, string StatusName, bool SubmittedLate, DateOnly? SubmittedOn,
        string? ReturnComment, Guid? AssignmentId, int Version, IReadOnlyList<UnitItemDto> Items, IReadOnlyList<UnitFigureDto> Figures);
    public sealed record Detail(Guid Id, string Title, string Kind, Guid OwnerId, string OwnerName, Guid? SubjectDocumentId, string? SubjectSymbol,
        string? SubjectNote, DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly Deadline, string State, Guid? ParentId, Guid? ReportDocumentId,
        string? ReportSymbol, int Version, IReadOnlyList<SectionDto> Sections, FiguresDto Figures, IReadOnlyList<UnitDto> Units);

    public static void MapReviewsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reviews").WithTags("Reviews");
        g.MapGet("", List).WithSummary("Review campaigns (sơ kết, tổng kết) the caller may see: the reviewing unit's and those sent to the caller's units; filter by org (reviewing unit) and subject.");
        g.MapGet("/{id:guid}", Get).WithSummary("One campaign: sections with the consolidated items and the unit items each came from, figures per unit and in total, unit statuses.");
        g.MapGet("/{id:guid}/report.docx", Docx).WithSummary("The consolidated report in the official Party format (.docx).");
        g.MapGet("/{id:guid}/annex.xlsx", Annex).WithSummary("The figures per unit as an Excel annex.");
        g.MapGet("/{id:guid}/report.pdf", Pdf).WithSummary("The consolidated report as PDF, through LibreOffice where it is installed (501 otherwise).");
        g.MapPost("", Create).WithSummary("Opens a campaign: subject, period, deadline, outline (standard sections, extra sections, reported figures, or a template) and recipients; send=true sends it at once.");
        g.MapPut("/reports/{reportId:guid}", SaveReport).WithSummary("A unit saves its report (items per section, figures) as a draft, or submits it (submit=true). Send the version read.");
        g.MapPost("/reports/{reportId:guid}/decision", Decide).WithSummary("The reviewing unit accepts a submitted report or returns it with a comment.");
    }

    private static async Task<Ok<List<Summary>>> List(ResoluteDbContext db, Guid? org, Guid? subject, CancellationToken ct)
    {
        var q = db.ReviewCampaigns.AsNoTracking().Include(c => c.Reports).AsQueryable();
        if (org is { } o) q = q.Where(c => c.OwnerId == o);
        if (subject is { } s) q = q.Where(c => c.SubjectDocumentId == s);
        var list = await q.OrderByDescending(c => c.Deadline).Take(500).ToListAsync(ct);
        return TypedResults.Ok(await SummariesAsync(db, list, ct));
    }

    public static async Task<List<Summary>> SummariesAsync(ResoluteDbContext db, List<ReviewCampaign> list, CancellationToken ct)
    {
        var today = db.Today;
        var owners = list.Select(c => c.OwnerId).Distinct().ToArray();
        var names = await db.Organisations.IgnoreQueryFilters().Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var subjects = list.Where(c => c.SubjectDocumentId != null).Select(c => c.SubjectDocumentId!.Value).Distinct().ToArray();
        var symbols = await db.Documents.Where(d => subjects.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Symbol, ct);
        return list.Select(c => new Summary(c.Id, c.Title, c.Kind == ReviewKind.Final ? "final" : "preliminary", c.OwnerId, names[c.OwnerId],
            c.SubjectDocumentId, c.SubjectDocumentId is { } sd ? symbols.GetValueOrDefault(sd) : null, c.PeriodFrom, c.PeriodTo, c.Deadline,
            c.State.ToString().ToLowerInvariant(), c.ParentId, c.Reports.Count,
            ReviewReport.Tally(c, today).ToDictionary(x => x.Key.ApiName(), x => x.Value))).ToList();
    }

    public static Detail ToDto(ReviewReport.View v)
    {
        var c = v.Campaign;
        static CellDto Cell(ReviewFigures.Cell x) => new(x.Value, x.Link, x.Overridden, x.Reason, x.Original);
        static FigureDto Row(ReviewFigures.Row r) => new(r.Key, r.Name, r.Unit, r.Computed, r.Cells.Select(Cell).ToList());
        return new Detail(c.Id, c.Title, c.Kind == ReviewKind.Final ? "final" : "preliminary", c.OwnerId, v.Owner.ShortName, c.SubjectDocumentId,
            v.SubjectSymbol, c.SubjectNote, c.PeriodFrom, c.PeriodTo, c.Deadline, c.State.ToString().ToLowerInvariant(), c.ParentId, c.ReportDocumentId,
            v.ReportSymbol, c.Version,
            c.Outline.Sections.Select(s => new SectionDto(s.Key, s.Title, v.ItemsOf(s.Key).Select(i => new ItemDto(i.Id, i.Order, i.Text,
                i.SourceItemIds.Where(v.Sources.ContainsKey).Select(id => v.Sources[id]).Select(x => new SourceDto(x.ItemId, x.UnitId, x.UnitName, x.Text)).ToList())).ToList())).ToList(),
            new FiguresDto(v.Figures.Columns.Select(x => x.Name).ToList(), v.Figures.Rows.Select(Row).ToList(), v.Figures.Indicators.Select(Row).ToList(), v.Figures.DocumentsByType),
            v.Units.Select(u => new UnitDto(u.ReportId, u.UnitId, u.Name, u.Status.ApiName(), u.Status.VietnameseName(), u.SubmittedLate, u.SubmittedOn,
                u.Report.ReturnComment, u.Report.AssignmentId, u.Report.Version,
                u.Report.Items.OrderBy(i => c.Outline.Sections.ToList().FindIndex(s => s.Key == i.SectionKey)).ThenBy(i => i.Order)
                    .Select(i => new UnitItemDto(i.Id, i.SectionKey, i.Order, i.Text)).ToList(),
                u.Report.Figures.Select(f => new UnitFigureDto(f.Key, f.Value, f.Note)).ToList())).ToList());
    }

    private static async Task<Ok<Detail>> Get(Guid id, ResoluteDbContext db, HttpResponse response, CancellationToken ct)
    {
        var v = await ReviewReport.LoadAsync(db, id, ct);
        response.Headers.ETag = $"\"{v.Campaign.Version}\"";
        return TypedResults.Ok(ToDto(v));
    }


    public static string FileStem(ReviewReport.View v) => $"bao-cao-{(v.KindName == "Tổng kết" ? "tong-ket" : "so-ket")}-{v.Campaign.PeriodTo:yyyy}";

    private static async Task<FileContentHttpResult> Docx(Guid id, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var v = await ReviewReport.LoadAsync(db, id, ct);
        return TypedResults.File(await ReviewReport.ToDocxAsync(db, v, PageMargins.From(config), ct),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileStem(v) + ".docx");
    }

    private static async Task<FileContentHttpResult> Annex(Guid id, ResoluteDbContext db, CancellationToken ct)
    {
        var v = await ReviewReport.LoadAsync(db, id, ct);
        return TypedResults.File(ReviewReport.ToXlsx(v), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileStem(v) + "-phu-luc.xlsx");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(Guid id, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var v = await ReviewReport.LoadAsync(db, id, ct);
        var pdf = await Resolute.Web.Infrastructure.Docx.LibreOffice.ToPdfAsync(await ReviewReport.ToDocxAsync(db, v, PageMargins.From(config), ct), ct);
        if (pdf is null)
            return TypedResults.Problem("Máy chủ chưa cài LibreOffice nên chưa chuyển được sang PDF; hãy tải bản .docx.", statusCode: StatusCodes.Status501NotImplemented,
                title: "Chưa chuyển được sang PDF");
        return TypedResults.File(pdf, "application/pdf", FileStem(v) + ".pdf");
    }

    private static async Task<Created<Detail>> Create(CampaignBody body, ResoluteDbContext db, CancellationToken ct)
    {
        var c = await new SaveCampaign(null, null, body, body.Send).HandleAsync(db, ct);
        return TypedResults.Created($"/api/reviews/{c.Id}", ToDto(await ReviewReport.LoadAsync(db, c.Id, ct)));
    }

    private static async Task<Ok<UnitDto>> SaveReport(Guid reportId, ReportBody body, ResoluteDbContext db, IConfiguration config, CancellationToken ct)
    {
        var r = await new SaveUnitReport(reportId, body.Version, body.Items ?? [], body.Figures ?? [], body.Submit, RequireVersion: true).HandleAsync(db, config, ct);
        return TypedResults.Ok(await UnitAsync(db, r, ct));
    }

    private static async Task<Ok<UnitDto>> Decide(Guid reportId, DecisionBody body, ResoluteDbContext db, CancellationToken ct)
    {
        var r = await new DecideUnitReport(reportId, body.Accept, body.Comment, body.Version, RequireVersion: true).HandleAsync(db, ct);
        return TypedResults.Ok(await UnitAsync(db, r, ct));
    }

    private static async Task<UnitDto> UnitAsync(ResoluteDbContext db, UnitReport r, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var v = await ReviewReport.LoadAsync(db, r.CampaignId, ct);
        return ToDto(v).Units.First(u => u.ReportId == r.Id);
    }
}
