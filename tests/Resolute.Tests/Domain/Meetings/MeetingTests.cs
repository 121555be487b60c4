using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Domain.Meetings;
using Resolute.Domain.Programmes;

namespace Resolute.Tests.Domain.Meetings;

public class MeetingTests
{
    private static readonly DateTime At = new(2026, 3, 10, 1, 0, 0, DateTimeKind.Utc);

    private static Meeting Called(int members, params Guid[] guests)
    {
        var m = new Meeting(Guid.NewGuid(), ProgrammeForum.StandingCommittee, MeetingKind.Regular, 5, null, At, "Trụ sở Thành ủy", null, Secrecy.None, At, null);
        for (var i = 0; i < members; i++) m.Invite(Guid.NewGuid(), AttendeeRole.Member);
        foreach (var g in guests) m.Invite(g, AttendeeRole.Invited);
        return m;
    }

    private static void Present(Meeting m, int count)
    {
        foreach (var a in m.Attendance.Where(a => a.Role == AttendeeRole.Member).Take(count).ToList()) m.Record(a.PersonId, Presence.Present, null);
    }

    [Fact]
    public void MinutesFile_OnlyOnceHeld_AndNeverForASecretMeeting()
    {
        var m = Called(3);
        Assert.Equal("not-held", Assert.Throws<DomainException>(m.CheckMinutesFile).Code);
        Present(m, 3);
        m.Hold(QuorumRule.TwoThirds);
        m.CheckMinutesFile();
        var secret = new Meeting(Guid.NewGuid(), ProgrammeForum.StandingCommittee, MeetingKind.Regular, 6, null, At, null, null, Secrecy.Secret, At, null);
        secret.Invite(Guid.NewGuid(), AttendeeRole.Member);
        Present(secret, 1);
        secret.Hold(QuorumRule.TwoThirds);
        Assert.Equal("secret-content", Assert.Throws<DomainException>(secret.CheckMinutesFile).Code);
    }

    [Fact]
    public void Name_ReadsAsTheOfficeWritesIt()
    {
        Assert.Equal("Phiên họp Ban Thường vụ lần thứ 5", Called(0).Name);
        var conference = new Meeting(Guid.NewGuid(), ProgrammeForum.ExecutiveCommittee, MeetingKind.Regular, 3, null, At, null, null, Secrecy.None, At, null);
        Assert.Equal("Hội nghị Ban Chấp hành lần thứ 3", conference.Name);
    }

    [Theory]
    [InlineData(15, 10, true)]
    [InlineData(15, 9, false)]
    [InlineData(16, 11, true)]
    [InlineData(16, 10, false)]
    [InlineData(3, 2, true)]
    public void Quorum_IsTwoThirdsOfTheMembersSummoned_GuestsNotCounted(int members, int present, bool met)
    {
        var m = Called(members, Guid.NewGuid(), Guid.NewGuid());
        Present(m, present);
        foreach (var g in m.Attendance.Where(a => a.Role == AttendeeRole.Invited)) m.Record(g.PersonId, Presence.Present, null);
        var q = m.QuorumBy(QuorumRule.TwoThirds);
        Assert.Equal((members, present, met), (q.Members, q.Present, q.Met));
    }

    [Fact]
    public void Hold_WithoutQuorum_IsRefused_SayingHowManyAreNeeded()
    {
        var m = Called(9);
        Present(m, 5);
        var e = Assert.Throws<DomainException>(() => m.Hold(QuorumRule.TwoThirds));
        Assert.Equal("Chưa đủ số lượng để họp: có mặt 5/9 thành viên, cần ít nhất 6.", e.Message);
        Present(m, 6);
        m.Hold(QuorumRule.TwoThirds);
        Assert.Equal(MeetingState.Held, m.State);
        // The agenda is fixed once held.
        Assert.Throws<DomainException>(() => m.AddAgendaItem("Nội dung thêm", null, null, null));
    }

    [Fact]
    public void Absence_WithReason_NeedsTheReason()
    {
        var m = Called(3);
        var who = m.Attendance[0].PersonId;
        Assert.Throws<DomainException>(() => m.Record(who, Presence.AbsentWithReason, " "));
        m.Record(who, Presence.AbsentWithReason, "Đi công tác");
        Assert.Equal("Đi công tác", m.Attendance[0].Reason);
        Assert.Throws<DomainException>(() => m.Record(Guid.NewGuid(), Presence.Present, null));
    }

    [Fact]
    public void Conclusions_OnlyOnceHeld_NumberedAndRenumbered_AndTheNoticeClosesTheRecord()
    {
        var m = Called(3);
        var agenda = m.AddAgendaItem("Đề án chuyển đổi số", Guid.NewGuid(), null, null);
        Assert.Throws<DomainException>(() => m.Conclude(agenda.Id, "Thống nhất thông qua", null, null));
        Present(m, 2);
        m.Hold(QuorumRule.TwoThirds);
        var one = m.Conclude(agenda.Id, "Thống nhất thông qua Đề án", null, null);
        var two = m.Conclude(agenda.Id, "Giao Văn phòng hoàn thiện, ban hành trước 30/4", Guid.NewGuid(), new DateOnly(2026, 4, 30));
        var three = m.Conclude(null, "Giao Ban Tổ chức báo cáo tình hình cán bộ", Guid.NewGuid(), new DateOnly(2026, 5, 31));
        m.Tasked(two.Id, Guid.NewGuid());
        Assert.Throws<DomainException>(() => m.RemoveConclusion(two.Id));
        m.RemoveConclusion(one.Id);
        Assert.Equal([1, 2], m.Conclusions.OrderBy(c => c.Number).Select(c => c.Number));
        Assert.Equal(2, three.Number);
        m.IssueNotice(Guid.NewGuid(), new DateOnly(2026, 3, 12));
        Assert.Equal(MeetingState.NoticeIssued, m.State);
        Assert.Throws<DomainException>(() => m.Conclude(null, "Thêm", null, null));
    }

    [Fact]
    public void SecretMeeting_KeepsNoMinutesOrConclusionsOnTheSystem()
    {
        var m = new Meeting(Guid.NewGuid(), ProgrammeForum.StandingCommittee, MeetingKind.Thematic, null, "Phiên họp chuyên đề", At, null, null, Secrecy.Confidential, At, null);
        m.Invite(Guid.NewGuid(), AttendeeRole.Member);
        Present(m, 1);
        m.Hold(QuorumRule.TwoThirds);
        Assert.Throws<DomainException>(() => m.WriteMinutes("Nội dung"));
        Assert.Throws<DomainException>(() => m.Conclude(null, "Kết luận", null, null));
    }

    [Fact]
    public void SameProgrammeItem_TwiceOnTheAgenda_IsRefused()
    {
        var m = Called(1);
        var item = Guid.NewGuid();
        m.AddAgendaItem("Báo cáo", item, null, null);
        Assert.Throws<DomainException>(() => m.AddAgendaItem("Báo cáo", item, null, null));
    }
}
