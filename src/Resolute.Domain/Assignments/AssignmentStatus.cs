namespace Resolute.Domain.Assignments;

/// <summary>
/// The one status a task is in (RULES.md §2). Never stored: it is a function of the stored state, the dates and the
/// completion, against "today" from an injectable clock.
/// </summary>
public enum AssignmentStatus
{
    Draft = 1,
    OnTrack = 2,
    Overdue = 3,
    DoneOnTime = 4,
    DoneLate = 5,
    Recurring = 6,
    Paused = 7,
    Withdrawn = 8,
}

/// <summary>What is stored: where the task stands in its life, apart from dates.</summary>
public enum AssignmentState { Draft = 1, Assigned = 2, Paused = 3, Withdrawn = 4 }

/// <summary>A recurring task's reporting cycle (nhiệm vụ thường xuyên).</summary>
public enum Recurrence { None = 0, Monthly = 1, Quarterly = 2, HalfYearly = 3, Yearly = 4 }

public static class AssignmentStatuses
{
    /// <summary>The API's spelling: draft, on-track, overdue, done-on-time, done-late, recurring, paused, withdrawn.</summary>
    public static string ApiName(this AssignmentStatus s) => s switch
    {
        AssignmentStatus.Draft => "draft",
        AssignmentStatus.OnTrack => "on-track",
        AssignmentStatus.Overdue => "overdue",
        AssignmentStatus.DoneOnTime => "done-on-time",
        AssignmentStatus.DoneLate => "done-late",
        AssignmentStatus.Recurring => "recurring",
        AssignmentStatus.Paused => "paused",
        AssignmentStatus.Withdrawn => "withdrawn",
        _ => s.ToString(),
    };

    public static bool TryParse(string? value, out AssignmentStatus status)
    {
        foreach (var s in Enum.GetValues<AssignmentStatus>())
            if (string.Equals(value?.Trim(), s.ApiName(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(value?.Trim(), s.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        status = default;
        return false;
    }

    public static string VietnameseName(this AssignmentStatus s) => s switch
    {
        AssignmentStatus.Draft => "Dự thảo",
        AssignmentStatus.OnTrack => "Đang thực hiện, trong hạn",
        AssignmentStatus.Overdue => "Chưa hoàn thành, quá hạn",
        AssignmentStatus.DoneOnTime => "Hoàn thành đúng hạn",
        AssignmentStatus.DoneLate => "Hoàn thành quá hạn",
        AssignmentStatus.Recurring => "Thường xuyên",
        AssignmentStatus.Paused => "Tạm dừng",
        AssignmentStatus.Withdrawn => "Dừng thực hiện",
        _ => s.ToString(),
    };

    public static bool IsDone(this AssignmentStatus s) => s is AssignmentStatus.DoneOnTime or AssignmentStatus.DoneLate;

    public static string VietnameseName(this Recurrence r) => r switch
    {
        Recurrence.None => "Không",
        Recurrence.Monthly => "Hằng tháng",
        Recurrence.Quarterly => "Hằng quý",
        Recurrence.HalfYearly => "6 tháng",
        Recurrence.Yearly => "Hằng năm",
        _ => r.ToString(),
    };

    /// <summary>
    /// The status rule itself. <paramref name="deadline"/> is the deadline judged against (the one in force, or the
    /// original one when a report asks for that); <paramref name="dueOn"/> is the next date something is due: the
    /// deadline in force for a one-off task, the next cycle's report for a recurring one.
    /// </summary>
    public static AssignmentStatus Of(AssignmentState state, Recurrence recurrence, DateOnly? deadline, DateOnly? dueOn, DateOnly? completedOn, DateOnly today)
    {
        switch (state)
        {
            case AssignmentState.Draft: return AssignmentStatus.Draft;
            case AssignmentState.Withdrawn: return AssignmentStatus.Withdrawn;
            case AssignmentState.Paused: return AssignmentStatus.Paused;
        }
        if (completedOn is { } done)
            return deadline is { } d && done > d ? AssignmentStatus.DoneLate : AssignmentStatus.DoneOnTime;
        if (recurrence != Recurrence.None)
            return dueOn is { } next && today > next ? AssignmentStatus.Overdue : AssignmentStatus.Recurring;
        return dueOn is { } due && today > due ? AssignmentStatus.Overdue : AssignmentStatus.OnTrack;
    }
}
