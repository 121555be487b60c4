using Resolute.Domain.Common;
using Resolute.Domain.Text;

namespace Resolute.Domain.Reviews;

/// <summary>A section of the outline (đề cương): each unit answers it with numbered items.</summary>
public sealed record OutlineSection(string Key, string Title);

/// <summary>
/// A figure the outline asks for (chỉ tiêu, số liệu): a name, its unit of measure, and where it comes from — computed
/// from the register and the tasks (<see cref="Computed"/> names the measure), or reported by each unit.
/// </summary>
public sealed record OutlineFigure(string Key, string Name, string? Unit, string? Computed);

/// <summary>
/// What a review asks of every unit: the standard sections of RULES.md §7, any extra sections, and the figures.
/// Kept with the campaign as a value (and with templates), never edited in place once units have answered.
/// </summary>
public sealed record ReviewOutline(IReadOnlyList<OutlineSection> Sections, IReadOnlyList<OutlineFigure> Figures)
{
    public const int MaxSections = 30;
    public const int MaxFigures = 60;
    public const int TitleMaxLength = 300;

    public const string Results = "results";
    public const string Limitations = "limitations";
    public const string Lessons = "lessons";
    public const string Tasks = "tasks";
    public const string Breakthroughs = "breakthroughs";
    public const string Recommendations = "recommendations";

    /// <summary>The six standard sections, in the order a report gives them.</summary>
    public static readonly IReadOnlyList<OutlineSection> StandardSections =
    [
        new(Results, "Kết quả đạt được"),
        new(Limitations, "Hạn chế, yếu kém và nguyên nhân"),
        new(Lessons, "Bài học kinh nghiệm"),
        new(Tasks, "Nhiệm vụ, giải pháp thời gian tới"),
        new(Breakthroughs, "Giải pháp đột phá"),
        new(Recommendations, "Kiến nghị, đề xuất"),
    ];

    /// <summary>The figures computed from the data that every outline starts with (ReviewFigures computes them).</summary>
    public static readonly IReadOnlyList<OutlineFigure> StandardFigures =
    [
        new("documents", "Văn bản ban hành để triển khai thực hiện", "văn bản", "documents"),
        new("tasks", "Nhiệm vụ được giao", "nhiệm vụ", "tasks"),
        new("tasks-done-on-time", "Nhiệm vụ hoàn thành đúng hạn", "nhiệm vụ", "tasks-done-on-time"),
        new("tasks-done-late", "Nhiệm vụ hoàn thành quá hạn", "nhiệm vụ", "tasks-done-late"),
        new("tasks-on-track", "Nhiệm vụ đang thực hiện trong hạn", "nhiệm vụ", "tasks-on-track"),
        new("tasks-overdue", "Nhiệm vụ quá hạn chưa hoàn thành", "nhiệm vụ", "tasks-overdue"),
        new("on-time-rate", "Tỷ lệ hoàn thành đúng hạn", "%", "on-time-rate"),
    ];

    public static readonly IReadOnlySet<string> ComputedMeasures = StandardFigures.Select(f => f.Computed!).ToHashSet();

    public static ReviewOutline Standard() => new(StandardSections, StandardFigures);

    /// <summary>
    /// An outline from the form: the standard sections chosen, extra section titles (one per line), and reported
    /// figures ("name | unit", one per line); the computed figures are always included.
    /// </summary>
    public static ReviewOutline From(IEnumerable<string> standardKeys, string? extraSections, string? reportedFigures)
    {
        var keys = standardKeys.ToHashSet();
        var sections = StandardSections.Where(s => keys.Contains(s.Key)).ToList();
        var n = 0;
        foreach (var line in Lines(extraSections))
            sections.Add(new OutlineSection($"extra-{++n}", line));
        var figures = StandardFigures.ToList();
        var m = 0;
        foreach (var line in Lines(reportedFigures))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            figures.Add(new OutlineFigure($"reported-{++m}", parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null, null));
        }
        var outline = new ReviewOutline(sections, figures);
        outline.Validate();
        return outline;
    }

    /// <summary>The extra sections as the form shows them, one per line.</summary>
    public string ExtraSectionsText => string.Join('\n', Sections.Where(s => !IsStandard(s.Key)).Select(s => s.Title));

    /// <summary>The reported figures as the form shows them, "name | unit" per line.</summary>
    public string ReportedFiguresText => string.Join('\n', Figures.Where(f => f.Computed is null).Select(f => f.Unit is null ? f.Name : $"{f.Name} | {f.Unit}"));

    public static bool IsStandard(string key) => StandardSections.Any(s => s.Key == key);

    public OutlineSection? Section(string key) => Sections.FirstOrDefault(s => s.Key == key);

    public OutlineFigure? Figure(string key) => Figures.FirstOrDefault(f => f.Key == key);

    public void Validate()
    {
        if (Sections.Count == 0) throw new DomainException("sections", "Đề cương cần ít nhất một phần.", "sections");
        if (Sections.Count > MaxSections) throw new DomainException("sections", $"Đề cương không quá {MaxSections} phần.", "sections");
        if (Figures.Count > MaxFigures) throw new DomainException("figures", $"Đề cương không quá {MaxFigures} số liệu.", "figures");
        foreach (var s in Sections)
            if (string.IsNullOrWhiteSpace(s.Title) || s.Title.Length > TitleMaxLength)
                throw new DomainException("section-title", $"Tên phần của đề cương cần có và không dài quá {TitleMaxLength} ký tự.", "sections");
        if (Sections.GroupBy(s => s.Key).Any(g => g.Count() > 1) || Sections.GroupBy(s => VietnameseText.Fold(s.Title)).Any(g => g.Count() > 1))
            throw new DomainException("section-duplicate", "Đề cương có hai phần trùng tên.", "sections");
        foreach (var f in Figures)
        {
            if (string.IsNullOrWhiteSpace(f.Name) || f.Name.Length > TitleMaxLength)
                throw new DomainException("figure-name", $"Tên số liệu cần có và không dài quá {TitleMaxLength} ký tự.", "figures");
            if (f.Unit is { Length: > 50 }) throw new DomainException("figure-unit", $"Đơn vị tính của \"{f.Name}\" không dài quá 50 ký tự.", "figures");
            if (f.Computed is { } c && !ComputedMeasures.Contains(c))
                throw new DomainException("figure-computed", $"Không có cách tính số liệu \"{c}\".", "figures");
        }
        if (Figures.GroupBy(f => VietnameseText.Fold(f.Name)).FirstOrDefault(g => g.Count() > 1) is { } same)
            throw new DomainException("figure-duplicate", $"Số liệu \"{same.First().Name}\" bị nhập hai lần.", "figures");
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => VietnameseText.Normalize(l).Trim()).Where(l => l.Length > 0);
}
