namespace Resolute.Domain.Assignments;

/// <summary>
/// When periodic reports fall due (RULES.md §7, after Nghị định 138/2016, likely superseded): monthly by the 25th,
/// quarterly by the 20th of the quarter's last month, half-yearly by 15 June (and for the second half by the yearly
/// date), yearly by 10 December. Settings, not constants, because the source is unsure.
/// </summary>
public sealed record ReportingCalendar
{
    public int MonthlyDay { get; init; } = 25;
    public int QuarterlyDay { get; init; } = 20;
    public int HalfYearMonth { get; init; } = 6;
    public int HalfYearDay { get; init; } = 15;
    public int YearlyMonth { get; init; } = 12;
    public int YearlyDay { get; init; } = 10;

    public static ReportingCalendar Default { get; } = new();

    /// <summary>The first report date of the cycle on or after <paramref name="from"/>.</summary>
    public DateOnly FirstDueOnOrAfter(Recurrence r, DateOnly from)
    {
        if (r == Recurrence.None) throw new ArgumentOutOfRangeException(nameof(r), "A one-off task has no reporting cycle.");
        // Candidate dates in this year and the next; the earliest on or after the start is the one.
        var candidates = Enumerable.Range(from.Year, 2).SelectMany(y => DatesIn(r, y));
        return candidates.Where(d => d >= from).Min();
    }

    /// <summary>The report date after <paramref name="due"/>.</summary>
    public DateOnly NextAfter(Recurrence r, DateOnly due) => FirstDueOnOrAfter(r, due.AddDays(1));

    private IEnumerable<DateOnly> DatesIn(Recurrence r, int year) => r switch
    {
        Recurrence.Monthly => Enumerable.Range(1, 12).Select(m => Day(year, m, MonthlyDay)),
        Recurrence.Quarterly => new[] { 3, 6, 9, 12 }.Select(m => Day(year, m, QuarterlyDay)),
        Recurrence.HalfYearly => [Day(year, HalfYearMonth, HalfYearDay), Day(year, YearlyMonth, YearlyDay)],
        Recurrence.Yearly => [Day(year, YearlyMonth, YearlyDay)],
        _ => [],
    };

    private static DateOnly Day(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
