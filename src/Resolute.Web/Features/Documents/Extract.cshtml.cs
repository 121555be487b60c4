using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Resolute.Domain.Documents;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Documents;

/// <summary>Paste a passage; see the document numbers in it and whether each is in the register.</summary>
public sealed class ExtractModel(ResoluteDbContext db) : PageModel
{
    [BindProperty] public string? Text { get; set; }
    public List<(DocumentReference Reference, Guid? DocumentId)>? Found { get; private set; }

    public void OnGet() { }

    public async Task OnPostAsync(CancellationToken ct)
    {
        Found = [];
        var text = Text ?? "";
        if (text.Length > DocumentsApi.ExtractMaxChars) text = text[..DocumentsApi.ExtractMaxChars];
        var refs = ReferenceParser.Find(text).ToList();
        var matches = await DocumentQueries.MatchAllAsync(db, refs, ct);
        Found.AddRange(refs.Select((r, i) => (r, matches[i])));
    }
}
