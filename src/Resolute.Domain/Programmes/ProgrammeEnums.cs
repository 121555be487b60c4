namespace Resolute.Domain.Programmes;

/// <summary>
/// A body of a committee that keeps a work programme and the forum an item is brought to (RULES.md §10): the executive
/// committee (BCH), its standing committee (BTV) and its standing members (Thường trực).
/// </summary>
public enum ProgrammeForum
{
    ExecutiveCommittee = 1,
    StandingCommittee = 2,
    StandingMembers = 3,
}

public enum ProgrammeKind
{
    /// <summary>Toàn khóa: adopted at the start of the body's term, items by year and quarter or month.</summary>
    FullTerm = 1,
    /// <summary>Hằng năm: adopted each year (often in December for the next), items by month.</summary>
    Annual = 2,
}

public enum ProgrammeState
{
    /// <summary>Being drafted by the body's office: items are added, changed and removed freely.</summary>
    Draft = 1,
    /// <summary>Approved and registered as a CTr document; it changes only by a decision (added, postponed, withdrawn).</summary>
    Approved = 2,
}

/// <summary>An item's own state (glossary: <c>ProgrammeItemState</c>).</summary>
public enum ProgrammeItemState
{
    /// <summary>Planned for its month; not yet brought to the forum.</summary>
    Planned = 1,
    /// <summary>Brought to the forum (the office recorded it, or the meeting that took it).</summary>
    Submitted = 2,
    /// <summary>Xin lùi: moved to a later month by the forum's leaders; the original month is kept.</summary>
    Postponed = 3,
    /// <summary>Rút: taken out of the programme by the forum's leaders, with the reason.</summary>
    Withdrawn = 4,
}

/// <summary>How an item stands in a report over a period, counted against its original month (RULES.md §10).</summary>
public enum ProgrammeItemStatus
{
    /// <summary>Not submitted, and its month in force has not ended.</summary>
    NotYetDue = 1,
    /// <summary>Not submitted, and its month in force has ended.</summary>
    Overdue = 2,
    SubmittedOnTime = 3,
    SubmittedLate = 4,
    Postponed = 5,
    Withdrawn = 6,
}

/// <summary>What happened to a programme, in its history.</summary>
public enum ProgrammeChangeKind
{
    Approved = 1,
    Added = 2,
    Postponed = 3,
    Withdrawn = 4,
    Submitted = 5,
}

public static class ProgrammeNames
{
    /// <summary>A forum by its API name (executiveCommittee, standingCommittee, standingMembers), case aside; numbers are not names.</summary>
    public static bool TryParseForum(string? text, out ProgrammeForum forum)
    {
        forum = default;
        return !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out forum) && Enum.IsDefined(forum);
    }

    public const string ForumNamesError = "Diễn đàn phải là executiveCommittee, standingCommittee hoặc standingMembers.";

    public static string VietnameseName(this ProgrammeForum f) => f switch
    {
        ProgrammeForum.ExecutiveCommittee => "Ban Chấp hành",
        ProgrammeForum.StandingCommittee => "Ban Thường vụ",
        ProgrammeForum.StandingMembers => "Thường trực",
        _ => f.ToString(),
    };

    public static string Abbreviation(this ProgrammeForum f) => f switch
    {
        ProgrammeForum.ExecutiveCommittee => "BCH",
        ProgrammeForum.StandingCommittee => "BTV",
        ProgrammeForum.StandingMembers => "TT",
        _ => f.ToString(),
    };

    public static string VietnameseName(this ProgrammeKind k) => k == ProgrammeKind.FullTerm ? "Toàn khóa" : "Hằng năm";

    public static string VietnameseName(this ProgrammeState s) => s == ProgrammeState.Draft ? "Dự thảo" : "Đã phê duyệt";

    public static string VietnameseName(this ProgrammeItemStatus s) => s switch
    {
        ProgrammeItemStatus.NotYetDue => "Chưa đến hạn",
        ProgrammeItemStatus.Overdue => "Quá hạn chưa trình",
        ProgrammeItemStatus.SubmittedOnTime => "Trình đúng hạn",
        ProgrammeItemStatus.SubmittedLate => "Trình chậm",
        ProgrammeItemStatus.Postponed => "Xin lùi",
        ProgrammeItemStatus.Withdrawn => "Rút khỏi chương trình",
        _ => s.ToString(),
    };

    public static string VietnameseName(this ProgrammeChangeKind k) => k switch
    {
        ProgrammeChangeKind.Approved => "Phê duyệt",
        ProgrammeChangeKind.Added => "Bổ sung",
        ProgrammeChangeKind.Postponed => "Xin lùi",
        ProgrammeChangeKind.Withdrawn => "Rút",
        ProgrammeChangeKind.Submitted => "Đã trình",
        _ => k.ToString(),
    };

    /// <summary>"tháng 4/2026", or "quý II/2026" for an item due by quarter.</summary>
    public static string DueName(DateOnly month, bool byQuarter) =>
        byQuarter ? $"quý {Roman((month.Month - 1) / 3 + 1)}/{month.Year}" : $"tháng {month.Month}/{month.Year}";

    private static string Roman(int q) => q switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
