namespace Resolute.Domain.Assignments;

/// <summary>The five-clear principle (5 rõ, RULES.md §3): what a task needs before it may be assigned.</summary>
public static class FiveClear
{
    public enum Clear { Person = 1, Task = 2, Schedule = 3, Responsibility = 4, Result = 5 }

    /// <summary>One thing missing: which clear, the input at fault (as the API names it), and a Vietnamese message.</summary>
    public sealed record Gap(Clear Clear, string Field, string Message);

    public sealed class IncompleteException(IReadOnlyList<Gap> gaps)
        : Exception("Chưa đủ 5 rõ để giao nhiệm vụ: " + string.Join(" ", gaps.Select(g => g.Message)))
    {
        public IReadOnlyList<Gap> Gaps { get; } = gaps;
    }

    public static string VietnameseName(this Clear c) => c switch
    {
        Clear.Person => "Rõ người",
        Clear.Task => "Rõ việc",
        Clear.Schedule => "Rõ tiến độ",
        Clear.Responsibility => "Rõ trách nhiệm",
        Clear.Result => "Rõ hiệu quả",
        _ => c.ToString(),
    };

    public static IReadOnlyList<Gap> Check(Assignment a, DateOnly today)
    {
        var gaps = new List<Gap>();
        void Miss(Clear c, string field, string message) => gaps.Add(new Gap(c, field, $"{c.VietnameseName()}: {message}"));

        if (a.LeadId is null) Miss(Clear.Person, "leadId", "chưa có đơn vị chủ trì.");
        if (a.LeadLeaderId is null) Miss(Clear.Person, "leadLeaderId", "chưa có lãnh đạo chịu trách nhiệm (ghi rõ họ tên).");

        var topSecret = a.Secrecy == Documents.Secrecy.TopSecret;
        if (string.IsNullOrWhiteSpace(a.Title) && !topSecret) Miss(Clear.Task, "title", "chưa nêu tên, nội dung nhiệm vụ.");
        if (a.SourceDocumentId is null && string.IsNullOrWhiteSpace(a.SourceNote))
            Miss(Clear.Task, "sourceDocumentId", "chưa nêu văn bản (hoặc kết luận) giao nhiệm vụ.");

        if (a.Deadline is null && a.Recurrence == Recurrence.None)
            Miss(Clear.Schedule, "deadline", "chưa có thời hạn hoặc chu kỳ báo cáo.");
        else if (a.Deadline is { } d && d < today && a.State == AssignmentState.Draft)
            Miss(Clear.Schedule, "deadline", $"thời hạn {d:dd/MM/yyyy} đã qua.");
        else if (a.Deadline is { } end && end.DayNumber - today.DayNumber > Assignment.LongTaskDays && a.Milestones.Count == 0)
            Miss(Clear.Schedule, "milestones", $"nhiệm vụ dài hơn {Assignment.LongTaskDays} ngày cần có mốc tiến độ.");
        if (a.Milestones.FirstOrDefault(m => a.Deadline is { } dl && m.DueOn > dl) is { } late)
            Miss(Clear.Schedule, "milestones", $"mốc \"{late.Title}\" ({late.DueOn:dd/MM/yyyy}) muộn hơn thời hạn.");
        if (!a.LateDeadlineApproved)
            Miss(Clear.Schedule, "deadline", "thời hạn muộn hơn thời hạn của nhiệm vụ cấp trên, cần đơn vị giao nhiệm vụ cấp trên đồng ý.");

        if (a.FollowUpId is null) Miss(Clear.Responsibility, "followUpId", "chưa có đơn vị theo dõi, đôn đốc.");

        // A top-secret task's output and measures are kept off the networked system, with its content.
        if (topSecret) return gaps;
        if (string.IsNullOrWhiteSpace(a.Output)) Miss(Clear.Result, "output", "chưa nêu sản phẩm đầu ra.");
        if (a.Indicators.Count == 0 || a.Indicators.All(i => i.Target is null))
            Miss(Clear.Result, "indicators", "chưa có chỉ tiêu đo kết quả (tên, đơn vị tính, mục tiêu).");
        return gaps;
    }
}
