using Resolute.Domain.Common;
using Resolute.Domain.Organisations;

namespace Resolute.Tests.Domain.Organisations;

public class OrganisationTests
{
    private static Organisation Unit(string code = "P-TEST") =>
        new(code, "Đảng ủy phường Thử", "Đảng bộ phường Thử", OrganisationKind.PartyCommittee, OrganisationLevel.Commune, null, new DateOnly(2025, 7, 1));

    [Fact]
    public void Constructor_NormalisesAndFolds()
    {
        var u = new Organisation(" p-hoankiem ", "Đảng ủy phường Hoàn Kiếm", "Đảng bộ phường Hoàn Kiếm", OrganisationKind.PartyCommittee,
            OrganisationLevel.Commune, null, new DateOnly(2025, 7, 1));
        Assert.Equal("P-HOANKIEM", u.Code);
        Assert.Contains("dang uy phuong hoan kiem", u.SearchText);
        Assert.Equal(7, u.Id.Version);
    }

    [Fact]
    public void Constructor_EmptyName_IsRefusedNamingTheField()
    {
        var e = Assert.Throws<DomainException>(() => new Organisation("X", " ", "Y", OrganisationKind.PartyCell, OrganisationLevel.Commune, null, new DateOnly(2025, 1, 1)));
        Assert.Equal("shortName", e.Field);
        Assert.Equal("Tên ngắn không được để trống.", e.Message);
    }

    [Fact]
    public void Dissolve_KeepsHistoryAndSuccessor()
    {
        var u = Unit();
        var successor = Unit("P-OTHER");
        u.Dissolve(new DateOnly(2025, 12, 31), successor, "Sáp nhập theo Quyết định số 10-QĐ/TU");
        Assert.True(u.IsEnded);
        Assert.Equal(successor.Id, u.SuccessorId);
        Assert.True(u.IsActiveOn(new DateOnly(2025, 12, 31)));
        Assert.False(u.IsActiveOn(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Dissolve_Twice_IsRefused()
    {
        var u = Unit();
        u.Dissolve(new DateOnly(2025, 12, 31), null, "Giải thể");
        Assert.Equal("already-ended", Assert.Throws<DomainException>(() => u.Dissolve(new DateOnly(2026, 1, 31), null, "Lần hai")).Code);
    }

    [Fact]
    public void Dissolve_WithoutReason_OrBeforeStart_OrIntoEndedSuccessor_IsRefused()
    {
        Assert.Equal("reason-required", Assert.Throws<DomainException>(() => Unit().Dissolve(new DateOnly(2025, 12, 31), null, " ")).Code);
        Assert.Equal("end-before-start", Assert.Throws<DomainException>(() => Unit().Dissolve(new DateOnly(2020, 1, 1), null, "x")).Code);
        var ended = Unit("P-ENDED");
        ended.Dissolve(new DateOnly(2025, 8, 1), null, "x");
        Assert.Equal("successor-ended", Assert.Throws<DomainException>(() => Unit().Dissolve(new DateOnly(2025, 12, 31), ended, "x")).Code);
    }
}
