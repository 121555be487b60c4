namespace Resolute.Web.Infrastructure;

/// <summary>Vietnam keeps UTC+7 all year: dates the user sees and deadlines are judged in it, whatever the server's zone.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset).DateTime);
}
