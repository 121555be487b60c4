using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Tests.Infrastructure;
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
}
