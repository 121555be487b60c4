using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Reviews;

namespace Resolute.Tests.Domain;

/// <summary>The words an office uses (issue 15): the names the domain gives to roles and states.</summary>
public class WordingTests
{
    [Fact]
    public void TheReportingRole_IsTheReportingContact_NotAPropagandaLecturer() =>
        Assert.Equal("Cán bộ đầu mối báo cáo", ScopeRole.Reporter.VietnameseName());

    [Fact]
    public void AWithdrawnTask_IsStopped() => Assert.Equal("Dừng thực hiện", AssignmentStatus.Withdrawn.VietnameseName());

    [Fact]
    public void AnAcceptedReviewReport_IsAccepted_AsInTasks() => Assert.Equal("Đã chấp nhận", UnitReportStatus.Accepted.VietnameseName());
}
