using System.Text.RegularExpressions;
using Resolute.Web.Infrastructure.Localization;

namespace Resolute.Tests.Infrastructure.Localization;

/// <summary>Every Vietnamese UI string passed to T(…) in the app has its English, so the English UI has no Vietnamese holes.</summary>
public class EnglishTests
{
    [Fact]
    public void EveryTranslatedString_HasEnglish()
    {
        var features = Path.Combine(Repository.Root, "src", "Resolute.Web");
        var missing = new SortedSet<string>();
        foreach (var file in Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cshtml") || f.EndsWith(".cs")) && !f.Contains("/bin/") && !f.Contains("/obj/")))
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"\bT\(""([^""]+)""\)"))
                if (!Text.English.ContainsKey(m.Groups[1].Value))
                    missing.Add(m.Groups[1].Value);
        Assert.True(missing.Count == 0, "Missing English for: " + string.Join(" | ", missing));
    }
}
