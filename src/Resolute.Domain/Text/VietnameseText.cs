using System.Globalization;
using System.Text;

namespace Resolute.Domain.Text;

/// <summary>
/// Vietnamese text rules (RULES.md §8): store in NFC, sort with vi-VN, search on a folded form
/// with tone marks removed and đ/Đ (and their look-alikes) turned into d.
/// </summary>
public static class VietnameseText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>vi-VN order: a ă â b c d đ e ê … Ordinal and invariant orders are wrong for Vietnamese.</summary>
    public static readonly StringComparer Comparer = StringComparer.Create(Culture, CompareOptions.None);

    public static string Normalize(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>Lower case, no diacritics, đ→d, white space collapsed: the form both the index and the query use.</summary>
    public static string Fold(string text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = ch switch
            {
                // NFD does not decompose đ; U+00D0, U+00F0 and U+0189 are look-alikes typed by some keyboards.
                'đ' or 'Đ' or '\u00D0' or '\u00F0' or '\u0189' => 'd',
                _ => char.ToLowerInvariant(ch),
            };
            if (char.IsWhiteSpace(c))
            {
                if (lastWasSpace) continue;
                c = ' ';
                lastWasSpace = true;
            }
            else lastWasSpace = false;
            sb.Append(c);
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>An ASCII code fragment from a name: "Hoàn Kiếm" → "HOANKIEM".</summary>
    public static string CodeFragment(string name)
    {
        var folded = Fold(name);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToUpperInvariant(c));
        return sb.ToString();
    }
}
