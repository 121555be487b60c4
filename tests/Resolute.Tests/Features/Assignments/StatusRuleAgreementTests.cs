using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Tests.Infrastructure;
using Resolute.Web.Data;
using Resolute.Web.Features.Assignments;

namespace Resolute.Tests.Features.Assignments;

/// <summary>The status rule is said twice in SQL (a predicate per status, a CASE for counting); both must agree with the domain's, on both databases.</summary>
public class StatusRuleAgreementTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    [Fact]
    public async Task SqlPredicatesAndCounts_AgreeWithTheDomainRule_OnRandomTasks()
    {
        var unit = await app.UnitIdAsync("P-VINHHUNG");
        var leader = await AssignmentTestData.LeaderOfAsync(app, "P-VINHHUNG");
        var random = new Random(42);
        await app.WithDbAsync(async (db, _) =>
        {
            var today = db.Today;
            for (var i = 0; i < 300; i++)
            {
                var created = today.AddDays(-random.Next(0, 400));
                var recurrence = random.Next(4) == 0 ? Recurrence.Quarterly : Recurrence.None;
                var a = new Assignment(unit, "Nhiệm vụ ngẫu nhiên " + i, DateTime.UtcNow, null);
                db.Assignments.Add(a);
                a.Describe("Nhiệm vụ ngẫu nhiên " + i, null, null, null, "Kết luận hội nghị", "Báo cáo", Secrecy.None);
                a.SetPeople(unit, leader, unit, []);
                var deadline = created.AddDays(random.Next(1, 120));
                a.SetSchedule(recurrence == Recurrence.None ? deadline : null, recurrence, ReportingCalendar.Default, created);
                a.SetIndicators([("Chỉ tiêu", "%", 100m)]);
                if (random.Next(10) == 0) continue; // a draft
                a.Assign(created);
                var roll = random.Next(10);
                if (roll < 4)
                {
                    var on = created.AddDays(random.Next(0, 200));
                    if (on > today) on = today;
                    var r = a.Report(recurrence == Recurrence.None ? "Xong" : "Báo cáo kỳ", 100, true, [], DateTime.UtcNow, null, "t", on, ReportingCalendar.Default);
                    a.Accept(r.Id, null, DateTime.UtcNow, "t");
                }
                else if (roll == 4 && recurrence == Recurrence.None && a.DeadlineInForce > created.AddDays(2))
                {
                    var e = a.RequestExtension(a.DeadlineInForce!.Value.AddDays(random.Next(1, 60)), "Lý do", DateTime.UtcNow, null, "t");
                    a.DecideExtension(e.Id, true, null, DateTime.UtcNow, "t");
                }
                else if (roll == 5) a.Pause("Tạm dừng");
                else if (roll == 6) a.Withdraw("Không thực hiện");
            }
            await db.SaveChangesAsync();
            return 0;
        });

        await app.WithDbAsync(async (db, _) =>
        {
            var today = db.Today;
            var all = await db.Assignments.AsNoTracking().Where(a => a.LeadId == unit).ToListAsync();
            var expected = all.ToDictionary(a => a.Id, a => a.StatusOn(today));
            Assert.True(expected.Values.Distinct().Count() >= 6, "the sample covers most statuses");
            foreach (var s in Enum.GetValues<AssignmentStatus>())
            {
                var ids = await db.Assignments.Where(a => a.LeadId == unit).Where(AssignmentQueries.Is(s, today)).Select(a => a.Id).ToListAsync();
                Assert.Equal(expected.Where(e => e.Value == s).Select(e => e.Key).Order(), ids.Order());
            }
            var counts = await db.Assignments.Where(a => a.LeadId == unit).Select(AssignmentQueries.Coding(today))
                .GroupBy(x => x.Code).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
            foreach (var c in counts)
                Assert.Equal(expected.Count(e => (int)e.Value == c.Key), c.N);
            return 0;
        });
    }

    /// <summary>
    /// The tally is kept row by row in C# (<see cref="AssignmentTally.KeysOf"/>) and counted afresh in SQL
    /// (<see cref="AssignmentTally.RebuildSql"/>): after tasks are made, done, moved to another unit (drafts), made secret,
    /// withdrawn and deleted, the kept tally equals a fresh count, and the dashboard built on it equals the domain rule.
    /// </summary>
    [Fact]
    public async Task Tally_KeptWithEveryChange_EqualsAFreshCount_AndTheDashboardAgreesWithTheDomain()
    {
        var unit = await app.UnitIdAsync("P-HOANKIEM");
        var other = await app.UnitIdAsync("P-CUANAM");
        var leader = await AssignmentTestData.LeaderOfAsync(app, "P-HOANKIEM");
        var random = new Random(7);
        var ids = await app.WithDbAsync(async (db, _) =>
        {
            var today = db.Today;
            var made = new List<Guid>();
            for (var i = 0; i < 120; i++)
            {
                var created = today.AddDays(-random.Next(0, 300));
                var recurrence = random.Next(5) == 0 ? Recurrence.Monthly : Recurrence.None;
                var a = new Assignment(unit, "Nhiệm vụ kiểm đếm " + i, DateTime.UtcNow, null);
                db.Assignments.Add(a);
                a.Describe("Nhiệm vụ kiểm đếm " + i, null, null, null, "Kết luận hội nghị", "Báo cáo", Secrecy.None);
                a.SetPeople(unit, leader, unit, []);
                a.SetSchedule(recurrence == Recurrence.None ? created.AddDays(random.Next(1, 120)) : null, recurrence, ReportingCalendar.Default, created);
                a.SetIndicators([("Chỉ tiêu", "%", 100m)]);
                made.Add(a.Id);
                if (random.Next(8) == 0) continue;
                a.Assign(created);
            }
            await db.SaveChangesAsync();
            return made;
        });
        await app.WithDbAsync(async (db, _) =>
        {
            var today = db.Today;
            var tasks = await db.Assignments.Whole().Where(a => ids.Contains(a.Id)).ToListAsync();
            foreach (var a in tasks)
            {
                var roll = random.Next(10);
                if (a.State == AssignmentState.Draft)
                {
                    if (roll < 3) db.Assignments.Remove(a);
                    else if (roll < 6) a.SetPeople(other, null, unit, []);
                    continue;
                }
                if (roll < 4 && a.Recurrence == Recurrence.None)
                {
                    var r = a.Report("Xong", 100, true, [], DateTime.UtcNow, null, "t", today.AddDays(-random.Next(0, 60)), ReportingCalendar.Default);
                    a.Accept(r.Id, null, DateTime.UtcNow, "t");
                }
                else if (roll == 5) a.Describe(a.Title, null, null, null, "Kết luận hội nghị", "Báo cáo", Secrecy.Secret);
                else if (roll == 6) a.Withdraw("Không thực hiện");
                else if (roll == 7) a.Pause("Tạm dừng");
            }
            await db.SaveChangesAsync();
            return 0;
        });

        await app.WithDbAsync(async (db, _) =>
        {
            async Task<Dictionary<(Guid, int, int), int>> Read() => (await db.AssignmentTallies.AsNoTracking().Where(t => t.N != 0).ToListAsync())
                .ToDictionary(t => (t.LeadId, t.Bucket, t.Period), t => t.N);
            var kept = await Read();
            var dashboard = await Dashboard.BuildAsync(db, unit, default);
            await AssignmentTally.RebuildAsync(db);
            var fresh = await Read();
            Assert.Equal(fresh.OrderBy(x => x.Key).ToList(), kept.OrderBy(x => x.Key).ToList());

            var today = db.Today;
            var expected = (await db.Assignments.AsNoTracking().Where(a => a.LeadId == unit).ToListAsync()).Select(a => a.StatusOn(today)).ToList();
            Assert.True(expected.Distinct().Count() >= 6, "the sample covers most statuses");
            var own = dashboard.Units.Single(u => u.Id == unit).Counts;
            foreach (var s in Enum.GetValues<AssignmentStatus>())
                Assert.Equal(expected.Count(e => e == s), own.Of(s));
            return 0;
        });
    }
}
