using System.Text;
using CsCheck;
using Resolute.Domain.Documents;
using Xunit.Abstractions;

namespace Resolute.Tests.Domain.Documents;

public class ReferenceParserTests(ITestOutputHelper output)
{
    public static TheoryData<int> SampleIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < ReferenceSamples.References.Length; i++) data.Add(i);
        return data;
    }

    public static TheoryData<string> LookAlikes() => [.. ReferenceSamples.LookAlikes];

    [Theory]
    [MemberData(nameof(SampleIndexes))]
    public void Find_RealisticCitation_ReadsSymbolsDateAndTypeWord(int index)
    {
        var sample = ReferenceSamples.References[index];
        var found = ReferenceParser.Find(sample.Text);
        Assert.Equal(sample.Symbols, found.Select(r => r.Symbol).ToArray());
        if (found.Count == 0) return;
        Assert.Equal(sample.Date, found[0].Date?.ToString("yyyy-MM-dd"));
        Assert.Equal(sample.TypeWord, found[0].TypeWord);
        Assert.All(found, r => Assert.Equal(r.Raw, sample.Text.Substring(r.Start, r.Length)));
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Find_LookAlike_FindsNothing(string text) => Assert.Empty(ReferenceParser.Find(text));

    [Fact]
    public void Accuracy_OnTheSampleSet_IsMeasured()
    {
        int expected = 0, correct = 0, spurious = 0;
        foreach (var s in ReferenceSamples.References)
        {
            var found = ReferenceParser.Find(s.Text).Select(r => r.Symbol).ToList();
            expected += s.Symbols.Length;
            correct += s.Symbols.Count(found.Contains);
            spurious += found.Count(f => !s.Symbols.Contains(f));
        }
        var lookAlikeHits = ReferenceSamples.LookAlikes.Sum(t => ReferenceParser.Find(t).Count);
        output.WriteLine($"references: {correct}/{expected} found; spurious: {spurious}; look-alikes mistaken: {lookAlikeHits}/{ReferenceSamples.LookAlikes.Length}");
        Assert.True(expected >= 100 && ReferenceSamples.LookAlikes.Length >= 30);
        Assert.Equal(expected, correct);
        Assert.Equal(0, spurious + lookAlikeHits);
    }

    [Fact]
    public void Find_ReadsStateNumberParts()
    {
        var r = Assert.Single(ReferenceParser.Find("theo Nghị định số 30/2020/NĐ-CP ngày 5/3/2020"));
        Assert.Equal(DocumentSystem.State, r.System);
        Assert.Equal("NĐ", r.Abbreviation);
        Assert.Equal("CP", r.Issuer);
        Assert.Equal(2020, r.Year);
        Assert.Equal("30", r.Number);

        var letter = Assert.Single(ReferenceParser.Find("Công văn số 123/UBND-VP"));
        Assert.Null(letter.Abbreviation);
        Assert.Equal("UBND-VP", letter.Issuer);
    }

    [Fact]
    public void Find_DecomposedText_GivesOffsetsIntoTheTextAsGiven()
    {
        var text = "Thực hiện Nghị quyết số 15-NQ/TƯ ngày 30/7/2007".Normalize(NormalizationForm.FormD);
        var r = Assert.Single(ReferenceParser.Find(text));
        Assert.Equal("15-NQ/TW", r.Symbol);
        Assert.Equal(r.Raw, text.Substring(r.Start, r.Length));
        Assert.Equal("nghị quyết", r.TypeWord);
    }

    private static readonly string[] PartyAbbr = ["NQ", "CT", "KL", "QĐ", "QC", "HD", "TB", "BC", "KH", "CTr", "ĐA", "TTr"];
    private static readonly string[] PartyIssuers = ["TW", "TU", "ĐU", "VPTW", "BTCTW", "HU", "QU"];

    [Fact]
    public void Find_GeneratedPartyCitations_RoundTrip()
    {
        var gen = Gen.Select(Gen.Int[1, 999], Gen.Int[0, PartyAbbr.Length - 1], Gen.Int[0, PartyIssuers.Length - 1], Gen.Date[new DateTime(1990, 1, 1), new DateTime(2030, 12, 31)]);
        gen.Sample((n, a, i, d) =>
        {
            var symbol = $"{n:00}-{PartyAbbr[a]}/{PartyIssuers[i]}";
            var text = $"Căn cứ văn bản số {symbol} ngày {d.Day}/{d.Month}/{d.Year} của cấp ủy, ";
            var r = ReferenceParser.Find(text);
            return r.Count == 1 && r[0].Symbol == symbol && r[0].Date == DateOnly.FromDateTime(d);
        }, iter: 500);
    }

    [Fact]
    public void Find_GeneratedNumbersDatesAndPeriods_AreNeverReferences()
    {
        var gen = Gen.OneOf(
            Gen.Select(Gen.Int[1, 31], Gen.Int[1, 12], Gen.Int[1945, 2030]).Select((d, m, y) => $"ngày {d}/{m}/{y}"),
            Gen.Select(Gen.Int[1990, 2030], Gen.Int[1, 10]).Select((y, k) => $"giai đoạn {y}-{y + k}"),
            Gen.Select(Gen.Int[1, 4], Gen.Int[2000, 2030]).Select((q, y) => $"quý {new[] { "I", "II", "III", "IV" }[q - 1]}/{y}"),
            Gen.Int[0, 99_999_999].Select(p => $"điện thoại 0{p:000 000 000}"),
            Gen.Select(Gen.Int[0, 100], Gen.Int[0, 99]).Select((a, b) => $"đạt {a},{b}%"),
            Gen.Int[1, 200].Select(k => $"Điều {k}, khoản {k % 7 + 1}"));
        gen.Sample(text => ReferenceParser.Find(text).Count == 0, iter: 1000);
    }

    [Fact]
    public void Find_ArbitraryText_NeverThrowsAndKeepsOffsetsInside()
    {
        Gen.String[Gen.Char["0123456789-/–⁄ .,NQTWKHĐđsốngàytháng\n"], 0, 80].Sample(text =>
            ReferenceParser.Find(text).All(r => r.Start >= 0 && r.Start + r.Length <= text.Length && text.Substring(r.Start, r.Length) == r.Raw),
            iter: 2000);
    }
}
