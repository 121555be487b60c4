namespace Resolute.Web.Infrastructure;

/// <summary>The record does not exist or is outside the caller's scope: both answer 404, so existence is not revealed.</summary>
public sealed class NotFoundException(string message = "Không tìm thấy bản ghi, hoặc bạn không có quyền xem.") : Exception(message);

/// <summary>The caller may see the record but not do this to it: 403.</summary>
public sealed class ForbiddenException(string message = "Bạn không có quyền thực hiện thao tác này.") : Exception(message);

/// <summary>Someone else changed the record since the caller read it: 409, and nothing of theirs is overwritten.</summary>
public sealed class ConflictException(string message = "Nhiệm vụ đã được người khác cập nhật trong lúc bạn sửa. Hãy tải lại trang để xem thay đổi mới nhất rồi thực hiện lại.") : Exception(message);
