using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Resolute.Domain.Text;

namespace Resolute.Domain.Documents;

/// <summary>A document number and symbol found in text (RULES.md §4), with its offsets in the text it came from.</summary>
public sealed record DocumentReference(
    string Raw, int Start, int Length, DocumentSystem System, string? TypeWord, string? Abbreviation, string Number,
    string Symbol, string Issuer, int? Year, DateOnly? Date);

/// <summary>
/// Reads Party numbers (<c>15-NQ/TW</c>, <c>120-KH/TU</c>) and state numbers (<c>30/2020/NĐ-CP</c>, <c>15/QĐ-UBND</c>,
/// <c>123/UBND-VP</c>) and finds them in free text, with the type word before them and the date after them.
/// Real text is noisy: spaces inside symbols, en dashes, look-alike slashes, line breaks, "số" glued to the number,
/// TƯ for TW, mixed case. Dates, periods, phone numbers, article numbers and "COVID-19" are not references.
/// </summary>
public static partial class ReferenceParser
{
    private static readonly string[] PartyAbbreviations =
        ["NQ", "CT", "KL", "QĐ", "QĐi", "QC", "HD", "TT", "TB", "TBKL", "BC", "KH", "CTr", "ĐA", "PA", "TTr", "CV", "BB", "QyĐ", "HDLT", "QĐ-TW"];

    private static readonly string[] StateAbbreviations =
        ["NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ", "CĐ", "GM", "GGT", "NĐ", "TT", "TTLT", "NQLT", "PL", "L", "SL", "UBTVQH", "QH"];

    /// <summary>Type words, longest first so that "Thông báo kết luận" wins over "Thông báo".</summary>
    private static readonly string[] TypeWords =
    [
        "chương trình hành động", "quy chế làm việc", "thông báo kết luận", "thông tư liên tịch", "nghị quyết liên tịch", "quy chế phối hợp",
        "nghị quyết", "chỉ thị", "kết luận", "quyết định", "quy định", "quy chế", "hướng dẫn", "thông tri", "thông báo", "thông cáo",
        "báo cáo", "kế hoạch", "chương trình", "đề án", "phương án", "dự án", "tờ trình", "công văn", "biên bản", "nghị định",
        "thông tư", "công điện", "giấy mời", "luật", "pháp lệnh", "hiến pháp",
    ];

