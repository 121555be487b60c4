using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Resolute.Web.Infrastructure;

/// <summary>
/// Pages answer 404 for records that do not exist or are out of scope, and 403 for actions the user may not take;
/// the status-code page then shows the Vietnamese message.
/// </summary>
public sealed class PageErrorFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        // A form sent back with errors answers 400, so clients and tests can tell it from a successful page.
        if (executed.Exception is null && executed.Result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult
            && !context.ModelState.IsValid && !HttpMethods.IsGet(context.HttpContext.Request.Method))
            context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        switch (executed.Exception)
        {
            case NotFoundException:
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
                break;
            case ForbiddenException:
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                executed.ExceptionHandled = true;
                break;
        }
    }
}
