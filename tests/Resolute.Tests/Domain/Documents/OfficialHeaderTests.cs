using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;

namespace Resolute.Tests.Domain.Documents;

public class OfficialHeaderTests
{
    [Theory]
    [InlineData(2018, 4, 3, "ngày 03 tháng 4 năm 2018")]
    [InlineData(2026, 2, 15, "ngày 15 tháng 02 năm 2026")]
    [InlineData(2025, 12, 30, "ngày 30 tháng 12 năm 2025")]
    [InlineData(2026, 1, 9, "ngày 09 tháng 01 năm 2026")]
    [InlineData(2021, 10, 10, "ngày 10 tháng 10 năm 2021")]
    public void WrittenDate_LeadingZeroForEarlyDaysAndJanuaryFebruaryOnly(int y, int m, int d, string expected) =>
        Assert.Equal(expected, OfficialHeader.WrittenDate(new DateOnly(y, m, d)));

    private static readonly DateOnly From = new(2025, 7, 1);
    private static readonly Organisation City = new("TU-HN", "Thành ủy Hà Nội", "Đảng bộ thành phố Hà Nội", OrganisationKind.PartyCommittee, OrganisationLevel.Province, null, From);

    [Fact]
    public void TheCityCommittee_WritesItsOwnNameAlone()
    {
        var (above, issuer) = OfficialHeader.IssuingBody(City, null);
        Assert.Null(above);
        Assert.Equal("Thành ủy Hà Nội", issuer);
    }

    [Fact]
    public void AWardCommittee_WritesThePartyOrganisationAboveIt_ThenItself()
    {
        var ward = new Organisation("P-CUANAM", "Đảng ủy phường Cửa Nam", "Đảng bộ phường Cửa Nam", OrganisationKind.PartyCommittee, OrganisationLevel.Commune, City.Id, From);
        Assert.Equal(("Đảng bộ thành phố Hà Nội", "Đảng ủy phường Cửa Nam"), OfficialHeader.IssuingBody(ward, City));
    }

    [Fact]
    public void ABodyOfTheCommittee_WritesTheCommittee_ThenItselfWithoutItsName()
    {
        var btc = new Organisation("BTCTU", "Ban Tổ chức Thành ủy", "Ban Tổ chức Thành ủy Hà Nội", OrganisationKind.AdvisoryBody, OrganisationLevel.Province, City.Id, From);
        Assert.Equal(("Thành ủy Hà Nội", "Ban Tổ chức"), OfficialHeader.IssuingBody(btc, City));
        var office = new Organisation("VPTU", "Văn phòng Thành ủy", "Văn phòng Thành ủy Hà Nội", OrganisationKind.AdvisoryBody, OrganisationLevel.Province, City.Id, From);
        Assert.Equal(("Thành ủy Hà Nội", "Văn phòng"), OfficialHeader.IssuingBody(office, City));
    }
}
