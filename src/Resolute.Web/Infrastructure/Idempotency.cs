using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Resolute.Web.Data;

namespace Resolute.Web.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> on the API's creating writes (POST): a client that got no answer sends the same request with
/// the same key again, and gets the first answer instead of a second record. The key's row is added to the request's
/// unit of work before the handler runs, so it is committed in the same transaction as the write (both or neither);
/// the answer is stored with it right after. A retry while the first is still running, or after a crash between the
/// commit and storing the answer, gets 409 and never a duplicate. Keys are per account and kept a day.
/// </summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 100;
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var values))
            return await next(context);
        var key = values.ToString().Trim();
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7E))
            return TypedResults.Problem(title: $"Khóa {Header} phải gồm 1 đến {MaxKeyLength} ký tự ASCII in được (ví dụ một UUID).", statusCode: StatusCodes.Status400BadRequest);
        var db = http.RequestServices.GetRequiredService<ResoluteDbContext>();
        if (db.Scope.UserId is not { } userId) return await next(context);
        var path = http.Request.Path.Value ?? "";
        if (path.Length > 300) path = path[..300];

        var earlier = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, http.RequestAborted);
        if (earlier is not null) return Replay(earlier, path);

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var record = new IdempotencyRecord { UserId = userId, Key = key, Path = path, CreatedAt = now };
        db.IdempotencyRecords.Add(record);
        object? result;
        try
        {
            result = await next(context);
        }
        catch (DbUpdateException)
        {
            // The same key committed by a concurrent request: this one's write was rolled back with the row.
            if (await ExistsAsync(db, userId, key)) return InFlight();
            throw;
        }
        if (db.Entry(record).State == EntityState.Added)
        {
            // The handler wrote nothing (or failed without saving): the key stays unused, so a retry runs again.
            db.Entry(record).State = EntityState.Detached;
            return result;
        }
        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } ok)
        {
            record.Status = ok.StatusCode ?? 200;
            record.Location = LocationOf(result);
            var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            record.Body = result is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json) : null;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        if (Random.Shared.Next(100) == 0)
        {
            var old = now - KeptFor;
            await db.IdempotencyRecords.Where(r => r.CreatedAt < old).ExecuteDeleteAsync(CancellationToken.None);
        }
        return result;
    }

    /// <summary>The Location of a Created or Accepted result (they share no interface that exposes it).</summary>
    private static string? LocationOf(object result) => result.GetType().GetProperty("Location")?.GetValue(result) as string;

    private static Task<bool> ExistsAsync(ResoluteDbContext db, Guid userId, string key)
    {
        db.ChangeTracker.Clear();
        return db.IdempotencyRecords.AsNoTracking().AnyAsync(r => r.UserId == userId && r.Key == key);
    }

    private static IResult Replay(IdempotencyRecord earlier, string path)
    {
        if (earlier.Path != path)
            return TypedResults.Problem(title: $"Khóa {Header} này đã dùng cho một yêu cầu khác; mỗi yêu cầu mới cần một khóa mới.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        if (earlier.Status == 0) return InFlight();
        return new ReplayResult(earlier);
    }

    private static IResult InFlight() => TypedResults.Problem(
        title: "Yêu cầu với khóa này đã được nhận và đang hoặc đã được thực hiện; hãy tải lại bản ghi thay vì gửi lại.",
        statusCode: StatusCodes.Status409Conflict);

    /// <summary>The first answer again, marked as a replay.</summary>
    private sealed class ReplayResult(IdempotencyRecord r) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = r.Status;
            http.Response.Headers["Idempotent-Replayed"] = "true";
            if (r.Location is not null) http.Response.Headers.Location = r.Location;
            if (r.Body is not null)
            {
                http.Response.ContentType = "application/json; charset=utf-8";
                await http.Response.WriteAsync(r.Body);
            }
        }
    }
}
