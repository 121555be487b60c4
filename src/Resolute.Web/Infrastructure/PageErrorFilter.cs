using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure.Files;

namespace Resolute.Web.Infrastructure;

/// <summary>
/// A page whose form is shown again, with the refused rule's message beside its field, when a command refuses what was sent.
/// Pages that are not form pages (actions on a details page) redirect back with the message instead.
/// </summary>
public interface IFormPage
{
    /// <summary>Domain field names (as a <see cref="DomainException"/> names them) → the form's input names.</summary>
    (string Field, string Input)[] FieldMap => [];

    /// <summary>Loads what the page shows besides the posted input; called after the refused changes are dropped.</summary>
    Task ReloadAsync(Exception error, CancellationToken ct);
}

/// <summary>
/// Turns what a handler throws into what the user sees, in one place:
/// a record that does not exist or is out of scope answers 404, an action the user may not take 403;
/// a rule's refusal (five clears included), a stale version or a refused file shows its Vietnamese message — on the form again (400, or 409 for a stale version)
/// for an <see cref="IFormPage"/>, or after a redirect back to the page for the others, so nothing typed is lost and no page is a dead end.
/// </summary>
public sealed class PageErrorFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
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
            case DomainException or ConflictException or RejectedException or Domain.Assignments.FiveClear.IncompleteException when context.HandlerInstance is PageModel page:
                executed.Result = await RefusedAsync(page, executed.Exception, context.HttpContext);
                executed.ExceptionHandled = true;
                break;
        }
        // A form sent back with errors answers 400, so clients and tests can tell it from a successful page.
        if (executed.Result is PageResult && !context.ModelState.IsValid && !HttpMethods.IsGet(context.HttpContext.Request.Method)
            && context.HttpContext.Response.StatusCode < 400)
            context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static async Task<IActionResult> RefusedAsync(PageModel page, Exception error, HttpContext http)
    {
        if (page is IFormPage form)
        {
            http.RequestServices.GetRequiredService<ResoluteDbContext>().ChangeTracker.Clear();
            if (error is DomainException d) page.ModelState.AddDomainError(d, form.FieldMap);
            else page.ModelState.AddModelError("", error.Message);
            await form.ReloadAsync(error, http.RequestAborted);
            if (error is ConflictException) http.Response.StatusCode = StatusCodes.Status409Conflict;
            return page.Page();
        }
        page.TempData["Error"] = error.Message;
        // Back to the page itself (its route keeps the record's id), as a GET without the handler that failed.
        return new RedirectResult(http.Request.PathBase + http.Request.Path);
    }
}
