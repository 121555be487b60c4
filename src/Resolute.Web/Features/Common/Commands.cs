using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Common;

/// <summary>What every command of every feature needs: the permission check over a unit, who acts, the reporting calendar.</summary>
public static class Commands
{
    public static async Task RequireAsync(ResoluteDbContext db, Permission permission, Guid unitId, string message, CancellationToken ct)
    {
        if (!await db.Scope.CanAsync(db, permission, unitId, ct)) throw new ForbiddenException(message);
    }
    public static string? Actor(ResoluteDbContext db) => db.Scope.UserName ?? "system";
    public static ReportingCalendar Calendar(IConfiguration config) =>
        config.GetSection("Reporting").Get<ReportingCalendar>() ?? ReportingCalendar.Default;
}
