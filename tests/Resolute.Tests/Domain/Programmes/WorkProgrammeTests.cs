using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Domain.Programmes;

namespace Resolute.Tests.Domain.Programmes;

public class WorkProgrammeTests
{
    private static readonly DateTime At = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Guid City = Guid.NewGuid();
    private static readonly Guid Office = Guid.NewGuid();
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();

    private static ProgrammeItemInput Item(int month, string content = "Dự thảo Nghị quyết về phát triển văn hóa", Guid? unit = null) => new()
    {
        Content = content,
        PreparingUnitId = unit ?? Office,
        CoordinatorIds = [Organisation],
        MemberInChargeId = Member,
        Forum = ProgrammeForum.StandingCommittee,
        DueMonth = new DateOnly(2026, month, 15),
    };

    private static WorkProgramme Annual(params int[] months)
    {
        var p = new WorkProgramme(City, ProgrammeForum.StandingCommittee, ProgrammeKind.Annual, 2026, 0, null, null, "Ban Thường vụ Thành ủy Hà Nội", At, null);
        foreach (var m in months) p.AddItem(Item(m), null, null, At, null);
        return p;
    }

    private static WorkProgramme Approved(params int[] months)
    {
        var p = Annual(months);
        p.Approve(new DateOnly(2026, 1, 5), Guid.NewGuid(), At, "lanhdao");
        return p;
    }

    [Fact]
    public void Title_IsWrittenAsAnOfficeWritesIt()
    {
        Assert.Equal("Chương trình công tác năm 2026 của Ban Thường vụ Thành ủy Hà Nội", Annual().Title);
        var full = new WorkProgramme(City, ProgrammeForum.ExecutiveCommittee, ProgrammeKind.FullTerm, 2025, 2030, null, null, "Ban Chấp hành Đảng bộ thành phố Hà Nội", At, null);
        Assert.Equal("Chương trình công tác toàn khóa của Ban Chấp hành Đảng bộ thành phố Hà Nội nhiệm kỳ 2025–2030", full.Title);
    }

    [Fact]
    public void Item_StoresTheMonth_AsItsFirstDay_AndAQuarterAsItsLastMonth()
    {
        var p = Annual();
        var i = p.AddItem(Item(4) with { ByQuarter = true, DueMonth = new DateOnly(2026, 5, 20) }, null, null, At, null);
        Assert.Equal(new DateOnly(2026, 6, 1), i.DueMonth);
        Assert.Equal(new DateOnly(2026, 6, 30), i.Deadline);
        Assert.Equal("quý II/2026", ProgrammeNames.DueName(i.DueMonth!.Value, true));
        Assert.Equal("tháng 4/2026", ProgrammeNames.DueName(new DateOnly(2026, 4, 1), false));
    }

