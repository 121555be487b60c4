using Resolute.Domain.Common;
using Resolute.Domain.Text;

namespace Resolute.Domain.Assignments;

/// <summary>An indicator with a target (chỉ tiêu), how success is measured; its actual is the latest reported.</summary>
public sealed class Indicator
{
    public const int NameMaxLength = 300;
    public const int UnitMaxLength = 50;

    private Indicator() { }

    public Indicator(Guid assignmentId, string name, string? unit, decimal? target)
    {
        Id = Ids.New();
        AssignmentId = assignmentId;
        Name = Assignment.Clean(name, NameMaxLength, "Tên chỉ tiêu", "indicators")
            ?? throw new DomainException("required", "Chỉ tiêu cần có tên.", "indicators");
        Update(unit, target);
    }

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Unit { get; private set; }
    public decimal? Target { get; private set; }
    public decimal? Actual { get; internal set; }

    public void Update(string? unit, decimal? target)
    {
        if (target < 0) throw new DomainException("negative", $"Chỉ tiêu \"{Name}\": giá trị mục tiêu không được âm.", "indicators");
        Unit = Assignment.Clean(unit, UnitMaxLength, "Đơn vị tính", "indicators");
        Target = target;
    }

    /// <summary>Indicators of the same name and unit are one measure across cascaded tasks (compared without diacritics or case).</summary>
    public string Key => VietnameseText.Fold($"{Name}|{Unit}");
}

/// <summary>An indicator's actual value as a progress report gave it.</summary>
public sealed class IndicatorActual
{
    private IndicatorActual() { }

    public IndicatorActual(Guid reportId, Guid indicatorId, decimal value)
    {
        ReportId = reportId;
        IndicatorId = indicatorId;
        Value = value;
    }

    public Guid ReportId { get; private set; }
    public Guid IndicatorId { get; private set; }
    public decimal Value { get; private set; }
}
