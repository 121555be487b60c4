using Resolute.Domain.Common;
using Resolute.Domain.Text;

namespace Resolute.Domain.People;

/// <summary>An official (cán bộ, công chức). One person may hold several positions at once (kiêm nhiệm).</summary>
public sealed class Person
{
    public const int NameMaxLength = 120;

    private Person() { }

    public Person(string fullName, string? email = null, string? phone = null)
    {
        Id = Ids.New();
        Update(fullName, email, phone);
    }

    public Guid Id { get; private set; }
    public string FullName { get; private set; } = "";
    public string SearchText { get; private set; } = "";
    public string? Email { get; private set; }
    public string? Phone { get; private set; }

    public void Update(string fullName, string? email, string? phone)
    {
        var name = VietnameseText.Normalize(fullName ?? "").Trim();
        if (name.Length == 0) throw new DomainException("required", "Họ và tên không được để trống.");
        if (name.Length > NameMaxLength) throw new DomainException("too-long", $"Họ và tên không được dài quá {NameMaxLength} ký tự.");
        FullName = name;
        SearchText = VietnameseText.Fold(name);
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
    }
}
