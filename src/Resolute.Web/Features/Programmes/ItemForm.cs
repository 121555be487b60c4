using System.ComponentModel.DataAnnotations;
using Resolute.Domain.Documents;
using Resolute.Domain.Programmes;

namespace Resolute.Web.Features.Programmes;

/// <summary>A page that shows the item form: what the form needs to offer its choices.</summary>
public interface IItemFormPage
{
    ItemForm Item { get; }
    ProgrammeView Programme { get; }
    List<(Guid Id, string Name, string Title)> Members { get; }
    List<DocumentType> Types { get; }
}

/// <summary>An item as the pages' form posts it (shared by adding on the programme page and editing on the item page).</summary>
public sealed class ItemForm
{
    [StringLength(ProgrammeItem.ContentMaxLength, ErrorMessage = "Nội dung không được dài quá {1} ký tự.")]
    public string? Content { get; set; }
    public Guid? ContentTypeId { get; set; }
    public string? SourceSymbol { get; set; }
    [StringLength(ProgrammeItem.SourceNoteMaxLength, ErrorMessage = "Căn cứ không được dài quá {1} ký tự.")]
    public string? SourceNote { get; set; }
    public string? PreparingUnitCode { get; set; }
    /// <summary>Codes separated by commas.</summary>
    public string? CoordinatorCodes { get; set; }
    public Guid? MemberInChargeId { get; set; }
    public ProgrammeForum? Forum { get; set; }
    /// <summary>"2026-04", as an input of type month posts it.</summary>
    [RegularExpression(@"^\d{4}-\d{2}$", ErrorMessage = "Tháng cần có dạng năm-tháng, ví dụ 2026-04.")]
    public string? Month { get; set; }
    public bool ByQuarter { get; set; }
    public Secrecy Secrecy { get; set; }
    [StringLength(WorkProgramme.DecisionMaxLength, ErrorMessage = "Quyết định không được dài quá {1} ký tự.")]
    public string? Decision { get; set; }
    [StringLength(WorkProgramme.ReasonMaxLength, ErrorMessage = "Lý do không được dài quá {1} ký tự.")]
    public string? Reason { get; set; }

    public static DateOnly? MonthOf(string? month) =>
        month is { Length: 7 } m && int.TryParse(m[..4], out var y) && int.TryParse(m[5..], out var n) && n is >= 1 and <= 12 && y is >= 1900 and <= 2999
            ? new DateOnly(y, n, 1) : null;

    public ItemFields ToFields() => new()
    {
        Content = Content,
        ContentTypeId = ContentTypeId,
        SourceSymbol = SourceSymbol,
        SourceNote = SourceNote,
        PreparingUnitCode = PreparingUnitCode,
        CoordinatorCodes = (CoordinatorCodes ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        MemberInChargeId = MemberInChargeId,
        Forum = Forum,
        DueMonth = MonthOf(Month),
        ByQuarter = ByQuarter,
        Secrecy = Secrecy,
    };

    public static readonly (string Field, string Input)[] FieldMap =
    [
        ("content", "Item.Content"), ("preparingUnitId", "Item.PreparingUnitCode"), ("coordinatorIds", "Item.CoordinatorCodes"),
        ("memberInChargeId", "Item.MemberInChargeId"), ("forum", "Item.Forum"), ("dueMonth", "Item.Month"), ("sourceDocumentId", "Item.SourceSymbol"),
        ("decision", "Item.Decision"), ("reason", "Item.Reason"), ("contentTypeId", "Item.ContentTypeId"), ("secrecy", "Item.Secrecy"),
    ];
}
