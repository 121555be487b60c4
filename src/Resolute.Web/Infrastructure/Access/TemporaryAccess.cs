using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Delegations;
using Resolute.Web.Data;

namespace Resolute.Web.Infrastructure.Access;

/// <summary>
/// A delegation's members read the visited units' records (tasks, reports, documents in scope) while the delegation is
/// established and within its period, and no longer (RULES.md §12): the grant is looked up on each request, so it starts
/// and expires on its own, on every instance alike; need-to-know still hides secret items. Every read under such a grant
/// is written to the audit trail with the path read and the delegations behind it.
/// </summary>
public static class TemporaryAccess
{
    public const string ReadAction = "read-under-delegation";

    public static async Task ApplyAsync(HttpContext ctx, RequestDelegate next)
    {
        var scope = ctx.RequestServices.GetRequiredService<AccessScope>();
        if (ctx.User.Identity?.IsAuthenticated == true && scope.PersonId is { } person)
        {
            var db = ctx.RequestServices.GetRequiredService<ResoluteDbContext>();
            var today = db.Today;
            var grants = await (from m in db.DelegationMembers
                                join d in db.Delegations.IgnoreQueryFilters() on m.DelegationId equals d.Id
                                join v in db.DelegationVisits on d.Id equals v.DelegationId
                                where m.PersonId == person && d.State == DelegationState.Established && d.StartsOn <= today && d.EndsOn >= today
                                select new { d.Id, v.UnitId }).ToListAsync(ctx.RequestAborted);
            if (grants.Count > 0)
            {
                scope.GrantTemporarily(grants.Select(g => new AccessScope.TemporaryGrant(g.Id, g.UnitId)).ToList());
                if (HttpMethods.IsGet(ctx.Request.Method))
                {
                    var delegations = grants.Select(g => g.Id).Distinct().ToList();
                    db.RecordEvent(ReadAction, nameof(Delegation), delegations[0].ToString(), scope.UserId, scope.UserName,
                        new { path = ctx.Request.Path.Value + ctx.Request.QueryString.Value, delegations });
                    await db.SaveChangesAsync(ctx.RequestAborted);
                }
            }
        }
        await next(ctx);
    }
}
