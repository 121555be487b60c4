using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Organisations;
using Resolute.Domain.Programmes;
using Resolute.Web.Features.Programmes;
using Resolute.Web.Infrastructure.Access;

namespace Resolute.Bench;

/// <summary>
/// Work programmes on the city data set: the city committee's annual programme of its standing committee (40 items)
/// and each commune or ward committee's annual programme (12 items), drafted and approved through the app's commands
/// (so every item is also a task), half of the past items submitted. The HTTP scenarios then read the city's programme,
/// its report over the year and the adoption table.
/// </summary>
public static class ProgrammesBenchmark
{
    public sealed record Seeded(Guid CityProgramme, int Year, int Programmes, int Items, double Seconds, Guid? Meeting = null, Guid? Delegation = null);

    public static async Task<Seeded> SeedAsync(string database, string cs, TasksBenchmark.Loaded data, TextWriter log)
    {
        var sw = Stopwatch.StartNew();
        await using var db = SearchBenchmark.Context(database, cs, AccessScope.System());
        var year = db.Today.Year;
        var committees = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.PartyCommittee && o.ValidTo == null && (o.Id == data.Root || o.ParentId == data.Root))
            .Select(o => o.Id).ToListAsync();
        Guid city = default;
        var items = 0;
        foreach (var committee in committees)
        {
            var isCity = committee == data.Root;
            var units = await db.Organisations.AsNoTracking().Where(o => o.ParentId == committee && o.ValidTo == null).Select(o => o.Id).Take(12).ToListAsync();
            if (units.Count == 0) units = [committee];
            var member = await db.Positions.AsNoTracking().Where(p => p.OrganisationId == committee && p.IsLeader).Select(p => (Guid?)p.PersonId).FirstOrDefaultAsync();
            if (member is null) continue;
            var p = await new SaveProgramme(null, null, new ProgrammeFields
            {
                OrganisationId = committee,
                Body = isCity ? ProgrammeForum.StandingCommittee : ProgrammeForum.ExecutiveCommittee,
                Kind = ProgrammeKind.Annual,
                Year = year,
            }).HandleAsync(db, default);
            var count = isCity ? 40 : 12;
            for (var i = 0; i < count; i++)
                await new SaveProgrammeItem(p.Id, null, null, new ItemFields
                {
                    Content = $"Nội dung trình số {i + 1}: báo cáo, đề án về nhiệm vụ trọng tâm tháng {i % 12 + 1}",
                    PreparingUnitId = units[i % units.Count],
                    MemberInChargeId = member,
                    Forum = p.Body,
                    DueMonth = new DateOnly(year, i % 12 + 1, 1),
                }).HandleAsync(db, default);
            await new ApproveProgramme(p.Id, null, new DateOnly(year, 1, 1) < db.Today ? new DateOnly(year, 1, 1) : db.Today).HandleAsync(db, default);
            db.ChangeTracker.Clear();
            // Half the items whose month has ended were submitted, on the 20th of their month.
            var saved = await ProgrammeRules.LoadAsync(db, p.Id, default);
            foreach (var item in saved.Items.Where(x => x.Number % 2 == 0 && x.Deadline < db.Today).ToList())
            {
                var version = await db.WorkProgrammes.Where(x => x.Id == p.Id).Select(x => x.Version).FirstAsync();
                await new ChangeItemState(p.Id, item.Id, version, "submitted", new DateOnly(year, item.DueMonth!.Value.Month, 20), null, null, null).HandleAsync(db, default);
                db.ChangeTracker.Clear();
            }
            items += count;
            if (isCity) city = p.Id;
        }
        var meeting = await MeetingAsync(db, data, year);
        var delegation = await DelegationAsync(db, data);
        log.WriteLine($"  programmes: {committees.Count} committees, {items:N0} items (each a task), a meeting with its notice and a supervision of 20 units, seeded in {sw.Elapsed.TotalSeconds:N1} s");
        return new Seeded(city, year, committees.Count, items, sw.Elapsed.TotalSeconds, meeting, delegation);
    }

    /// <summary>
    /// A supervision by the city committee of 20 of its units: established (each unit's reporting task given), one working
    /// session and a conclusion a unit with three recommendations, two of them made tasks.
    /// </summary>
    private static async Task<Guid> DelegationAsync(Web.Data.ResoluteDbContext db, TasksBenchmark.Loaded data)
    {
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var today = db.Today;
        var head = await db.Positions.AsNoTracking().Where(p => p.OrganisationId == data.Root && p.IsLeader).Select(p => p.PersonId).FirstAsync();
        var units = await db.Organisations.AsNoTracking().Where(o => o.ParentId == data.Root && o.ValidTo == null).OrderBy(o => o.Code).Select(o => o.Id).Take(20).ToListAsync();
        var d = await new Resolute.Web.Features.Delegations.SaveDelegation(null, null, new Resolute.Web.Features.Delegations.DelegationFields
        {
            OrganisationId = data.Root,
            Kind = Resolute.Domain.Delegations.DelegationKind.Supervision,
            Title = "Đoàn giám sát việc thực hiện quy chế làm việc",
            Subject = "Quy chế làm việc nhiệm kỳ 2025–2030",
            StartsOn = today.AddDays(-20),
            EndsOn = today.AddDays(40),
            Members = [new(head, Resolute.Domain.Delegations.DelegationRole.Head)],
            Visits = units.Select(u => new Resolute.Web.Features.Delegations.VisitInput(null, u, today.AddDays(10))).ToList(),
        }).HandleAsync(db, default);
        db.ChangeTracker.Clear();
        // The accounts are only needed for a secret task's need-to-know list; these tasks are not secret.
        await new Resolute.Web.Features.Delegations.EstablishDelegation(d.Id, null).HandleAsync(db, null!, config, default);
        db.ChangeTracker.Clear();
        foreach (var unit in units)
        {
            var code = await db.Organisations.AsNoTracking().Where(o => o.Id == unit).Select(o => o.Code).FirstAsync();
            await new Resolute.Web.Features.Delegations.AddSession(d.Id, null, code, today.AddDays(-5).ToDateTime(new TimeOnly(8, 0)), "Trụ sở", null, null, "Biên bản").HandleAsync(db, default);
            db.ChangeTracker.Clear();
            var c = await new Resolute.Web.Features.Delegations.ConcludeVisit(d.Id, null, code, "Kết luận chung",
                [new(Resolute.Domain.Delegations.FindingKind.Strength, "Ưu điểm"), new(Resolute.Domain.Delegations.FindingKind.Shortcoming, "Hạn chế")],
                [new("Kiến nghị thứ nhất", today.AddDays(20)), new("Kiến nghị thứ hai", today.AddDays(30)), new("Kiến nghị thứ ba", today.AddDays(60))],
                Issue: true).HandleAsync(db, default);
            db.ChangeTracker.Clear();
            foreach (var r in c.Recommendations.Take(2))
            {
                await new Resolute.Web.Features.Delegations.RecommendationToTask(d.Id, c.Id, r.Id).HandleAsync(db, null!, config, default);
                db.ChangeTracker.Clear();
            }
        }
        return d.Id;
    }

    /// <summary>The city standing committee's meeting hearing its programme items due this month: every member present, 20 conclusion points, 10 of them tasks, the notice issued.</summary>
    private static async Task<Guid?> MeetingAsync(Web.Data.ResoluteDbContext db, TasksBenchmark.Loaded data, int year)
    {
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var today = db.Today;
        var m = await new Resolute.Web.Features.Meetings.SaveMeeting(null, null, new Resolute.Web.Features.Meetings.MeetingFields
        {
            OrganisationId = data.Root,
            Forum = ProgrammeForum.StandingCommittee,
            Number = 1,
            StartsAt = today.ToDateTime(new TimeOnly(8, 0)),
            Place = "Trụ sở",
        }).HandleAsync(db, default);
        var member = await db.Positions.AsNoTracking().Where(p => p.OrganisationId == data.Root && p.IsLeader).Select(p => p.PersonId).FirstAsync();
        try { await new Resolute.Web.Features.Meetings.AddAgendaItems(m.Id, null, null, true, null, null, null).HandleAsync(db, default); }
        catch (Resolute.Domain.Common.DomainException) { await new Resolute.Web.Features.Meetings.AddAgendaItems(m.Id, null, null, false, "Nội dung khác", null, null).HandleAsync(db, default); }
        db.ChangeTracker.Clear();
        await new Resolute.Web.Features.Meetings.RecordAttendance(m.Id, null, [new(member, Resolute.Domain.Meetings.Presence.Present, null)], [member], null, true)
            .HandleAsync(db, config, default);
        db.ChangeTracker.Clear();
        var lead = await db.Organisations.AsNoTracking().Where(o => o.ParentId == data.Root).Select(o => o.Code).FirstAsync();
        for (var i = 0; i < 20; i++)
        {
            var point = await new Resolute.Web.Features.Meetings.AddConclusion(m.Id, null, null, $"Kết luận số {i + 1}: giao đơn vị hoàn thành nhiệm vụ trọng tâm.",
                i % 2 == 0 ? lead : null, today.AddDays(30)).HandleAsync(db, default);
            db.ChangeTracker.Clear();
            // The accounts are only needed for a secret task's need-to-know list; these tasks are not secret.
            if (i % 2 == 0) await new Resolute.Web.Features.Meetings.ConclusionToTask(m.Id, point.Id).HandleAsync(db, null!, config, default);
            db.ChangeTracker.Clear();
        }
        await new Resolute.Web.Features.Meetings.IssueNotice(m.Id, null).HandleAsync(db, default);
        db.ChangeTracker.Clear();
        return m.Id;
    }

}
