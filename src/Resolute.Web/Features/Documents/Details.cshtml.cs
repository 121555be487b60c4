using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;
using static Resolute.Web.Infrastructure.Localization.Text;

namespace Resolute.Web.Features.Documents;

/// <summary>One document: its register fields, what it implements and what implements it, and the links its text suggests.</summary>
public sealed class DetailsModel(ResoluteDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public DocumentsApi.DocumentDto Document { get; private set; } = null!;
    public List<(DocumentReference Reference, Guid DocumentId)> Suggestions { get; } = [];
    public List<string> NeedToKnow { get; } = [];
    public bool CanLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Document = await DocumentsApi.LoadAsync(db, Id, ct) ?? throw new NotFoundException();
        CanLink = db.Scope.Unrestricted || await db.Scope.CanAsync(db, Permission.RegisterDocuments, Document.IssuerId, ct);
        // Documents cited in the summary or text that are registered and not linked yet: offered as links.
        var linked = Document.Implements.Select(r => r.DocumentId).ToHashSet();
        var refs = ReferenceParser.Find($"{Document.Summary}\n{Document.FullText}").ToList();
        var matches = await DocumentQueries.MatchAllAsync(db, refs, ct);
        for (var i = 0; i < refs.Count; i++)
            if (matches[i] is { } target && target != Id && linked.Add(target))
                Suggestions.Add((refs[i], target));
        if (Document.Secrecy != Secrecy.None)
            NeedToKnow.AddRange(await (from n in db.NeedToKnow join u in db.Users on n.UserId equals u.Id where n.DocumentId == Id select u.UserName!).ToListAsync(ct));
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid toId, RelationKind kind, CancellationToken ct)
    {
        await new LinkDocuments(Id, toId, kind).HandleAsync(db, ct);
        TempData["Message"] = T("Đã liên kết văn bản.");
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, [FromServices] Infrastructure.Files.FileStore store, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw new DomainException("file", "Cần chọn tệp đính kèm.");
        await new Attachments.AddAttachment(Id, file.FileName, file.OpenReadStream).HandleAsync(db, store, ct);
        TempData["Message"] = T("Đã đính kèm tệp.");
        return RedirectToPage(new { id = Id });
    }

    public static string KindName(RelationKind kind, bool incoming) => T((kind, incoming) switch
    {
        (RelationKind.Implements, false) => "Thực hiện",
        (RelationKind.Implements, true) => "Được thực hiện bởi",
        (RelationKind.Guides, false) => "Hướng dẫn",
        (RelationKind.Guides, true) => "Được hướng dẫn bởi",
        (RelationKind.Amends, false) => "Sửa đổi",
        (RelationKind.Amends, true) => "Được sửa đổi bởi",
        (RelationKind.Replaces, false) => "Thay thế",
        (RelationKind.Replaces, true) => "Được thay thế bởi",
        (RelationKind.ReportsOn, false) => "Báo cáo về",
        (RelationKind.ReportsOn, true) => "Báo cáo",
        (RelationKind.Concludes, false) => "Kết luận về",
        _ => "Kết luận",
    });
}