    // One character class per noisy family, so the patterns stay readable.
    private const string Dash = @"\s*-\s*";
    private const string Slash = @"\s*/\s*";
    private const string Letters = @"[A-Za-zĐđƯưƠơÂâĂăÊêÔô]";

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}/.-])(?:(?<so>[Ss][ốỐ]\s*)(?=\d))?(?<num>\d{1,4})" + Dash + @"(?<abbr>" + Letters + @"{1,5})" + Slash +
        @"(?<iss>" + Letters + @"{1,12}(?:-" + Letters + @"{1,12})?)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex PartyPattern();

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}/.-])(?:(?<so>[Ss][ốỐ]\s*)(?=\d))?(?<num>\d{1,5})" + Slash + @"(?<year>(?:19|20)\d{2})" + Slash +
        @"(?<abbr>" + Letters + @"{1,6})\s*(?<sep>[-/])\s*(?<iss>" + Letters + @"{1,12}(?:-" + Letters + @"{1,12})*)(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant)]
    private static partial Regex StateNormativePattern();

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}/.-])(?:(?<so>[Ss][ốỐ]\s*)(?=\d))?(?<num>\d{1,5})" + Slash + @"(?<first>" + Letters + @"{1,10})" + Dash +
        @"(?<rest>" + Letters + @"[A-Za-zĐđƯưƠơÂâĂăÊêÔô0-9]{0,11}(?:-" + Letters + @"[A-Za-zĐđƯưƠơÂâĂăÊêÔô0-9]{0,11})*)(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant)]
    private static partial Regex StateIndividualPattern();

    /// <summary>Laws and National Assembly resolutions: "117/2025/QH15".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}/.-])(?:(?<so>[Ss][ốỐ]\s*)(?=\d))?(?<num>\d{1,4})\s*/\s*(?<year>(?:19|20)\d{2})\s*/\s*(?<iss>QH\d{1,2}|UBTVQH\d{1,2})(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant)]
    private static partial Regex LawPattern();

    [GeneratedRegex(@"^\s*,?\s*(?:ban hành\s+)?ngày\s+(?:(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})\s*[/.-]\s*(?<y>\d{4})|(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4}))",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DateAfter();

    /// <summary>Every reference in <paramref name="text"/>, in order of appearance; offsets refer to the text as given.</summary>
    public static IReadOnlyList<DocumentReference> Find(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var (clean, map) = Prepare(text);
        var found = new List<DocumentReference>();
        var taken = new List<(int Start, int End)>();

        // State normative numbers first: "30/2020/NĐ-CP" must not be read as the individual form "2020/NĐ-CP".
        foreach (Match m in StateNormativePattern().Matches(clean))
            if (Canonical(m.Groups["abbr"].Value, StateAbbreviations) is { } abbr)
                Add(m, DocumentSystem.State, abbr, m.Groups["iss"].Value, Year(m),
                    $"{Num(m)}/{m.Groups["year"].Value}/{abbr}{m.Groups["sep"].Value}{m.Groups["iss"].Value}");

        foreach (Match m in LawPattern().Matches(clean))
            Add(m, DocumentSystem.State, null, m.Groups["iss"].Value, Year(m), $"{Num(m)}/{m.Groups["year"].Value}/{m.Groups["iss"].Value}");

        foreach (Match m in PartyPattern().Matches(clean))
        {
            if (Canonical(m.Groups["abbr"].Value, PartyAbbreviations) is not { } abbr) continue;
            var issuer = Upper(m.Groups["iss"].Value).Replace("TƯ", "TW");
            Add(m, DocumentSystem.Party, abbr, issuer, null, $"{Num(m)}-{abbr}/{issuer}");
        }

        foreach (Match m in StateIndividualPattern().Matches(clean))
        {
            var first = m.Groups["first"].Value;
            var rest = m.Groups["rest"].Value;
            if (Canonical(first, StateAbbreviations) is { } abbr)
                Add(m, DocumentSystem.State, abbr, rest, null, $"{Num(m)}/{abbr}-{rest}");
            else if (first.Length >= 2 && first.All(c => !char.IsLetter(c) || char.IsUpper(c)))
                // An official letter (công văn): number / issuer - drafting department, no type abbreviation.
                Add(m, DocumentSystem.State, null, $"{first}-{rest}", null, $"{Num(m)}/{first}-{rest}");
        }

        return found.OrderBy(r => r.Start).ToList();

        void Add(Match m, DocumentSystem system, string? abbr, string issuer, int? year, string symbol)
        {
            var start = m.Groups["num"].Index;
            var end = m.Index + m.Length;
            if (taken.Any(t => start < t.End && end > t.Start)) return;
            taken.Add((start, end));
            var date = ReadDate(clean, end);
            var origStart = map[start];
            var origEnd = map[end];
            var raw = text[origStart..origEnd];
            found.Add(new DocumentReference(raw, origStart, origEnd - origStart, system, TypeWordBefore(clean, m.Index), abbr,
                m.Groups["num"].Value, symbol, issuer, year ?? date?.Year, date));
        }
    }

    /// <summary>Parses a lone number and symbol such as "15-NQ/TW" or "30/2020/NĐ-CP"; null when it is not one.</summary>
    public static DocumentReference? Parse(string symbol)
    {
        var all = Find(symbol ?? "");
        return all.Count == 1 && all[0].Raw.Trim().Length >= (symbol ?? "").Trim().Length - 3 ? all[0] : null;
    }

    private static string Num(Match m) => m.Groups["num"].Value;

    private static int Year(Match m) => int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);

    private static string Upper(string s) => s.ToUpper(VietnameseText.Culture);

    private static string? Canonical(string abbr, string[] known) =>
        known.FirstOrDefault(k => string.Equals(k, abbr, StringComparison.Ordinal))
        ?? known.FirstOrDefault(k => string.Equals(k, abbr, StringComparison.OrdinalIgnoreCase));

    private static DateOnly? ReadDate(string clean, int end)
    {
        var tail = clean.Length - end > 60 ? clean.Substring(end, 60) : clean[end..];
        var m = DateAfter().Match(tail);
        if (!m.Success) return null;
        var (d, mo, y) = (int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture));
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    private static string? TypeWordBefore(string clean, int index)
    {
        var start = Math.Max(0, index - 40);
        var before = clean[start..index].TrimEnd().ToLower(VietnameseText.Culture);
        if (before.EndsWith("số", StringComparison.Ordinal)) before = before[..^2].TrimEnd();
        foreach (var w in TypeWords)
            if (before.EndsWith(w, StringComparison.Ordinal) && (before.Length == w.Length || !char.IsLetter(before[^(w.Length + 1)])))
                return w;
        return null;
    }

    /// <summary>
    /// NFC text with look-alikes made plain (dashes, slashes, spaces, line breaks), and for each of its characters
    /// the offset of the character in the original it came from.
    /// </summary>
    private static (string Clean, int[] Map) Prepare(string text)
    {
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        var i = 0;
        while (i < text.Length)
        {
            // A base character and its combining marks normalise together; a character outside the Basic Multilingual
            // Plane is its surrogate pair, never half of it; an unpaired half is kept as it is (it cannot be normalised).
            var j = i + (char.IsSurrogatePair(text, i) ? 2 : 1);
            while (j < text.Length && CharUnicodeInfo.GetUnicodeCategory(text, j) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                j += char.IsSurrogatePair(text, j) ? 2 : 1;
            var cluster = text[i..j];
            var nfc = cluster.Any(char.IsSurrogate) && VietnameseText.StripControls(cluster) != cluster ? cluster
                : cluster.IsNormalized(NormalizationForm.FormC) ? cluster : cluster.Normalize(NormalizationForm.FormC);
            foreach (var ch in nfc)
            {
                sb.Append(ch switch
                {
                    '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                    '\u2044' or '\u2215' or '\uFF0F' => '/',
                    '\u00A0' or '\u2009' or '\u202F' or '\r' or '\n' or '\t' => ' ',
                    _ => ch,
                });
                map.Add(i);
            }
            i = j;
        }
        map.Add(text.Length);
        return (sb.ToString(), map.ToArray());
    }
}