    [Fact]
    public void Item_OutsideTheProgrammesYear_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Annual().AddItem(Item(1) with { DueMonth = new DateOnly(2027, 1, 1) }, null, null, At, null));
        Assert.Equal("dueMonth", e.Field);
        Assert.Contains("trong năm 2026", e.Message);
    }

    [Fact]
    public void SecretItem_MayNotCarryItsContent()
    {
        var e = Assert.Throws<DomainException>(() => Annual().AddItem(Item(3) with { Secrecy = Secrecy.Secret }, null, null, At, null));
        Assert.Equal("content", e.Field);
        var ok = Annual().AddItem(Item(3) with { Secrecy = Secrecy.Secret, Content = null }, null, null, At, null);
        Assert.True(ok.IsSecret);
    }

    [Fact]
    public void Approve_NeedsEveryItemComplete_AndSaysWhatIsMissing()
    {
        var p = Annual(2);
        p.AddItem(new ProgrammeItemInput { Content = "Báo cáo kết quả kiểm tra" }, null, null, At, null);
        var gaps = p.Gaps();
        Assert.Equal(4, gaps.Count);
        Assert.All(gaps, g => Assert.Equal(2, g.Number));
        Assert.Contains(gaps, g => g.Field == "memberInChargeId");
        var e = Assert.Throws<DomainException>(() => p.Approve(new DateOnly(2026, 1, 5), Guid.NewGuid(), At, null));
        Assert.Contains("Nội dung số 2: chưa rõ cơ quan chủ trì chuẩn bị.", e.Message);
        Assert.Throws<DomainException>(() => Annual().Approve(new DateOnly(2026, 1, 5), Guid.NewGuid(), At, null));
    }

    [Fact]
    public void Approved_ChangesOnlyByDecision_EachAnAmendment()
    {
        var p = Approved(2, 3);
        Assert.Equal(ProgrammeState.Approved, p.State);
        Assert.Throws<DomainException>(() => p.UpdateItem(p.Items[0].Id, Item(5)));
        Assert.Throws<DomainException>(() => p.RemoveItem(p.Items[0].Id));
        var noDecision = Assert.Throws<DomainException>(() => p.AddItem(Item(7), null, "Phát sinh", At, null));
        Assert.Equal("decision", noDecision.Field);

        var added = p.AddItem(Item(7), "Kết luận của Ban Thường vụ ngày 10/3/2026", "Phát sinh", At, "lanhdao");
        Assert.True(added.Added);
        Assert.Equal(1, p.Amendment);
        Assert.Equal(ProgrammeChangeKind.Added, p.Changes[^1].Kind);
        Assert.Equal(1, p.Changes[^1].Amendment);
    }

    [Fact]
    public void Postpone_KeepsTheOriginalMonth_AndCountsAsPostponedThere()
    {
        var p = Approved(2);
        var i = p.Items[0];
        Assert.Throws<DomainException>(() => p.Postpone(i.Id, new DateOnly(2026, 5, 1), "Chưa đủ điều kiện", null, At, null));
        Assert.Throws<DomainException>(() => p.Postpone(i.Id, new DateOnly(2026, 2, 1), "Chưa đủ điều kiện", "TB số 12", At, null));
        Assert.Throws<DomainException>(() => p.Postpone(i.Id, new DateOnly(2026, 5, 1), "", "TB số 12", At, null));
        p.Postpone(i.Id, new DateOnly(2026, 5, 1), "Chưa đủ điều kiện", "TB số 12", At, null);
        Assert.Equal(new DateOnly(2026, 2, 1), i.DueMonth);
        Assert.Equal(new DateOnly(2026, 5, 1), i.DueMonthInForce);
        Assert.Equal(new DateOnly(2026, 5, 31), i.Deadline);
        Assert.Equal(ProgrammeItemStatus.Postponed, i.StatusOn(new DateOnly(2026, 3, 1)));
        // Submitted in its new month: still "postponed" for February's count.
        p.MarkSubmitted(i.Id, new DateOnly(2026, 5, 20), new DateOnly(2026, 5, 20), At, null);
        Assert.Equal(ProgrammeItemStatus.Postponed, i.StatusOn(new DateOnly(2026, 6, 1)));
        var change = p.Changes.Single(c => c.Kind == ProgrammeChangeKind.Postponed);
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 5, 1)), (change.FromMonth!.Value, change.ToMonth!.Value));
    }

    [Fact]
    public void Submitted_OnTimeOrLate_AgainstTheMonth_AndOverdueOnceItEnds()
    {
        var p = Approved(2, 3, 4);
        var (feb, mar, apr) = (p.Items[0], p.Items[1], p.Items[2]);
        Assert.Equal(ProgrammeItemStatus.NotYetDue, feb.StatusOn(new DateOnly(2026, 2, 28)));
        Assert.Equal(ProgrammeItemStatus.Overdue, feb.StatusOn(new DateOnly(2026, 3, 1)));
        p.MarkSubmitted(feb.Id, new DateOnly(2026, 2, 26), new DateOnly(2026, 3, 2), At, null);
        p.MarkSubmitted(mar.Id, new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 2), At, null);
        Assert.Equal(ProgrammeItemStatus.SubmittedOnTime, feb.StatusOn(new DateOnly(2026, 12, 1)));
        Assert.Equal(ProgrammeItemStatus.SubmittedLate, mar.StatusOn(new DateOnly(2026, 12, 1)));
        Assert.Throws<DomainException>(() => p.MarkSubmitted(feb.Id, new DateOnly(2026, 2, 27), new DateOnly(2026, 3, 2), At, null));
        Assert.Throws<DomainException>(() => p.MarkSubmitted(apr.Id, new DateOnly(2026, 5, 2), new DateOnly(2026, 4, 2), At, null));
    }

    [Fact]
    public void Withdraw_NeedsReasonAndDecision_AndClosesTheItem()
    {
        var p = Approved(6);
        var i = p.Items[0];
        Assert.Throws<DomainException>(() => p.Withdraw(i.Id, null, "TB số 20", At, null));
        p.Withdraw(i.Id, "Đã lồng ghép vào đề án khác", "TB số 20", At, null);
        Assert.Equal(ProgrammeItemStatus.Withdrawn, i.StatusOn(new DateOnly(2026, 12, 1)));
        Assert.Throws<DomainException>(() => p.Postpone(i.Id, new DateOnly(2026, 9, 1), "x", "y", At, null));
        Assert.Throws<DomainException>(() => p.MarkSubmitted(i.Id, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 2), At, null));
    }

    [Fact]
    public void Annual_StartsFromTheFullTermItemsOfItsYear()
    {
        var full = new WorkProgramme(City, ProgrammeForum.ExecutiveCommittee, ProgrammeKind.FullTerm, 2025, 2030, null, null, "Ban Thường vụ Thành ủy Hà Nội", At, null);
        full.AddItem(Item(1) with { DueMonth = new DateOnly(2025, 12, 1) }, null, null, At, null);
        full.AddItem(Item(1) with { DueMonth = new DateOnly(2026, 6, 1), Content = "Đề án về quy hoạch" }, null, null, At, null);
        full.AddItem(Item(1) with { DueMonth = new DateOnly(2026, 9, 1), Content = "Báo cáo sơ kết" }, null, null, At, null);
        var annual = new WorkProgramme(City, ProgrammeForum.ExecutiveCommittee, ProgrammeKind.Annual, 2026, 0, null, null, "Ban Thường vụ Thành ủy Hà Nội", At, null);
        annual.StartFrom(full);
        Assert.Equal(["Đề án về quy hoạch", "Báo cáo sơ kết"], annual.Items.OrderBy(i => i.Number).Select(i => i.Content));
        Assert.Equal(full.Id, annual.SourceProgrammeId);
        Assert.Throws<DomainException>(() => full.StartFrom(annual));
    }

    [Fact]
    public void RemoveItem_Renumbers_AndEveryChangeMovesTheVersion()
    {
        var p = Annual(1, 2, 3);
        var v = p.Version;
        p.RemoveItem(p.Items.Single(i => i.Number == 2).Id);
        Assert.Equal([1, 2], p.Items.OrderBy(i => i.Number).Select(i => i.Number));
        Assert.True(p.Version > v);
        var e = Assert.Throws<DomainException>(() => p.AddItem(Item(2) with { CoordinatorIds = [Office] }, null, null, At, null));
        Assert.Equal("coordinatorIds", e.Field);
    }
}
