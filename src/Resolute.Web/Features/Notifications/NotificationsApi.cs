using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Notifications;

public static class NotificationsApi
{
    public sealed record NotificationDto(Guid Id, DateTime CreatedAt, string Kind, string Title, string? Url, Guid? AssignmentId, bool Read);
    public sealed record ListDto(int Unread, IReadOnlyList<NotificationDto> Items);

    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Notifications");
        g.MapGet("", List).WithSummary("The caller's notifications, newest first, with the unread count.");
        g.MapPost("/{id:guid}/read", Read);
        g.MapPost("/read-all", ReadAll);
    }

    /// <summary>The notifications filter shows each user only their own.</summary>
    public static async Task<ListDto> LoadAsync(ResoluteDbContext db, int take, CancellationToken ct) => new(
        await db.Notifications.CountAsync(n => n.ReadAt == null, ct),
        await db.Notifications.AsNoTracking().OrderByDescending(n => n.CreatedAt).Take(take)
            .Select(n => new NotificationDto(n.Id, n.CreatedAt, n.Kind, n.Title, n.Url, n.AssignmentId, n.ReadAt != null)).ToListAsync(ct));

    private static async Task<Ok<ListDto>> List(ResoluteDbContext db, CancellationToken ct) => TypedResults.Ok(await LoadAsync(db, 100, ct));

    public static async Task<bool> MarkReadAsync(ResoluteDbContext db, Guid? id, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var list = await db.Notifications.Where(n => n.ReadAt == null && (id == null || n.Id == id)).ToListAsync(ct);
        if (id is not null && list.Count == 0 && !await db.Notifications.AnyAsync(n => n.Id == id, ct)) return false;
        foreach (var n in list) n.ReadAt = now;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task<Results<NoContent, NotFound>> Read(Guid id, ResoluteDbContext db, CancellationToken ct) =>
        await MarkReadAsync(db, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<NoContent> ReadAll(ResoluteDbContext db, CancellationToken ct)
    {
        await MarkReadAsync(db, null, ct);
        return TypedResults.NoContent();
    }
}
