using System.ComponentModel.DataAnnotations;
using Resolute.Domain.Organisations;

namespace Resolute.Web.Features.Organisations;

/// <summary>The fields a unit is created and edited with.</summary>
public sealed class UnitForm
{
    [Required(ErrorMessage = "Mã đơn vị không được để trống."), StringLength(Organisation.CodeMaxLength, ErrorMessage = "Mã đơn vị không được dài quá {1} ký tự.")]
    [RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9\-\.]*$", ErrorMessage = "Mã đơn vị chỉ gồm chữ không dấu, số, dấu gạch ngang và dấu chấm.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Tên ngắn không được để trống."), StringLength(Organisation.ShortNameMaxLength, ErrorMessage = "Tên ngắn không được dài quá {1} ký tự.")]
    public string ShortName { get; set; } = "";

    [StringLength(Organisation.FullNameMaxLength, ErrorMessage = "Tên đầy đủ không được dài quá {1} ký tự.")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Cần chọn loại đơn vị.")]
    public OrganisationKind? Kind { get; set; }

    [Required(ErrorMessage = "Cần chọn cấp đơn vị.")]
    public OrganisationLevel? Level { get; set; }

    public string? ParentCode { get; set; }

    [Required(ErrorMessage = "Cần nhập ngày bắt đầu hoạt động.")]
    public DateOnly? ValidFrom { get; set; }
}
