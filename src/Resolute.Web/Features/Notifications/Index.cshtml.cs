using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Notifications;

public sealed class IndexModel(ResoluteDbContext db) : PageModel
{
    public NotificationsApi.ListDto List { get; private set; } = new(0, []);

    public async Task OnGetAsync(CancellationToken ct) => List = await NotificationsApi.LoadAsync(db, 200, ct);

    public async Task<IActionResult> OnPostReadAsync(Guid? id, CancellationToken ct)
    {
        await NotificationsApi.MarkReadAsync(db, id, ct);
        return RedirectToPage();
    }

    /// <summary>Opening a notification marks it read and goes to what it is about.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        await NotificationsApi.MarkReadAsync(db, id, ct);
        var url = List.Items.FirstOrDefault(n => n.Id == id)?.Url ?? (await NotificationsApi.LoadAsync(db, 200, ct)).Items.FirstOrDefault(n => n.Id == id)?.Url;
        return url is not null && Url.IsLocalUrl(url) ? LocalRedirect(url) : RedirectToPage();
    }
}
