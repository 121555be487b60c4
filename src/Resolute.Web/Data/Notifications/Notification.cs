using Resolute.Domain.Common;

namespace Resolute.Web.Data;

public enum EmailState { None = 0, Pending = 1, Sending = 2, Sent = 3, Failed = 4 }

/// <summary>
/// An in-app notification to one user, and the outbox row of its e-mail: an instance sends it only after claiming it
/// with a conditional update (Pending → Sending), so with several instances one sends and none twice.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Ids.New();
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public string? Url { get; set; }
    public Guid? AssignmentId { get; set; }
    public DateTime? ReadAt { get; set; }
    public string? EmailTo { get; set; }
    public EmailState EmailState { get; set; }
    public int EmailAttempts { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

/// <summary>
/// That a reminder of one kind for one due date of one task has been issued. Its key is unique, so when several
/// instances run the reminder job at once, exactly one inserts the claim and notifies.
/// </summary>
public sealed class ReminderClaim
{
    public Guid AssignmentId { get; set; }
    public string Kind { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateTime ClaimedAt { get; set; }
}
