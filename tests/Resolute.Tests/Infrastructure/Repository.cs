namespace Resolute.Tests.Infrastructure;

/// <summary>The checkout the tests run from, for tests that read the source or write into docs/.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Resolute.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Resolute.slnx) was not found.");
    }
}
