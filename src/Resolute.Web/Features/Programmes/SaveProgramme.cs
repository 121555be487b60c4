using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Programmes;

/// <summary>The heading of a programme: whose (committee and body), which kind, which years, its title and preamble.</summary>
public record ProgrammeFields
{
    public Guid? OrganisationId { get; init; }
    public string? OrganisationCode { get; init; }
    public ProgrammeForum? Body { get; init; }
    public ProgrammeKind? Kind { get; init; }
    public int? Year { get; init; }
    /// <summary>The last year of a full-term programme.</summary>
    public int? ToYear { get; init; }
    public string? Title { get; init; }
    public string? Preamble { get; init; }
    /// <summary>For a new annual programme: the full-term programme whose items of that year it starts from.</summary>
    public Guid? SourceProgrammeId { get; init; }
}

/// <summary>Drafts a new programme, or changes a draft's heading.</summary>
public sealed record SaveProgramme(Guid? Id, int? Version, ProgrammeFields Fields, bool RequireVersion = false)
{
    public async Task<WorkProgramme> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var f = Fields;
        if (f.Body is null) throw new DomainException("required", "Cần chọn cơ quan của chương trình (Ban Chấp hành, Ban Thường vụ hoặc Thường trực).", "body");
        if (f.Kind is null) throw new DomainException("required", "Cần chọn loại chương trình (toàn khóa hoặc hằng năm).", "kind");
        if (f.Year is null) throw new DomainException("required", "Cần nhập năm của chương trình.", "year");
        WorkProgramme p;
        if (Id is { } id)
        {
            p = await ProgrammeRules.LoadAsync(db, id, ct);
            await ProgrammeRules.RequireKeeperAsync(db, p, ct);
            ProgrammeRules.CheckVersion(p, Version, RequireVersion);
            var committee = await db.Organisations.IgnoreQueryFilters().FirstAsync(o => o.Id == p.OrganisationId, ct);
            p.Describe(f.Body.Value, f.Kind.Value, f.Year.Value, f.ToYear ?? f.Year.Value, f.Title, f.Preamble, ProgrammeRules.OwnerName(committee, f.Body.Value));
        }
        else
        {
            if (!db.Scope.HasAny(Permission.AssignTasks)) throw new ForbiddenException("Chỉ văn phòng của cấp ủy được soạn chương trình công tác.");
            var committee = await Units.FindAsync(db, f.OrganisationId, f.OrganisationCode, "organisationId", "cấp ủy", ct)
                ?? throw new DomainException("required", "Cần chọn cấp ủy (hoặc Ủy ban nhân dân) của chương trình.", "organisationId");
            await Commands.RequireAsync(db, Permission.AssignTasks, committee.Id, "Chỉ văn phòng của cấp ủy được soạn chương trình công tác của cấp ủy đó.", ct);
            p = new WorkProgramme(committee.Id, f.Body.Value, f.Kind.Value, f.Year.Value, f.ToYear ?? f.Year.Value, f.Title, f.Preamble,
                ProgrammeRules.OwnerName(committee, f.Body.Value), db.Clock.GetUtcNow().UtcDateTime, db.Scope.UserId);
            if (f.SourceProgrammeId is { } sid) p.StartFrom(await ProgrammeRules.LoadAsync(db, sid, ct));
            db.WorkProgrammes.Add(p);
        }
        await db.SaveChangesAsync(ct);
        return p;
    }
}
