using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Meetings;
using Resolute.Domain.Organisations;
using Resolute.Domain.Programmes;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Meetings;

/// <summary>Loading through the scope, who may do what, the forum's members and its quorum rule, for every meeting command.</summary>
public static class MeetingRules
{
    public const string StaleMessage = "Cuộc họp đã được người khác cập nhật trong lúc bạn sửa. Hãy tải lại trang để xem thay đổi mới nhất rồi thực hiện lại.";

    public static async Task<Meeting> LoadAsync(ResoluteDbContext db, Guid id, CancellationToken ct) =>
        await db.Meetings.Include(m => m.Agenda).Include(m => m.Attendance).Include(m => m.Conclusions).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct)
        ?? throw new NotFoundException("Không tìm thấy cuộc họp, hoặc bạn không có quyền xem.");

    public static void CheckVersion(Meeting m, int? expected, bool required = false)
    {
        if (required) Versions.Required(expected);
        if (expected is { } v && v != m.Version) throw new ConflictException(StaleMessage);
    }

    /// <summary>The forum's office keeps its meetings.</summary>
    public static Task RequireKeeperAsync(ResoluteDbContext db, Meeting m, CancellationToken ct) =>
        Commands.RequireAsync(db, Permission.AssignTasks, m.OrganisationId, "Chỉ văn phòng của cấp ủy được chuẩn bị cuộc họp và ghi kết quả.", ct);

    /// <summary>The quorum rule of the forum: a setting per body (Meetings:Quorum:StandingCommittee = "2/3"), two thirds by default.</summary>
    public static QuorumRule Quorum(IConfiguration config, ProgrammeForum forum)
    {
        var text = config[$"Meetings:Quorum:{forum}"];
        if (text?.Split('/') is [var a, var b] && int.TryParse(a, out var n) && int.TryParse(b, out var d) && n > 0 && d >= n) return new QuorumRule(n, d);
        return QuorumRule.TwoThirds;
    }

    /// <summary>
    /// The members of the forum on a day: those holding a current post in the committee's body of that forum (its BCH,
    /// BTV or standing office, as a unit under the committee), or, where the committee keeps no such body, its own leaders.
    /// </summary>
    public static async Task<List<Guid>> MembersAsync(ResoluteDbContext db, Guid committeeId, ProgrammeForum forum, DateOnly on, CancellationToken ct)
    {
        var kind = forum switch
        {
            ProgrammeForum.ExecutiveCommittee => OrganisationKind.ExecutiveCommittee,
            ProgrammeForum.StandingCommittee => OrganisationKind.StandingCommittee,
            _ => OrganisationKind.StandingOffice,
        };
        var body = await db.Organisations.IgnoreQueryFilters().Where(o => o.ParentId == committeeId && o.Kind == kind && o.ValidTo == null)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct) ?? committeeId;
        return await db.Positions.IgnoreQueryFilters()
            .Where(p => p.OrganisationId == body && p.StartsOn <= on && (p.EndsOn == null || p.EndsOn >= on) && (body != committeeId || p.IsLeader))
            .Select(p => p.PersonId).Distinct().ToListAsync(ct);
    }
}
