using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Documents;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Documents;

public static class DocumentsApi
{
    public sealed record DocumentBody(
        [property: Required(ErrorMessage = "Số, ký hiệu không được để trống.")] string? Symbol,
        [property: Required(ErrorMessage = "Cần chọn loại văn bản.")] Guid? TypeId,
        Guid? IssuerId,
        string? IssuerCode,
        [property: Required(ErrorMessage = "Cần nhập ngày ban hành.")] DateOnly? IssuedOn,
        [property: StringLength(120, ErrorMessage = "Người ký không được dài quá {1} ký tự.")] string? Signer,
        [property: StringLength(Document.SummaryMaxLength, ErrorMessage = "Trích yếu không được dài quá {1} ký tự.")] string? Summary,
        Secrecy? Secrecy, Urgency? Urgency, string? FullText,
        [property: StringLength(200, ErrorMessage = "Nơi lưu giữ không được dài quá {1} ký tự.")] string? Holder,
        string[]? NeedToKnow);

    public sealed record RelationBody([property: Required(ErrorMessage = "Cần chọn văn bản cần liên kết.")] Guid? ToId,
        [property: Required(ErrorMessage = "Cần chọn loại liên kết.")] RelationKind? Kind);

    public sealed record TypeDto(Guid Id, DocumentSystem System, string Abbreviation, string Name, DateOnly ValidFrom, DateOnly? ValidTo);

    public sealed record RelationDto(Guid Id, RelationKind Kind, Guid DocumentId, string Symbol, DateOnly IssuedOn);

