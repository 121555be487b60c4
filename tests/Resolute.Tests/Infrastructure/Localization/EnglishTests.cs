using System.Text.RegularExpressions;
using Resolute.Web.Infrastructure.Localization;

namespace Resolute.Tests.Infrastructure.Localization;

/// <summary>Every Vietnamese UI string passed to T(…) in the app has its English, so the English UI has no Vietnamese holes.</summary>
public class EnglishTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Resolute.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public void EveryTranslatedString_HasEnglish()
    {
        var features = Path.Combine(RepoRoot(), "src", "Resolute.Web");
        var missing = new SortedSet<string>();
        foreach (var file in Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cshtml") || f.EndsWith(".cs")) && !f.Contains("/bin/") && !f.Contains("/obj/")))
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"\bT\(""([^""]+)""\)"))
                if (!Text.English.ContainsKey(m.Groups[1].Value))
                    missing.Add(m.Groups[1].Value);
        Assert.True(missing.Count == 0, "Missing English for: " + string.Join(" | ", missing));
    }
}
