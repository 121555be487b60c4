using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Common;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using Resolute.Web.Infrastructure.Docx;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Assignments;

/// <summary>A reminder letter (công văn đôn đốc) to a unit about the overdue tasks the caller's unit gave it: preview, download, register and send.</summary>
public sealed class LetterModel(ResoluteDbContext db, UserManager<User> users, Infrastructure.Files.FileStore store, IConfiguration config) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Issuer { get; set; }
    public ReminderLetter.Draft? Draft { get; private set; }

    private async Task<IActionResult?> BuildAsync(CancellationToken ct)
    {
        var code = Organisations.UnitPicker.CodeOf(Unit ?? "");
        var recipient = await db.Organisations.FirstOrDefaultAsync(o => o.Code == code, ct);
        if (recipient is null) return NotFound();
        var issuer = await ReminderLetter.IssuerAsync(db, Issuer, ct);
        try
        {
            Draft = await ReminderLetter.BuildAsync(db, issuer, recipient, PageMargins.From(config), ct);
        }
        catch (DomainException e)
        {
            // Nothing to remind of, or no issuer: said on the page, which stays open for another choice.
            ModelState.AddModelError("", e.Message);
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await BuildAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        if (await BuildAsync(ct) is { } refused) return refused;
        if (Draft is null) return Page();
        return File(Draft.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"du-thao-cong-van-don-doc-{Draft.Recipient.Code}.docx");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await BuildAsync(ct) is { } refused) return refused;
        if (Draft is null) return Page();
        var document = await ReminderLetter.SendAsync(db, users, store, Draft, ct);
        TempData["Message"] = string.Format(T("Đã đăng ký công văn {0} và gửi thông báo cho {1}."), document.Symbol, Draft.Recipient.ShortName);
        return RedirectToPage("/Documents/Details", new { id = document.Id });
    }

    /// <summary>A refused send shows the draft again (the draft itself was built before the send was tried).</summary>
    public Task ReloadAsync(Exception error, CancellationToken ct) => Task.CompletedTask;
}
