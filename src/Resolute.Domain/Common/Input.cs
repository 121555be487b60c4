using Resolute.Domain.Text;

namespace Resolute.Domain.Common;

/// <summary>What every free-text field goes through: normalised to NFC, trimmed, empty as null, refused when too long.</summary>
public static class Input
{
    public static string? Clean(string? value, int max, string label, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = VietnameseText.Normalize(value).Trim();
        if (v.Length > max) throw new DomainException("too-long", $"{label} không được dài quá {max:N0} ký tự.", field);
        return v;
    }
}
