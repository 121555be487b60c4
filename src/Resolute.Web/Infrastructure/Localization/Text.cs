using System.Globalization;
using Resolute.Domain.Organisations;
using Resolute.Domain.Text;

namespace Resolute.Web.Infrastructure.Localization;

/// <summary>
/// The UI is written in Vietnamese; <see cref="T"/> gives the English text when the user has switched to English.
/// A string missing from <see cref="English"/> shows in Vietnamese, never as a key.
/// </summary>
public static partial class Text
{
    public const string Vietnamese = "vi-VN";
    public const string EnglishCulture = "en-GB";

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string vietnamese) =>
        IsEnglish && English.TryGetValue(vietnamese, out var en) ? en : vietnamese;

    /// <summary>A date the way the current language writes it: 05/03/2021 in both, since en-GB and vi-VN agree.</summary>
    public static string Date(DateOnly? d) => d is { } v ? v.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "";

    public static string Number(long n) => n.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>The status's name from the domain (the one place it is written), in the current language.</summary>
    public static string StatusName(Resolute.Domain.Assignments.AssignmentStatus s) => T(Resolute.Domain.Assignments.AssignmentStatuses.VietnameseName(s));

    public static string RecurrenceName(Resolute.Domain.Assignments.Recurrence r) => T(Resolute.Domain.Assignments.AssignmentStatuses.VietnameseName(r));

    public static StringComparer Sort => IsEnglish ? StringComparer.Create(CultureInfo.CurrentCulture, false) : VietnameseText.Comparer;

    public static string KindName(OrganisationKind kind) => T(kind switch
    {
        OrganisationKind.PartyCommittee => "Cấp ủy, đảng bộ",
        OrganisationKind.ExecutiveCommittee => "Ban Chấp hành",
        OrganisationKind.StandingCommittee => "Ban Thường vụ",
        OrganisationKind.StandingOffice => "Thường trực cấp ủy",
        OrganisationKind.AdvisoryBody => "Cơ quan tham mưu, giúp việc",
        OrganisationKind.PartyCell => "Chi bộ, đảng bộ cơ sở",
        OrganisationKind.PeoplesCommittee => "Ủy ban nhân dân",
        OrganisationKind.PeoplesCouncil => "Hội đồng nhân dân",
        OrganisationKind.FatherlandFront => "Mặt trận Tổ quốc",
        OrganisationKind.MassOrganisation => "Tổ chức chính trị - xã hội",
        OrganisationKind.Enterprise => "Doanh nghiệp nhà nước",
        OrganisationKind.SteeringCommittee => "Ban Chỉ đạo",
        OrganisationKind.StateAgency => "Cơ quan nhà nước",
        OrganisationKind.OutsideBody => "Cơ quan bên ngoài",
        _ => kind.ToString(),
    });

    public static string LevelName(OrganisationLevel level) => T(level switch
    {
        OrganisationLevel.Central => "Trung ương",
        OrganisationLevel.Province => "Tỉnh, thành phố",
        OrganisationLevel.District => "Huyện, quận (đến 30/6/2025)",
        OrganisationLevel.Commune => "Xã, phường",
        _ => level.ToString(),
    });
}
