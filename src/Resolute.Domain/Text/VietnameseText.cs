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

    /// <summary>
    /// The stored form of any text: control characters removed (NUL, bare CR and their kin: they break exports,
    /// calendars and other systems), line breaks as \n, unpaired surrogate halves replaced, then NFC.
    /// </summary>
    public static string Normalize(string text)
    {
        var clean = StripControls(text);
        return clean.IsNormalized(NormalizationForm.FormC) ? clean : clean.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Removes C0 and C1 control characters except tab and line feed, turns CR LF and a bare CR into LF, and replaces
    /// an unpaired surrogate half (which no database or file can store as UTF-8) with U+FFFD. Returns the same string
    /// when there is nothing to change.
    /// </summary>
    public static string StripControls(string text)
    {
        var dirty = false;
        for (var i = 0; i < text.Length && !dirty; i++)
        {
            var c = text[i];
            if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F)) dirty = true;
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else dirty = true;
            }
            else if (char.IsLowSurrogate(c)) dirty = true;
        }
        if (!dirty) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F)) continue;
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) sb.Append(c).Append(text[++i]);
                else sb.Append('\uFFFD');
            }
            else if (char.IsLowSurrogate(c)) sb.Append('\uFFFD');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Lower case, no diacritics, đ→d, white space collapsed: the form both the index and the query use.</summary>
    public static string Fold(string text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = StripControls(text).Normalize(NormalizationForm.FormD);
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
