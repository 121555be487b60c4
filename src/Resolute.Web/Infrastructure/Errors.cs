namespace Resolute.Web.Infrastructure;

/// <summary>The record does not exist or is outside the caller's scope: both answer 404, so existence is not revealed.</summary>
public sealed class NotFoundException(string message = "Không tìm thấy bản ghi, hoặc bạn không có quyền xem.") : Exception(message);

/// <summary>The caller may see the record but not do this to it: 403.</summary>
public sealed class ForbiddenException(string message = "Bạn không có quyền thực hiện thao tác này.") : Exception(message);

/// <summary>Someone else changed the record since the caller read it: 409, and nothing of theirs is overwritten.</summary>
public sealed class ConflictException(string message = "Nhiệm vụ đã được người khác cập nhật trong lúc bạn sửa. Hãy tải lại trang để xem thay đổi mới nhất rồi thực hiện lại.") : Exception(message);

/// <summary>
/// The API's writes to an existing task or report name the version they read (from the record's <c>version</c> or
/// its ETag): without it, a retried or delayed request could overwrite a change made in between.
/// </summary>
public static class Versions
{
    /// <summary>A stale version is a conflict (409); with <paramref name="required"/>, a missing one is a 400.</summary>
    public static void Check(int actual, int? expected, bool required = false)
    {
        if (required) Required(expected);
        if (expected is { } v && v != actual) throw new ConflictException();
    }

    public static int Required(int? version) => version
        ?? throw new Resolute.Domain.Common.DomainException("version-required",
            "Cần gửi phiên bản (version) của bản ghi đã đọc, để không ghi đè thay đổi của người khác.", "version");
}