    public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, string Url);

    public sealed record DocumentDto(Guid Id, string Symbol, DocumentSystem System, Guid TypeId, string TypeName, Guid IssuerId, string IssuerName,
        DateOnly IssuedOn, string? Signer, string? Summary, Secrecy Secrecy, Urgency Urgency, DocumentStatus Status, string? FullText, string? Holder,
        List<RelationDto> Implements, List<RelationDto> ImplementedBy, List<AttachmentDto> Attachments);

    public sealed record ReferenceDto(string Raw, int Start, int Length, string System, string? Type, string? Abbr, string Number,
        string Symbol, string Issuer, int? Year, string? Date, Guid? DocumentId);

    /// <summary>About a hundred pages: more than any one passage an office pastes, little enough to answer at once.</summary>
    public const int ExtractMaxChars = 200_000;

    public static void MapDocumentsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/documents").WithTags("Documents");
        g.MapGet("", List).WithSummary("The register, searched without diacritics (exact-diacritic matches first), filtered by system, type, issuer, issuer's subtree, status and period, sorted by relevance or vi-VN order, paged.");
        g.MapGet("/{id:guid}", Get);
        g.MapPost("", Create);
        g.MapPost("/{id:guid}/relations", Link);
        // Bearer clients send no antiforgery token; cookie sessions are SameSite=Lax, so a cross-site form cannot post here.
        g.MapPost("/{id:guid}/attachments", Upload).DisableAntiforgery().WithSummary("Attaches a file (multipart field \"file\"): PDF, DOCX, XLSX, PNG or JPEG, by content.");
        g.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download);
        g.MapGet("/{id:guid}/lineage", GetLineage).WithSummary("Documents issued to carry this one out, level by level, with counts by type, issuer level and year.");
        api.MapGet("/document-types", Types).WithTags("Documents");
        api.MapPost("/references/extract", Extract).WithTags("Documents")
            .WithSummary("Finds document numbers and symbols in plain text (the request body), in order, with offsets and dates.")
            .Accepts<string>("text/plain");
    }

    private static async Task<Results<Ok<DocumentQueries.Result>, ValidationProblem>> List(ResoluteDbContext db, string? q, string? system, Guid? type,
        Guid? issuer, DateOnly? from, DateOnly? to, int? page, int? pageSize, Guid? subtree, string? status, string? sort, CancellationToken ct)
    {
        // Enum values are accepted in any case ("inForce", "InForce"), as the JSON answers spell them in camelCase.
        var errors = new Dictionary<string, string[]>();
        T? Parse<T>(string? value, string name, string message) where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) return parsed;
            errors[name] = [message];
            return null;
        }
        var sys = Parse<DocumentSystem>(system, "system", "Hệ thống văn bản phải là party hoặc state.");
        var st = Parse<DocumentStatus>(status, "status", "Tình trạng phải là inForce, replaced hoặc expired.");
        var so = Parse<DocumentQueries.SortOrder>(sort, "sort", "Cách sắp xếp phải là relevance hoặc alphabetical.");
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Dữ liệu không hợp lệ.");
        return TypedResults.Ok(await DocumentQueries.SearchAsync(db, new(q, sys, type, issuer, from, to, page ?? 1, pageSize ?? 25, subtree, st,
            so ?? DocumentQueries.SortOrder.Relevance), ct));
    }

    public static async Task<DocumentDto?> LoadAsync(ResoluteDbContext db, Guid id, CancellationToken ct)
    {
        var d = await db.Documents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        var type = await db.DocumentTypes.AsNoTracking().FirstAsync(t => t.Id == d.TypeId, ct);
        var issuer = await db.Organisations.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == d.IssuerId, ct);
        // Relations only to documents the caller may see (the join passes through the documents filter).
        var up = await (from r in db.DocumentRelations.AsNoTracking()
                        join other in db.Documents on r.ToId equals other.Id
                        where r.FromId == id
                        select new RelationDto(r.Id, r.Kind, other.Id, other.Symbol, other.IssuedOn)).ToListAsync(ct);
        var down = await (from r in db.DocumentRelations.AsNoTracking()
                          join other in db.Documents on r.FromId equals other.Id
                          where r.ToId == id
                          orderby other.IssuedOn
                          select new RelationDto(r.Id, r.Kind, other.Id, other.Symbol, other.IssuedOn)).ToListAsync(ct);
        var files = await db.StoredFiles.AsNoTracking().Where(a => a.DocumentId == id).OrderBy(a => a.CreatedAt)
            .Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, $"/api/documents/{id}/attachments/{a.Id}")).ToListAsync(ct);
        return new DocumentDto(d.Id, d.Symbol, d.System, d.TypeId, type.Name, d.IssuerId, issuer.ShortName, d.IssuedOn, d.Signer, d.Summary,
            d.Secrecy, d.Urgency, d.Status, d.FullText, d.Holder, up, down, files);
    }

    private static async Task<Results<Ok<DocumentDto>, NotFound>> Get(Guid id, ResoluteDbContext db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Created<DocumentDto>> Create(DocumentBody body, ResoluteDbContext db, UserManager<User> users, CancellationToken ct)
    {
        var doc = await new RegisterDocument(body.Symbol!, body.TypeId!.Value, body.IssuerId, body.IssuerCode, body.IssuedOn!.Value, body.Signer,
            body.Summary, body.Secrecy ?? Secrecy.None, body.Urgency ?? Urgency.Normal, body.FullText, body.Holder, body.NeedToKnow).HandleAsync(db, users, ct);
        return TypedResults.Created($"/api/documents/{doc.Id}", (await LoadAsync(db, doc.Id, ct))!);
    }

    private static async Task<Created<RelationDto>> Link(Guid id, RelationBody body, ResoluteDbContext db, CancellationToken ct)
    {
        var r = await new LinkDocuments(id, body.ToId!.Value, body.Kind!.Value).HandleAsync(db, ct);
        var to = await db.Documents.AsNoTracking().FirstAsync(d => d.Id == r.ToId, ct);
        return TypedResults.Created($"/api/documents/{id}", new RelationDto(r.Id, r.Kind, to.Id, to.Symbol, to.IssuedOn));
    }

    private static async Task<Results<Created<AttachmentDto>, ProblemHttpResult>> Upload(Guid id, IFormFile? file, ResoluteDbContext db,
        Infrastructure.Files.FileStore store, CancellationToken ct)
    {
        if (file is null)
            return TypedResults.Problem(title: "Cần chọn tệp đính kèm (trường \"file\").", statusCode: StatusCodes.Status400BadRequest);
        var a = await new Attachments.AddAttachment(id, file.FileName, file.OpenReadStream).HandleAsync(db, store, ct);
        var url = $"/api/documents/{id}/attachments/{a.Id}";
        return TypedResults.Created(url, new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, url));
    }

    private static async Task<IResult> Download(Guid id, Guid attachmentId, ResoluteDbContext db,
        Infrastructure.Files.FileStore store, CancellationToken ct)
    {
        // The document lookup goes through the scope and need-to-know filter.
        if (!await db.Documents.AnyAsync(d => d.Id == id, ct)) return TypedResults.NotFound();
        return Infrastructure.Files.StoredFiles.Download(store,
            await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.DocumentId == id, ct));
    }

    private static async Task<Results<Ok<Lineage.Result>, NotFound>> GetLineage(Guid id, ResoluteDbContext db, CancellationToken ct) =>
        await Lineage.BuildAsync(db, id, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Ok<List<TypeDto>>> Types(ResoluteDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.DocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder)
            .Select(t => new TypeDto(t.Id, t.System, t.Abbreviation, t.Name, t.ValidFrom, t.ValidTo)).ToListAsync(ct));

    private static async Task<Results<Ok<List<ReferenceDto>>, ProblemHttpResult>> Extract(HttpRequest request, ResoluteDbContext db, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[ExtractMaxChars + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > ExtractMaxChars)
            return TypedResults.Problem(title: $"Văn bản gửi lên dài quá {ExtractMaxChars:N0} ký tự.", statusCode: StatusCodes.Status413PayloadTooLarge);
        var text = new string(buffer, 0, read);
        var found = ReferenceParser.Find(text).ToList();
        var matches = await DocumentQueries.MatchAllAsync(db, found, ct);
        var list = found.Select((r, i) => new ReferenceDto(r.Raw, r.Start, r.Length, r.System == DocumentSystem.Party ? "party" : "state", r.TypeWord,
            r.Abbreviation, r.Number, r.Symbol, r.Issuer, r.Year, r.Date?.ToString("yyyy-MM-dd"), matches[i])).ToList();
        return TypedResults.Ok(list);
    }
}
