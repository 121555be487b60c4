using System.Text.RegularExpressions;

namespace Resolute.Tests.Infrastructure;

/// <summary>
/// ADR-012: Data/ and Infrastructure/ are what features build on, so they never name a feature. A feature's rows and
/// their mapping live in Data/, its rules in Domain/ and Features/. Checked on the source text, fully qualified names
/// included (a `using` check alone would miss `Features.Reviews.OutlineJson`).
/// </summary>
public class LayeringTests
{
    [Fact]
    public void DataAndInfrastructure_NeverNameAFeature()
    {
        var web = Path.Combine(Repository.Root, "src", "Resolute.Web");
        var features = Directory.GetDirectories(Path.Combine(web, "Features")).Select(Path.GetFileName).ToList();
        Assert.Contains("Assignments", features);
        // "Features." followed by a feature folder's name, or the namespace itself; HttpContext.Features is not one.
        var pattern = new Regex(@"Resolute\.Web\.Features|\bFeatures\.(" + string.Join("|", features) + @")\b");
        var offenders = new List<string>();
        foreach (var folder in new[] { "Data", "Infrastructure" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(web, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}")) continue;
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                    if (pattern.IsMatch(lines[i]))
                        offenders.Add($"{Path.GetRelativePath(web, file)}:{i + 1}: {lines[i].Trim()}");
            }
        Assert.True(offenders.Count == 0, "Data/ and Infrastructure/ name features:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheDomain_ReferencesNoPackage()
    {
        var project = File.ReadAllText(Path.Combine(Repository.Root, "src", "Resolute.Domain", "Resolute.Domain.csproj"));
        Assert.DoesNotContain("PackageReference", project);
        Assert.DoesNotContain("ProjectReference", project);
    }
}
