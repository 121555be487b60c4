using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Programmes;

/// <summary>An item as typed in a form, an import row or a JSON body: units by code, the member in charge by name.</summary>
public record ItemFields
{
    public string? Content { get; init; }
    public Guid? ContentTypeId { get; init; }
    public string? SourceSymbol { get; init; }
    public Guid? SourceDocumentId { get; init; }
    public string? SourceNote { get; init; }
    public string? PreparingUnitCode { get; init; }
    public Guid? PreparingUnitId { get; init; }
    public IReadOnlyList<string>? CoordinatorCodes { get; init; }
    public string? MemberInCharge { get; init; }
    public Guid? MemberInChargeId { get; init; }
    public ProgrammeForum? Forum { get; init; }
    /// <summary>Any day of the month it is due ("2026-04-01").</summary>
    public DateOnly? DueMonth { get; init; }
    public bool ByQuarter { get; init; }
    public Secrecy Secrecy { get; init; }
}

/// <summary>Loading through the scope, who may do what, and turning typed fields into an item, for every programme command.</summary>
public static class ProgrammeRules
{
    public const string StaleMessage = "Chương trình đã được người khác cập nhật trong lúc bạn sửa. Hãy tải lại trang để xem thay đổi mới nhất rồi thực hiện lại.";

    /// <summary>A programme with its items and history, through the scope filter (404 when outside it).</summary>
    public static async Task<WorkProgramme> LoadAsync(ResoluteDbContext db, Guid id, CancellationToken ct) =>
        await db.WorkProgrammes.Include(p => p.Items).Include(p => p.Changes).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new NotFoundException("Không tìm thấy chương trình công tác, hoặc bạn không có quyền xem.");

    public static void CheckVersion(WorkProgramme p, int? expected, bool required = false)
    {
        if (required) Versions.Required(expected);
        if (expected is { } v && v != p.Version) throw new ConflictException(StaleMessage);
    }

    /// <summary>The body's office drafts and keeps the programme (records what was submitted).</summary>
    public static Task RequireKeeperAsync(ResoluteDbContext db, WorkProgramme p, CancellationToken ct) =>
        Commands.RequireAsync(db, Permission.AssignTasks, p.OrganisationId, "Chỉ văn phòng của cấp ủy được soạn và cập nhật chương trình công tác.", ct);

    /// <summary>The body's leaders approve it and decide its amendments.</summary>
    public static Task RequireLeaderAsync(ResoluteDbContext db, WorkProgramme p, CancellationToken ct) =>
        Commands.RequireAsync(db, Permission.ApproveProgrammes, p.OrganisationId, "Chỉ lãnh đạo cấp ủy được phê duyệt chương trình và quyết định bổ sung, xin lùi, rút nội dung.", ct);

    /// <summary>
    /// The body as a programme's title names it: "Ban Chấp hành Đảng bộ thành phố Hà Nội", "Ban Thường vụ Thành ủy Hà Nội",
    /// "Thường trực Đảng ủy phường Cửa Nam"; a body that is not a Party committee by its own name ("UBND phường Cửa Nam").
    /// </summary>
    public static string OwnerName(Organisation committee, ProgrammeForum body) => committee.Kind != OrganisationKind.PartyCommittee
        ? committee.ShortName
        : body == ProgrammeForum.ExecutiveCommittee
            ? $"{body.VietnameseName()} {committee.FullName.Split(',')[0].Trim()}"
            : $"{body.VietnameseName()} {committee.ShortName}";

    public static async Task<ProgrammeItemInput> ToInputAsync(ResoluteDbContext db, WorkProgramme p, ItemFields f, CancellationToken ct)
    {
        var today = db.Today;
        var preparing = await Units.FindAsync(db, f.PreparingUnitId, f.PreparingUnitCode, "preparingUnitId", "cơ quan chủ trì chuẩn bị", ct);
        if (preparing is not null && !await Units.IsWithinAsync(db, preparing.Id, p.OrganisationId, ct))
            throw new DomainException("preparing-outside", $"{preparing.ShortName} không thuộc cấp ủy của chương trình.", "preparingUnitId");
        var coordinators = new List<Guid>();
        foreach (var code in (f.CoordinatorCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)))
            coordinators.Add((await Units.FindAsync(db, null, code, "coordinatorIds", "cơ quan phối hợp", ct))!.Id);
        Guid? member = f.MemberInChargeId;
        if (member is { } m)
        {
            if (!await db.Positions.IgnoreQueryFilters().Where(Units.MayLead(db, p.OrganisationId, today)).AnyAsync(x => x.PersonId == m && x.IsLeader, ct))
                throw new DomainException("member", "Đồng chí phụ trách phải đang giữ chức vụ lãnh đạo trong cấp ủy của chương trình.", "memberInChargeId");
        }
        else if (!string.IsNullOrWhiteSpace(f.MemberInCharge))
        {
            var committee = await db.Organisations.IgnoreQueryFilters().FirstAsync(o => o.Id == p.OrganisationId, ct);
            try { member = await Units.LeaderByNameAsync(db, f.MemberInCharge, committee, today, ct); }
            catch (DomainException e) { throw new DomainException(e.Code, e.Message, "memberInChargeId"); }
        }
        Guid? source = f.SourceDocumentId;
        if (source is null && !string.IsNullOrWhiteSpace(f.SourceSymbol)) source = await Sources.BySymbolAsync(db, f.SourceSymbol, ct);
        await Sources.CheckAsync(db, source, ct);
        if (f.ContentTypeId is { } t && !await db.DocumentTypes.AnyAsync(x => x.Id == t, ct))
            throw new DomainException("type", "Loại nội dung không có trong danh mục loại văn bản.", "contentTypeId");
        return new ProgrammeItemInput
        {
            Content = f.Content,
            ContentTypeId = f.ContentTypeId,
            SourceDocumentId = source,
            SourceNote = f.SourceNote,
            PreparingUnitId = preparing?.Id,
            CoordinatorIds = coordinators,
            MemberInChargeId = member,
            Forum = f.Forum,
            DueMonth = f.DueMonth,
            ByQuarter = f.ByQuarter,
            Secrecy = f.Secrecy,
        };
    }
}
