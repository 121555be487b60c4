namespace Resolute.Web.Features.Demo;

/// <summary>
/// <c>Demo:Enabled</c> seeds the Hà Nội demo into an empty database and shows the demo banner;
/// <c>Demo:Password</c> sets (and on each start resets) the demo accounts' password, otherwise a random one is printed.
/// </summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; } = true;
    public string? Password { get; set; }
}
