using Microsoft.AspNetCore.Diagnostics;
using Resolute.Domain.Common;

namespace Resolute.Web.Infrastructure;

/// <summary>
/// Unhandled errors never show internals: the API answers ProblemDetails, pages show the Vietnamese error page.
/// </summary>
public static class ErrorHandling
{
    public static void Handle(IApplicationBuilder app) => app.Run(async ctx =>
    {
        var error = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, title) = Classify(error);
        if (status == StatusCodes.Status500InternalServerError)
            ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Resolute.Errors")
                .LogError(error, "Unhandled error on {Path}", ctx.Request.Path);
        await AnswerAsync(ctx, status, title);
    });

    /// <summary>The API answers ProblemDetails in Vietnamese; pages go to the Vietnamese error page.</summary>
    private static async Task AnswerAsync(HttpContext ctx, int status, string title)
    {
        ctx.Response.StatusCode = status;
        if (ctx.Request.Path.StartsWithSegments("/api"))
            await Results.Problem(title: title, statusCode: status).ExecuteAsync(ctx);
        else
            ctx.Response.Redirect($"/Errors/Index?code={status}");
    }

    public static async Task BadRequests(HttpContext ctx, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (BadHttpRequestException e) when (!ctx.Response.HasStarted)
        {
            var (status, title) = Classify(e);
            ctx.Response.Clear();
            await AnswerAsync(ctx, status, title);
        }
    }

    /// <summary>ProblemDetails titles the framework writes in English (validation, 401, 404…) are given in Vietnamese.</summary>
    public static void InVietnamese(ProblemDetailsContext ctx)
    {
        var p = ctx.ProblemDetails;
        var framework = p.Title is null || p.Title.All(char.IsAscii);
        if (!framework) return;
        p.Title = p.Status switch
        {
            400 => "Dữ liệu không hợp lệ.",
            401 => "Chưa đăng nhập, hoặc mã truy cập không hợp lệ, đã hết hạn hay đã bị thu hồi.",
            403 => "Bạn không có quyền thực hiện thao tác này.",
            404 => "Không tìm thấy.",
            405 => "Phương thức không được hỗ trợ.",
            409 => "Bản ghi đã bị người khác thay đổi. Hãy tải lại và thử lại.",
            413 => "Tệp hoặc nội dung gửi lên quá lớn.",
            415 => "Định dạng nội dung không được hỗ trợ.",
            429 => "Quá nhiều yêu cầu. Hãy thử lại sau ít phút.",
            _ => "Đã có lỗi trong hệ thống. Dữ liệu của bạn chưa bị thay đổi; hãy thử lại sau ít phút.",
        };
    }

    public static (int Status, string Title) Classify(Exception? error) => error switch
    {
        NotFoundException e => (StatusCodes.Status404NotFound, e.Message),
        ForbiddenException e => (StatusCodes.Status403Forbidden, e.Message),
        ConflictException e => (StatusCodes.Status409Conflict, e.Message),
        Resolute.Domain.Assignments.FiveClear.IncompleteException e => (StatusCodes.Status400BadRequest, e.Message),
        DomainException e => (StatusCodes.Status400BadRequest, e.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "Tệp hoặc nội dung gửi lên quá lớn."),
        BadHttpRequestException => (StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ."),
        _ => (StatusCodes.Status500InternalServerError, "Đã có lỗi trong hệ thống. Dữ liệu của bạn chưa bị thay đổi; hãy thử lại sau ít phút."),
    };
}

/// <summary>Turns the domain's and the access layer's exceptions into 400/403/404 ProblemDetails for the JSON API.</summary>
public sealed class ApiErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException e) when (e.Field is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] },
                title: "Dữ liệu không hợp lệ.", type: e.Code);
        }
        catch (Resolute.Domain.Assignments.FiveClear.IncompleteException e)
        {
            // Every missing clear, by the input it is about, in Vietnamese.
            return TypedResults.ValidationProblem(e.Gaps.GroupBy(g => g.Field).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray()),
                title: "Chưa đủ 5 rõ để giao nhiệm vụ.", type: "five-clear");
        }
        catch (Files.RejectedException e)
        {
            return TypedResults.Problem(title: e.Message, statusCode: e.Status);
        }
        catch (Exception e) when (e is DomainException or NotFoundException or ForbiddenException or ConflictException)
        {
            var (status, title) = ErrorHandling.Classify(e);
            return TypedResults.Problem(title: title, statusCode: status, type: (e as DomainException)?.Code);
        }
    }
}

/// <summary>Headers every response carries. The content security policy allows no inline script and no outside origin.</summary>
public static class SecurityHeaders
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public static Task Apply(HttpContext ctx, Func<Task> next)
    {
        var h = ctx.Response.Headers;
        // The API reference page (Scalar) builds its UI with inline styles; it gets a policy of its own.
        h.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/api-docs")
            ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
            : Csp;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // API answers carry records the caller may see and nobody else: no proxy or browser cache keeps them.
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/calendar"))
            h.CacheControl = "no-store";
        return next();
    }
}
