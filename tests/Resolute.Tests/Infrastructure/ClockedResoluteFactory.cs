using Microsoft.Extensions.Time.Testing;

namespace Resolute.Tests.Infrastructure;

/// <summary>The app on its own database with a clock the tests move (task status and reminders are judged against it).</summary>
public sealed class ClockedResoluteFactory : ResoluteFactory
{
    public ClockedResoluteFactory()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
    }

    public FakeTimeProvider Time => Clock!;

    /// <summary>Today in Vietnam by the fake clock.</summary>
    public DateOnly Today => Resolute.Web.Infrastructure.VietnamTime.Today(Time);
}
