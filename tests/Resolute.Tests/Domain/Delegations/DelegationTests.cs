using Resolute.Domain.Common;
using Resolute.Domain.Delegations;

namespace Resolute.Tests.Domain.Delegations;

public class DelegationTests
{
    private static readonly DateOnly Start = new(2026, 10, 15);
    private static readonly DateTime At = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Delegation Draft(DelegationKind kind = DelegationKind.Supervision) =>
        new(Guid.NewGuid(), kind, "Đoàn giám sát", null, null, null, Start, Start.AddDays(60), At, null);

    private static Delegation Established(out Guid unit, DelegationKind kind = DelegationKind.Supervision)
    {
        var d = Draft(kind);
        d.SetMembers([(Guid.NewGuid(), DelegationRole.Head), (Guid.NewGuid(), DelegationRole.Member)]);
        unit = Guid.NewGuid();
        d.AddVisit(unit, Start.AddDays(10));
        d.Establish(Guid.NewGuid());
        return d;
    }

    [Fact]
    public void Members_OneHead_AtMostOneSecretary_EachPersonOnce()
    {
        var d = Draft();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal("head", Assert.Throws<DomainException>(() => d.SetMembers([(a, DelegationRole.Member)])).Code);
        Assert.Equal("head", Assert.Throws<DomainException>(() => d.SetMembers([(a, DelegationRole.Head), (b, DelegationRole.Head)])).Code);
        Assert.Equal("secretary", Assert.Throws<DomainException>(() => d.SetMembers([(a, DelegationRole.Head), (b, DelegationRole.Secretary), (Guid.NewGuid(), DelegationRole.Secretary)])).Code);
        Assert.Equal("duplicate", Assert.Throws<DomainException>(() => d.SetMembers([(a, DelegationRole.Head), (a, DelegationRole.Member)])).Code);
        d.SetMembers([(a, DelegationRole.Head), (b, DelegationRole.Secretary)]);
        d.SetMembers([(b, DelegationRole.Head)]);
        Assert.Equal(DelegationRole.Head, Assert.Single(d.Members).Role);
    }

    [Fact]
    public void Periods_AndVisits_AreChecked()
    {
        Assert.Equal("period", Assert.Throws<DomainException>(() => new Delegation(Guid.NewGuid(), DelegationKind.Survey, "Đoàn", null, null, null, Start, Start.AddDays(-1), At, null)).Code);
        Assert.Equal("review-period", Assert.Throws<DomainException>(() => new Delegation(Guid.NewGuid(), DelegationKind.Survey, "Đoàn", null, Start, Start.AddDays(-5), Start, Start, At, null)).Code);
        var d = Draft();
        var unit = Guid.NewGuid();
        Assert.Equal("deadline", Assert.Throws<DomainException>(() => d.AddVisit(unit, Start.AddDays(90))).Code);
        d.AddVisit(unit, Start.AddDays(5));
        Assert.Equal("duplicate", Assert.Throws<DomainException>(() => d.AddVisit(unit, null)).Code);
        Assert.Equal("self", Assert.Throws<DomainException>(() => d.AddVisit(d.OrganisationId, null)).Code);
    }

    [Fact]
    public void Establishing_NeedsAHeadAndAUnit_AndOpensAccessForThePeriodOnly()
    {
        var d = Draft();
        Assert.Equal("head", Assert.Throws<DomainException>(() => d.Establish(Guid.NewGuid())).Code);
        d.SetMembers([(Guid.NewGuid(), DelegationRole.Head)]);
        Assert.Equal("visits", Assert.Throws<DomainException>(() => d.Establish(Guid.NewGuid())).Code);
        d.AddVisit(Guid.NewGuid(), null);
        Assert.False(d.GrantsAccessOn(Start));
        d.Establish(Guid.NewGuid());
        Assert.False(d.GrantsAccessOn(Start.AddDays(-1)));
        Assert.True(d.GrantsAccessOn(Start));
        Assert.True(d.GrantsAccessOn(Start.AddDays(60)));
        Assert.False(d.GrantsAccessOn(Start.AddDays(61)));
        // Ending the delegation early ends the access.
        d.Describe(d.Kind, d.Title, null, null, null, Start, Start.AddDays(1));
        Assert.False(d.GrantsAccessOn(Start.AddDays(2)));
    }

    [Fact]
    public void Conclusion_OncePerVisitedUnit_ViolationsOnlyInAnInspection_RecommendationsNumbered()
    {
        Assert.Equal("draft", Assert.Throws<DomainException>(() => Draft().Conclude(Guid.NewGuid(), null, [(FindingKind.Strength, "Tốt")], [])).Code);
        var d = Established(out var unit);
        Assert.Equal("visit", Assert.Throws<DomainException>(() => d.Conclude(Guid.NewGuid(), null, [(FindingKind.Strength, "Tốt")], [])).Code);
        Assert.Equal("violation", Assert.Throws<DomainException>(() => d.Conclude(unit, null, [(FindingKind.Violation, "Sai")], [])).Code);
        Assert.Equal("empty", Assert.Throws<DomainException>(() => d.Conclude(unit, null, [], [])).Code);
        var c = d.Conclude(unit, "Chung", [(FindingKind.Strength, "Tốt"), (FindingKind.Shortcoming, "Chưa cụ thể")], [("Bổ sung", Start.AddDays(30)), ("Rà soát", null)]);
        Assert.Equal([1, 2], c.Recommendations.Select(r => r.Number));
        Assert.Equal("duplicate", Assert.Throws<DomainException>(() => d.Conclude(unit, null, [(FindingKind.Strength, "Tốt")], [])).Code);
        var r = c.Recommendations[0];
        d.RecommendationTasked(c.Id, r.Id, Guid.NewGuid());
        Assert.Equal("tasked", Assert.Throws<DomainException>(() => d.RecommendationTasked(c.Id, r.Id, Guid.NewGuid())).Code);
        d.ConclusionIssued(c.Id, Guid.NewGuid(), Start.AddDays(20));
        Assert.Equal("issued", Assert.Throws<DomainException>(() => d.ConclusionIssued(c.Id, Guid.NewGuid(), Start.AddDays(20))).Code);

        var inspection = Established(out var inspected, DelegationKind.Inspection);
        Assert.Single(inspection.Conclude(inspected, null, [(FindingKind.Violation, "Vi phạm quy chế")], []).Findings);
        Assert.Equal("KL", DelegationKind.Inspection.ConclusionAbbreviation());
        Assert.Equal("TB", DelegationKind.WorkingDelegation.ConclusionAbbreviation());
    }

    [Fact]
    public void Sessions_OnlyWithAVisitedUnit_WithinThePeriod()
    {
        var d = Established(out var unit);
        Assert.Equal("session-date", Assert.Throws<DomainException>(() => d.AddSession(unit, Start.AddDays(-3).ToDateTime(TimeOnly.MinValue), null, null, null)).Code);
        Assert.Equal("visit", Assert.Throws<DomainException>(() => d.AddSession(Guid.NewGuid(), Start.ToDateTime(TimeOnly.MinValue), null, null, null)).Code);
        var s = d.AddSession(unit, Start.AddDays(3).ToDateTime(new TimeOnly(1, 30)), "Trụ sở", null, "Hai bên");
        d.WriteMinutes(s.Id, "Biên bản");
        Assert.Equal("Biên bản", Assert.Single(d.Sessions).Minutes);
    }
}
