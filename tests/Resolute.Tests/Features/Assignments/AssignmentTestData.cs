using Microsoft.EntityFrameworkCore;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Assignments;

/// <summary>Builds complete task bodies for the API from the demo tree.</summary>
public static class AssignmentTestData
{
    public static Task<Guid> LeaderOfAsync(ResoluteFactory app, string unitCode) =>
        app.WithDbAsync(async (db, _) =>
        {
            var unit = await db.Organisations.IgnoreQueryFilters().SingleAsync(o => o.Code == unitCode);
            // The unit's own leader, or (for a city committee) the leader of a body directly under it.
            return await db.Positions.IgnoreQueryFilters().Where(p => p.IsLeader && (p.OrganisationId == unit.Id
                    || db.Organisations.IgnoreQueryFilters().Any(o => o.Id == p.OrganisationId && o.ParentId == unit.Id)))
                .OrderBy(p => p.OrganisationId != unit.Id).ThenBy(p => p.IsConcurrent).Select(p => p.PersonId).FirstAsync();
        });

    public static Task<Guid> DocumentAsync(ResoluteFactory app, string symbol) =>
        app.WithDbAsync((db, _) => db.Documents.IgnoreQueryFilters().Where(d => d.Symbol == symbol).Select(d => d.Id).SingleAsync());

    /// <summary>A task meeting all five clears, led by <paramref name="lead"/>, given by <paramref name="assigner"/>.</summary>
    public static async Task<Dictionary<string, object?>> CompleteAsync(ResoluteFactory app, string assigner, string lead, DateOnly deadline,
        string title = "Rà soát, bổ sung quy chế làm việc của cấp ủy", bool assign = true)
    {
        return new Dictionary<string, object?>
        {
            ["assignerCode"] = assigner,
            ["title"] = title,
            ["content"] = "Rà soát quy chế làm việc bảo đảm rõ người, rõ việc, rõ tiến độ, rõ trách nhiệm, rõ hiệu quả.",
            ["sourceDocumentId"] = await DocumentAsync(app, "15-NQ/TW"),
            ["sourceClause"] = "Mục III.2",
            ["leadCode"] = lead,
            ["leadLeaderId"] = await LeaderOfAsync(app, lead),
            ["followUpCode"] = assigner,
            ["deadline"] = deadline.ToString("yyyy-MM-dd"),
            ["output"] = "Quy chế làm việc khóa mới được ban hành",
            ["indicators"] = new[] { new { name = "Quy chế được ban hành", unit = "văn bản", target = 1m } },
            ["milestones"] = new[] { new { title = "Dự thảo quy chế", dueOn = deadline.AddDays(-30).ToString("yyyy-MM-dd") } },
            ["assign"] = assign,
        };
    }
}
