using Resolute.Domain.Common;
using Resolute.Domain.Text;

namespace Resolute.Domain.People;

/// <summary>
/// A post a person holds in a unit (chức vụ), e.g. "Bí thư Đảng ủy". A person's second post at the same time
/// is a concurrent post (kiêm nhiệm); positions end rather than disappear so the history stays.
/// </summary>
public sealed class Position
{
    public const int TitleMaxLength = 150;

    private Position() { }

    public Position(Guid personId, Guid organisationId, string title, bool isLeader, bool isConcurrent, DateOnly startsOn)
    {
        var t = VietnameseText.Normalize(title ?? "").Trim();
        if (t.Length == 0) throw new DomainException("required", "Chức vụ không được để trống.");
        if (t.Length > TitleMaxLength) throw new DomainException("too-long", $"Chức vụ không được dài quá {TitleMaxLength} ký tự.");
        Id = Ids.New();
        PersonId = personId;
        OrganisationId = organisationId;
        Title = t;
        IsLeader = isLeader;
        IsConcurrent = isConcurrent;
        StartsOn = startsOn;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>A leader of the unit (head or deputy), who can be named as the responsible leader of a task.</summary>
    public bool IsLeader { get; private set; }
    public bool IsConcurrent { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }

    public bool IsCurrentOn(DateOnly day) => StartsOn <= day && (EndsOn is null || day <= EndsOn);

    public void End(DateOnly on)
    {
        if (EndsOn is not null) throw new DomainException("already-ended", "Chức vụ này đã kết thúc.");
        if (on < StartsOn) throw new DomainException("end-before-start", "Ngày thôi giữ chức vụ không được trước ngày bắt đầu.");
        EndsOn = on;
    }
}
