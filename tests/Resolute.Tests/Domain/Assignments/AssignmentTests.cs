using CsCheck;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;

namespace Resolute.Tests.Domain.Assignments;

public class AssignmentTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly Guid City = Guid.NewGuid(), Ward = Guid.NewGuid(), Leader = Guid.NewGuid(), Source = Guid.NewGuid();

    /// <summary>A task meeting every clear, due in <paramref name="days"/> days.</summary>
    public static Assignment Complete(int days = 30, Recurrence recurrence = Recurrence.None)
    {
        var a = new Assignment(City, "Rà soát quy chế làm việc", DateTime.UtcNow, null);
        a.Describe("Rà soát quy chế làm việc", "Nội dung", Source, "Mục II", null, "Quy chế được ban hành", Secrecy.None);
        a.SetPeople(Ward, Leader, City, []);
        a.SetSchedule(recurrence == Recurrence.None ? Today.AddDays(days) : null, recurrence, ReportingCalendar.Default, Today);
        a.SetIndicators([("Quy chế được ban hành", "văn bản", 1m)]);
        return a;
    }

    [Theory]
    [InlineData(AssignmentState.Draft, null, null, AssignmentStatus.Draft)]
    [InlineData(AssignmentState.Paused, null, null, AssignmentStatus.Paused)]
    [InlineData(AssignmentState.Withdrawn, null, null, AssignmentStatus.Withdrawn)]
    [InlineData(AssignmentState.Assigned, "2026-11-28", null, AssignmentStatus.OnTrack)] // due today is still within the deadline
    [InlineData(AssignmentState.Assigned, "2026-11-27", null, AssignmentStatus.Overdue)]
    [InlineData(AssignmentState.Assigned, "2026-11-27", "2026-11-27", AssignmentStatus.DoneOnTime)] // on the deadline
    [InlineData(AssignmentState.Assigned, "2026-11-27", "2026-11-28", AssignmentStatus.DoneLate)]
    [InlineData(AssignmentState.Assigned, "2026-12-31", "2026-11-01", AssignmentStatus.DoneOnTime)]
    public void Status_IsExactlyTheRulesTable(AssignmentState state, string? deadline, string? completed, AssignmentStatus expected)
    {
        DateOnly? d = deadline is null ? null : DateOnly.Parse(deadline);
        DateOnly? c = completed is null ? null : DateOnly.Parse(completed);
        Assert.Equal(expected, AssignmentStatuses.Of(state, Recurrence.None, d, c is null ? d : null, c, Today));
    }

    [Fact]
    public void RecurringTask_IsOverdueOnlyWhenACycleReportIsMissed()
    {
        Assert.Equal(AssignmentStatus.Recurring, AssignmentStatuses.Of(AssignmentState.Assigned, Recurrence.Monthly, null, Today, null, Today));
        Assert.Equal(AssignmentStatus.Overdue, AssignmentStatuses.Of(AssignmentState.Assigned, Recurrence.Monthly, null, Today.AddDays(-1), null, Today));
    }

    [Fact]
    public void FiveClear_NamesEveryMissingClear_InVietnamese()
    {
        var a = new Assignment(City, "", DateTime.UtcNow, null);
        var gaps = a.Gaps(Today);
        Assert.Equal(Enum.GetValues<FiveClear.Clear>().ToHashSet(), gaps.Select(g => g.Clear).ToHashSet());
        Assert.Contains(gaps, g => g.Message == "Rõ người: chưa có lãnh đạo chịu trách nhiệm (ghi rõ họ tên).");
        var ex = Assert.Throws<FiveClear.IncompleteException>(() => a.Assign(Today));
        Assert.Equal(gaps.Count, ex.Gaps.Count);
        Assert.Empty(Complete().Gaps(Today));
    }

    [Fact]
    public void LongTask_NeedsMilestones_WithinItsDeadline()
    {
        var a = Complete(days: 300);
        Assert.Contains(a.Gaps(Today), g => g.Field == "milestones");
        a.SetMilestones([("Dự thảo", Today.AddDays(400))]);
        Assert.Contains(a.Gaps(Today), g => g.Message.Contains("muộn hơn thời hạn"));
        a.SetMilestones([("Dự thảo", Today.AddDays(100))]);
        Assert.Empty(a.Gaps(Today));
    }

    [Fact]
    public void Extension_KeepsTheOriginalDeadline_AndNeedsAReasonAndALaterDate()
    {
        var a = Complete(days: 10);
        a.Assign(Today);
        Assert.Throws<DomainException>(() => a.RequestExtension(Today.AddDays(5), "lý do", DateTime.UtcNow, null, null));
        Assert.Throws<DomainException>(() => a.RequestExtension(Today.AddDays(20), " ", DateTime.UtcNow, null, null));
        var e = a.RequestExtension(Today.AddDays(20), "Chờ hướng dẫn", DateTime.UtcNow, null, "ward");
        Assert.Throws<DomainException>(() => a.RequestExtension(Today.AddDays(30), "lần hai", DateTime.UtcNow, null, null));
        a.DecideExtension(e.Id, true, null, DateTime.UtcNow, "city");
        Assert.Equal(Today.AddDays(10), a.Deadline);
        Assert.Equal(Today.AddDays(20), a.DeadlineInForce);
        Assert.Equal(AssignmentStatus.OnTrack, a.StatusOn(Today.AddDays(15)));
        Assert.Equal(AssignmentStatus.Overdue, a.StatusAgainstOriginalOn(Today.AddDays(15)));
        Assert.Throws<DomainException>(() => a.SetSchedule(Today.AddDays(40), Recurrence.None, ReportingCalendar.Default, Today));
    }

    [Fact]
    public void Completion_CountsFromAcceptance_OnTheDateItWasReported()
    {
        var a = Complete(days: 5);
        a.Assign(Today);
        var r = a.Report("Đã xong", 100, true, [], DateTime.UtcNow, null, "ward", Today.AddDays(5), ReportingCalendar.Default);
        Assert.Null(a.CompletedOn);
        Assert.Throws<DomainException>(() => a.Report("Lần hai", 100, true, [], DateTime.UtcNow, null, "ward", Today.AddDays(6), ReportingCalendar.Default));
        a.Accept(r.Id, null, DateTime.UtcNow, "city");
        Assert.Equal(Today.AddDays(5), a.CompletedOn);
        Assert.Equal(AssignmentStatus.DoneOnTime, a.StatusOn(Today.AddDays(30)));
    }

    [Fact]
    public void SecretTask_TakesNoContent_AndTopSecretNoTitle()
    {
        var a = new Assignment(City, "", DateTime.UtcNow, null);
        Assert.Throws<DomainException>(() => a.Describe("Tên", "Nội dung", Source, null, null, null, Secrecy.Secret));
        a.Describe("Tên", null, Source, null, null, null, Secrecy.Secret);
        Assert.Throws<DomainException>(() => a.Describe("Tên", null, Source, null, null, null, Secrecy.TopSecret));
        a.Describe("", null, Source, null, null, null, Secrecy.TopSecret);
        Assert.DoesNotContain(a.Gaps(Today), g => g.Clear is FiveClear.Clear.Task or FiveClear.Clear.Result);
    }

    [Theory]
    [InlineData(Recurrence.Monthly, "2026-11-26", "2026-12-25")]
    [InlineData(Recurrence.Monthly, "2026-11-25", "2026-11-25")]
    [InlineData(Recurrence.Quarterly, "2026-11-28", "2026-12-20")]
    [InlineData(Recurrence.HalfYearly, "2026-06-16", "2026-12-10")]
    [InlineData(Recurrence.Yearly, "2026-12-11", "2027-12-10")]
    [InlineData(Recurrence.Monthly, "2027-02-26", "2027-03-25")]
    public void ReportingCalendar_FindsTheNextCycleDate(Recurrence r, string from, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ReportingCalendar.Default.FirstDueOnOrAfter(r, DateOnly.Parse(from)));

    [Fact]
    public void LateCycleReport_CoversTheLatestCycle_AndTheNextIsDueAfterToday()
    {
        var a = Complete(recurrence: Recurrence.Monthly);
        a.Assign(Today);
        Assert.Equal(new DateOnly(2026, 12, 25), a.NextReportDue);
        var late = new DateOnly(2027, 3, 1); // three cycles missed
        Assert.Equal(AssignmentStatus.Overdue, a.StatusOn(late));
        a.Report("Báo cáo", 40, false, [], DateTime.UtcNow, null, "ward", late, ReportingCalendar.Default);
        Assert.Equal(new DateOnly(2027, 3, 25), a.NextReportDue);
        Assert.Equal(AssignmentStatus.Recurring, a.StatusOn(late));
    }

    [Fact]
    public void Property_EveryTaskIsInExactlyOneStatus_ConsistentWithItsDates()
    {
        var states = Enum.GetValues<AssignmentState>();
        var gen = Gen.Select(Gen.Int[0, states.Length - 1], Gen.Bool, Gen.Int[-400, 400], Gen.Int[-400, 400], Gen.Int[-1, 400], Gen.Bool);
        gen.Sample((s, recurring, deadline, due, completed, hasDeadline) =>
        {
            var state = states[s];
            DateOnly? d = hasDeadline ? Today.AddDays(deadline) : null;
            DateOnly? c = completed < 0 ? null : Today.AddDays(-completed);
            var status = AssignmentStatuses.Of(state, recurring ? Recurrence.Monthly : Recurrence.None, d, c is null ? Today.AddDays(due) : null, c, Today);
            if (state != AssignmentState.Assigned) return status == state switch
            {
                AssignmentState.Draft => AssignmentStatus.Draft,
                AssignmentState.Paused => AssignmentStatus.Paused,
                _ => AssignmentStatus.Withdrawn,
            };
            if (c is { } done) return status == (d is { } dl && done > dl ? AssignmentStatus.DoneLate : AssignmentStatus.DoneOnTime);
            var overdue = due < 0;
            return status == (overdue ? AssignmentStatus.Overdue : recurring ? AssignmentStatus.Recurring : AssignmentStatus.OnTrack);
        }, iter: 2000);
    }
}
