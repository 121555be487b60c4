using Resolute.Domain.Common;
using Resolute.Domain.Reviews;

namespace Resolute.Tests.Domain.Reviews;

public class ReviewCampaignTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly Guid Owner = Guid.NewGuid();

    private static ReviewCampaign Sent(params Guid[] units)
    {
        var c = new ReviewCampaign(Owner, ReviewKind.Final, "Tổng kết", Guid.NewGuid(), null, new DateOnly(2007, 7, 30), new DateOnly(2022, 3, 31),
            Today.AddDays(10), ReviewOutline.Standard(), DateTime.UtcNow, null);
        foreach (var u in units) c.AddRecipient(u);
        c.Send(Today);
        return c;
    }

    [Fact]
    public void Outline_HasTheSixStandardSections_ExtraSectionsAndReportedFigures()
    {
        var o = ReviewOutline.From(ReviewOutline.StandardSections.Select(s => s.Key), "Công tác cán bộ\n\n", "Số cuộc kiểm tra | cuộc\nSố đảng viên mới");
        Assert.Equal(7, o.Sections.Count);
        Assert.Equal("Công tác cán bộ", o.Sections[^1].Title);
        Assert.Equal(ReviewOutline.StandardFigures.Count + 2, o.Figures.Count);
        Assert.Equal("cuộc", o.Figure("reported-1")!.Unit);
        Assert.Null(o.Figure("reported-2")!.Unit);
        Assert.Equal("Số cuộc kiểm tra | cuộc\nSố đảng viên mới", o.ReportedFiguresText);
        var dup = Assert.Throws<DomainException>(() => ReviewOutline.From([], "Bài học\nBài học", null));
        Assert.Equal("section-duplicate", dup.Code);
        Assert.Equal("sections", Assert.Throws<DomainException>(() => ReviewOutline.From([], null, null)).Code);
    }

    [Fact]
    public void UnitReport_IsLateOnlyPastTheDeadlineWithoutSubmission_AndSubmittedLateIsKept()
    {
        var unit = Guid.NewGuid();
        var c = Sent(unit);
        var r = c.Reports[0];
        Assert.Equal(UnitReportStatus.NotStarted, c.StatusOf(r, Today));
        Assert.Equal(UnitReportStatus.Late, c.StatusOf(r, Today.AddDays(11)));
        r.SaveDraft(c.Outline, [(null, ReviewOutline.Results, "Đã ban hành kế hoạch")], []);
        Assert.Equal(UnitReportStatus.Drafting, c.StatusOf(r, Today));
        Assert.Equal(UnitReportStatus.Late, c.StatusOf(r, Today.AddDays(11)));
        r.Submit(Today.AddDays(12), "x");
        Assert.Equal(UnitReportStatus.Submitted, c.StatusOf(r, Today.AddDays(12)));
        Assert.True(r.SubmittedLate(c.Deadline));
        c.Accept(r.Id, DateTime.UtcNow, "y");
        Assert.Equal(UnitReportStatus.Accepted, c.StatusOf(r, Today.AddDays(20)));
        Assert.Throws<DomainException>(() => r.SaveDraft(c.Outline, [], []));
    }

    [Fact]
    public void SaveDraft_KeepsItemIds_SoConsolidatedLinksSurviveEdits()
    {
        var c = Sent(Guid.NewGuid());
        var r = c.Reports[0];
        r.SaveDraft(c.Outline, [(null, ReviewOutline.Lessons, "Một"), (null, ReviewOutline.Lessons, "Hai")], []);
        var one = r.Items[0].Id;
        r.SaveDraft(c.Outline, [(null, ReviewOutline.Lessons, "Mới"), (one, ReviewOutline.Lessons, "Một, sửa lại")], []);
        Assert.Equal(2, r.Items.Count);
        var kept = r.Items.Single(i => i.Id == one);
        Assert.Equal("Một, sửa lại", kept.Text);
        Assert.Equal(2, kept.Order);
        Assert.Equal("section", Assert.Throws<DomainException>(() => r.SaveDraft(c.Outline, [(null, "nope", "x")], [])).Code);
        Assert.Equal("figure-negative", Assert.Throws<DomainException>(() => r.SaveDraft(c.Outline, [], [("documents", -1, null)])).Code);
    }

    [Fact]
    public void Consolidation_NumbersItemsPerSection_MovesAndRemoves_AndOnlyLinksItemsOfThisCampaign()
    {
        var c = Sent(Guid.NewGuid(), Guid.NewGuid());
        c.Reports[0].SaveDraft(c.Outline, [(null, ReviewOutline.Tasks, "A")], []);
        c.Reports[1].SaveDraft(c.Outline, [(null, ReviewOutline.Tasks, "B")], []);
        var a = c.AddItem(ReviewOutline.Tasks, "Nhiệm vụ một", [c.Reports[0].Items[0].Id, c.Reports[1].Items[0].Id]);
        var b = c.AddItem(ReviewOutline.Tasks, "Nhiệm vụ hai", []);
        var other = c.AddItem(ReviewOutline.Lessons, "Bài học một", []);
        Assert.Equal((1, 2, 1), (a.Order, b.Order, other.Order));
        c.MoveItem(b.Id, -1);
        Assert.Equal((2, 1), (a.Order, b.Order));
        c.RemoveItem(b.Id);
        Assert.Equal(1, a.Order);
        Assert.Equal("source-item", Assert.Throws<DomainException>(() => c.AddItem(ReviewOutline.Tasks, "x", [Guid.NewGuid()])).Code);
        Assert.Equal("required", Assert.Throws<DomainException>(() => c.Override("documents", null, 5, " ", DateTime.UtcNow, null)).Code);
        c.Close();
        Assert.Equal("closed", Assert.Throws<DomainException>(() => c.AddItem(ReviewOutline.Tasks, "x", [])).Code);
    }

    [Fact]
    public void Sending_NeedsRecipients_AndADeadlineNotPassed_AndTheOutlineIsFixedOnceSent()
    {
        var c = new ReviewCampaign(Owner, ReviewKind.Preliminary, "Sơ kết", null, "Chuyên đề", Today, Today, Today.AddDays(-1), ReviewOutline.Standard(), DateTime.UtcNow, null);
        Assert.Equal("no-recipients", Assert.Throws<DomainException>(() => c.Send(Today)).Code);
        c.AddRecipient(Guid.NewGuid());
        Assert.Equal("deadline-past", Assert.Throws<DomainException>(() => c.Send(Today)).Code);
        Assert.Equal("recipient-self", Assert.Throws<DomainException>(() => c.AddRecipient(Owner)).Code);
        var s = Sent(Guid.NewGuid());
        Assert.Equal("outline-sent", Assert.Throws<DomainException>(() => s.Describe(s.Kind, s.Title, s.SubjectDocumentId, null, s.PeriodFrom, s.PeriodTo, s.Deadline,
            ReviewOutline.From([ReviewOutline.Results], null, null))).Code);
    }
}
