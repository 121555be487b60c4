using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Audit;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Audit;

/// <summary>The audit trail for inspectors and administrators: by record, by user, by unit subtree; and the chain check.</summary>
public sealed class IndexModel(ResoluteDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public List<AuditEntry> Entries { get; private set; } = [];
    public Dictionary<Guid, string> UnitNames { get; private set; } = [];
    public bool? ChainWhole { get; private set; }
    public AuditChain.Break? ChainBreak { get; private set; }
    public long ChainChecked { get; private set; }
    public string? UnitError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!AuditTrail.MayRead(db)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (!AuditTrail.MayRead(db)) return StatusCode(StatusCodes.Status403Forbidden);
        (ChainBreak, ChainChecked) = await AuditTrail.VerifyAsync(db, ct);
        ChainWhole = ChainBreak is null;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var q = AuditTrail.Visible(db);
        if (!string.IsNullOrWhiteSpace(EntityType)) q = q.Where(a => a.EntityType == EntityType);
        if (!string.IsNullOrWhiteSpace(EntityId)) q = q.Where(a => a.EntityId == EntityId);
        if (!string.IsNullOrWhiteSpace(UserName)) q = q.Where(a => a.UserName == UserName.Trim());
        if (!string.IsNullOrWhiteSpace(Unit))
        {
            var code = Organisations.UnitPicker.CodeOf(Unit);
            var unitId = await db.Organisations.Where(o => o.Code == code).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            if (unitId is null) UnitError = $"Không tìm thấy đơn vị có mã {code} trong phạm vi của bạn.";
            else q = q.Where(a => db.OrganisationClosures.Any(c => c.AncestorId == unitId && c.DescendantId == a.OrganisationId));
        }
        if (Before is { } b) q = q.Where(a => a.Sequence < b);
        Entries = await q.OrderByDescending(a => a.Sequence).Take(PageSize).ToListAsync(ct);
        await AuditTrail.RedactAsync(db, Entries, ct);
        var ids = Entries.Where(e => e.OrganisationId != null).Select(e => e.OrganisationId!.Value).Distinct().ToArray();
        UnitNames = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
    }
}
