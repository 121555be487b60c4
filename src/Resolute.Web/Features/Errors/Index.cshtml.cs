using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Errors;

/// <summary>The one error page: 404 and 403 and 500 in Vietnamese, with no internals.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? 500;
        // Keep the original status on re-executed requests; a direct visit answers with the code it names.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            Response.StatusCode = status is >= 400 and < 600 ? status : 500;
        (Title, Message) = status switch
        {
            404 => (T("Không tìm thấy trang"), T("Trang hoặc bản ghi bạn tìm không tồn tại, hoặc bạn không có quyền xem.")),
            403 => (T("Không có quyền truy cập"), T("Tài khoản của bạn không có quyền thực hiện thao tác này.")),
            400 => (T("Yêu cầu không hợp lệ"), T("Dữ liệu gửi lên không hợp lệ. Hãy kiểm tra lại.")),
            _ => (T("Đã có lỗi"), T("Đã có lỗi trong hệ thống. Dữ liệu của bạn chưa bị thay đổi; hãy thử lại sau ít phút.")),
        };
    }
}
