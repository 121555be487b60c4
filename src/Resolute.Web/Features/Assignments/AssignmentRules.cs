using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Assignments;

/// <summary>What every task command needs: loading a whole task through the scope, its version, its need-to-know list.</summary>
public static class AssignmentRules
{
    /// <summary>Tasks with everything that belongs to them: coordinators, milestones, indicators, extensions, reports.</summary>
    public static IQueryable<Assignment> Whole(this IQueryable<Assignment> tasks) => tasks
        .Include(a => a.Coordinators).Include(a => a.Milestones).Include(a => a.Indicators)
        .Include(a => a.Extensions).Include(a => a.Reports).ThenInclude(r => r.Actuals)
        .AsSplitQuery();

    /// <summary>A task with everything that belongs to it, through the scope filter (404 when outside it).</summary>
    public static async Task<Assignment> LoadAsync(ResoluteDbContext db, Guid id, CancellationToken ct) =>
        await db.Assignments.Whole().FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw new NotFoundException("Không tìm thấy nhiệm vụ, hoặc bạn không có quyền xem.");

    /// <summary>The caller's copy must be the current one: a stale version is a conflict, never an overwrite.</summary>
    public static void CheckVersion(Assignment a, int? version, bool required = false)
    {
        if (required) Versions.Required(version);
        if (version is { } v && v != a.Version) throw new ConflictException();
    }

    public static async Task SetNeedToKnowAsync(ResoluteDbContext db, UserManager<User> users, Assignment a, IEnumerable<string>? names, CancellationToken ct)
    {
        if (!a.IsSecret) return;
        var ids = new HashSet<Guid>();
        // The writer is always on the list, or the entry would vanish from their view once saved.
        if (db.Scope.UserId is { } me) ids.Add(me);
        foreach (var name in names ?? [])
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            var u = await users.FindByNameAsync(name.Trim())
                ?? throw new DomainException("need-to-know", $"Không tìm thấy tài khoản {name.Trim()}.", "needToKnow");
            ids.Add(u.Id);
        }
        var existing = await db.AssignmentNeedToKnow.Where(n => n.AssignmentId == a.Id).Select(n => n.UserId).ToListAsync(ct);
        db.AssignmentNeedToKnow.AddRange(ids.Except(existing).Select(id => new AssignmentNeedToKnow(a.Id, id)));
    }

    public static Secrecy ParseSecrecy(Secrecy? s) => s ?? Secrecy.None;
}
