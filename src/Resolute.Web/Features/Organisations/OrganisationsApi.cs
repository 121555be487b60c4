using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Organisations;
using Resolute.Domain.Text;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Organisations;

public static class OrganisationsApi
{
    public sealed record OrganisationDto(
        Guid Id, Guid? ParentId, string Code, string Name, string FullName, OrganisationKind Kind, OrganisationLevel Level,
        DateOnly ValidFrom, DateOnly? ValidTo, Guid? SuccessorId);

    public sealed record OrganisationBody(
        [property: Required(ErrorMessage = "Mã đơn vị không được để trống."), StringLength(Organisation.CodeMaxLength, ErrorMessage = "Mã đơn vị không được dài quá {1} ký tự.")] string? Code,
        [property: Required(ErrorMessage = "Tên ngắn không được để trống."), StringLength(Organisation.ShortNameMaxLength, ErrorMessage = "Tên ngắn không được dài quá {1} ký tự.")] string? Name,
        [property: StringLength(Organisation.FullNameMaxLength, ErrorMessage = "Tên đầy đủ không được dài quá {1} ký tự.")] string? FullName,
        [property: Required(ErrorMessage = "Cần chọn loại đơn vị.")] OrganisationKind? Kind,
        [property: Required(ErrorMessage = "Cần chọn cấp đơn vị.")] OrganisationLevel? Level,
        Guid? ParentId,
        [property: Required(ErrorMessage = "Cần nhập ngày thành lập.")] DateOnly? ValidFrom);

    public sealed record MoveBody(Guid? ParentId);

    public sealed record DissolveBody(
        [property: Required(ErrorMessage = "Cần nhập ngày kết thúc hoạt động.")] DateOnly? On,
        Guid? SuccessorId,
        [property: Required(ErrorMessage = "Cần ghi rõ lý do."), StringLength(500, ErrorMessage = "Lý do không được dài quá {1} ký tự.")] string? Reason);

    public sealed record MergeBody(
        [property: Required(ErrorMessage = "Cần chọn đơn vị tiếp nhận.")] Guid? IntoId,
        [property: Required(ErrorMessage = "Cần nhập ngày sáp nhập.")] DateOnly? On,
        [property: Required(ErrorMessage = "Cần ghi rõ lý do."), StringLength(500, ErrorMessage = "Lý do không được dài quá {1} ký tự.")] string? Reason);

    public static void MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/organisations").WithTags("Organisations");
        g.MapGet("", List).WithSummary("Units the caller may see, in vi-VN order; q filters by code or name without diacritics.");
        g.MapGet("/{id:guid}", Get);
        g.MapPost("", Create);
        g.MapPut("/{id:guid}", Update);
        g.MapPost("/{id:guid}/move", Move);
        g.MapPost("/{id:guid}/dissolve", Dissolve);
        g.MapPost("/{id:guid}/merge", Merge);
    }

    public static OrganisationDto ToDto(Organisation o) =>
        new(o.Id, o.ParentId, o.Code, o.ShortName, o.FullName, o.Kind, o.Level, o.ValidFrom, o.ValidTo, o.SuccessorId);

    private static async Task<Ok<List<OrganisationDto>>> List(ResoluteDbContext db, string? q, Guid? parentId, bool? includeEnded, CancellationToken ct)
    {
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var folded = VietnameseText.Fold(q);
            query = query.Where(o => o.SearchText.Contains(folded));
        }
        if (parentId is { } p) query = query.Where(o => o.ParentId == p);
        if (includeEnded == false) query = query.Where(o => o.ValidTo == null);
        var units = await query.ToListAsync(ct);
        return TypedResults.Ok(units.OrderBy(o => o.ShortName, VietnameseText.Comparer).Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<OrganisationDto>, NotFound>> Get(Guid id, ResoluteDbContext db, CancellationToken ct)
    {
        var unit = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return unit is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(unit));
    }

    private static async Task<Created<OrganisationDto>> Create(OrganisationBody body, ResoluteDbContext db, CancellationToken ct)
    {
        var unit = await new CreateOrganisation(body.Code!, body.Name!, body.FullName ?? body.Name!, body.Kind!.Value, body.Level!.Value,
            body.ParentId, body.ValidFrom!.Value).HandleAsync(db, ct);
        return TypedResults.Created($"/api/organisations/{unit.Id}", ToDto(unit));
    }

    private static async Task<Ok<OrganisationDto>> Update(Guid id, OrganisationBody body, ResoluteDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await new UpdateOrganisation(id, body.Code!, body.Name!, body.FullName ?? body.Name!, body.Kind!.Value,
            body.Level!.Value, body.ValidFrom!.Value).HandleAsync(db, ct)));

    private static async Task<Ok<OrganisationDto>> Move(Guid id, MoveBody body, ResoluteDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await new MoveOrganisation(id, body.ParentId).HandleAsync(db, ct)));

    private static async Task<Ok<OrganisationDto>> Dissolve(Guid id, DissolveBody body, ResoluteDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await new DissolveOrganisation(id, body.On!.Value, body.SuccessorId, body.Reason!).HandleAsync(db, ct)));

    private static async Task<Ok<OrganisationDto>> Merge(Guid id, MergeBody body, ResoluteDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await new MergeOrganisation(id, body.IntoId!.Value, body.On!.Value, body.Reason!).HandleAsync(db, ct)));
}
