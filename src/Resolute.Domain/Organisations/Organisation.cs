using Resolute.Domain.Common;

namespace Resolute.Domain.Organisations;

/// <summary>
/// A unit of the political system. Units are never deleted: a dissolved or merged unit keeps its
/// history, gets a <see cref="ValidTo"/> date and names its <see cref="SuccessorId"/> (RULES.md §6).
/// The position in the tree is <see cref="ParentId"/>; the closure table kept beside it answers
/// "this unit and everything below it" (see docs/decisions/ADR-003).
/// </summary>
public sealed class Organisation
{
    public const int CodeMaxLength = 40;
    public const int ShortNameMaxLength = 120;
    public const int FullNameMaxLength = 300;

    private Organisation() { }

    public Organisation(string code, string shortName, string fullName, OrganisationKind kind,
        OrganisationLevel level, Guid? parentId, DateOnly validFrom)
    {
        Id = Ids.New();
        Kind = kind;
        Level = level;
        ParentId = parentId;
        ValidFrom = validFrom;
        Rename(code, shortName, fullName);
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string ShortName { get; private set; } = "";
    public string FullName { get; private set; } = "";
    /// <summary>Folded (no diacritics, đ→d, lower case) names and code, for diacritic-insensitive search.</summary>
    public string SearchText { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    public OrganisationLevel Level { get; private set; }
    public Guid? ParentId { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public Guid? SuccessorId { get; private set; }
    public string? EndReason { get; private set; }

    public bool IsActiveOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    public bool IsEnded => ValidTo is not null;

    public void Rename(string code, string shortName, string fullName)
    {
        Code = Require(code, CodeMaxLength, "code", "Mã đơn vị").ToUpperInvariant();
        ShortName = Require(shortName, ShortNameMaxLength, "shortName", "Tên ngắn");
        FullName = Require(fullName, FullNameMaxLength, "fullName", "Tên đầy đủ");
        SearchText = Text.VietnameseText.Fold($"{Code} {ShortName} {FullName}");
    }

    public void Reclassify(OrganisationKind kind, OrganisationLevel level, DateOnly validFrom)
    {
        if (ValidTo is { } end && validFrom > end)
            throw new DomainException("valid-from-after-valid-to", "Ngày thành lập không được sau ngày kết thúc hoạt động.", "validFrom");
        Kind = kind;
        Level = level;
        ValidFrom = validFrom;
    }

    /// <summary>Moves the unit under a new parent. The caller has checked with <see cref="OrganisationTree"/> that no cycle results.</summary>
    internal void SetParent(Guid? parentId) => ParentId = parentId;

    /// <summary>Ends the unit's life on <paramref name="on"/>. A successor receives its open work (RULES.md §6).</summary>
    public void Dissolve(DateOnly on, Organisation? successor, string reason)
    {
        if (IsEnded)
            throw new DomainException("already-ended", $"Đơn vị {ShortName} đã kết thúc hoạt động từ ngày {ValidTo:dd/MM/yyyy}.");
        if (on < ValidFrom)
            throw new DomainException("end-before-start", "Ngày kết thúc hoạt động không được trước ngày thành lập.", "on");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("reason-required", "Cần ghi rõ lý do (căn cứ quyết định giải thể, sáp nhập).", "reason");
        if (successor is not null)
        {
            if (successor.Id == Id)
                throw new DomainException("successor-self", "Đơn vị kế thừa không thể là chính đơn vị này.", "successorId");
            if (successor.IsEnded)
                throw new DomainException("successor-ended", $"Đơn vị kế thừa {successor.ShortName} đã kết thúc hoạt động.", "successorId");
        }
        ValidTo = on;
        SuccessorId = successor?.Id;
        EndReason = reason.Trim();
    }

    private static string Require(string value, int max, string field, string label)
    {
        var v = Text.VietnameseText.Normalize(value ?? "").Trim();
        if (v.Length == 0)
            throw new DomainException("required", $"{label} không được để trống.", field);
        if (v.Length > max)
            throw new DomainException("too-long", $"{label} không được dài quá {max} ký tự.", field);
        return v;
    }
}
