namespace Resolute.Web.Data;

/// <summary>A user's calendar feed key; only its SHA-256 is kept, so a leaked database does not leak feeds.</summary>
public sealed class CalendarKey
{
    public Guid UserId { get; set; }
    public string KeyHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
