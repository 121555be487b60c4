using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure;

namespace Resolute.Web.Features.Documents;

/// <summary>
/// Registers a document from its number and symbol as written ("15-NQ/TƯ", "30/2020/NĐ-CP"): the parser reads the
/// system, number and abbreviation, which must agree with the chosen type; the issuer's term is found from the date.
/// </summary>
public sealed record RegisterDocument(
    string Symbol, Guid TypeId, Guid? IssuerId, string? IssuerCode, DateOnly IssuedOn, string? Signer, string? Summary,
    Secrecy Secrecy, Urgency Urgency, string? FullText, string? Holder, IReadOnlyList<string>? NeedToKnow)
{
    public async Task<Document> HandleAsync(ResoluteDbContext db, UserManager<User> users, CancellationToken ct)
    {
        if (!db.Scope.HasAny(Permission.RegisterDocuments))
            throw new ForbiddenException("Chỉ văn phòng và quản trị hệ thống được đăng ký văn bản.");
        var parsed = ReferenceParser.Parse(Symbol)
            ?? throw new DomainException("symbol", "Số, ký hiệu không đúng dạng. Ví dụ: 15-NQ/TW, 120-KH/TU, 30/2020/NĐ-CP, 15/QĐ-UBND.", "symbol");
        var type = await db.DocumentTypes.FirstOrDefaultAsync(t => t.Id == TypeId, ct)
            ?? throw new DomainException("type", "Cần chọn loại văn bản.", "typeId");
        if (type.System != parsed.System)
            throw new DomainException("type-system", $"Số, ký hiệu {parsed.Symbol} là của văn bản {(parsed.System == DocumentSystem.Party ? "Đảng" : "nhà nước")}, nhưng loại đã chọn là văn bản {(type.System == DocumentSystem.Party ? "Đảng" : "nhà nước")}.", "typeId");
        if (parsed.Abbreviation is { } abbr && !string.Equals(abbr, type.Abbreviation, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("type-abbreviation", $"Ký hiệu {abbr} không khớp loại văn bản {type.Name} ({type.Abbreviation}).", "typeId");
        var issuer = await DocumentRules.FindIssuerAsync(db, IssuerId, IssuerCode, ct);

        Guid? termId = null;
        if (parsed.System == DocumentSystem.Party)
            termId = (await DocumentRules.TermOnAsync(db, issuer.Id, IssuedOn, ct))?.Id
                ?? throw new DomainException("term", $"Chưa khai báo nhiệm kỳ của {issuer.ShortName} bao trùm ngày {IssuedOn:dd/MM/yyyy}.", "issuedOn");

        var document = new Document(parsed.System, type, parsed.Number, parsed.Symbol, issuer.Id, issuer.Level, termId, IssuedOn, Signer,
            Summary, Secrecy, Urgency, FullText, Holder);
        if (await db.Documents.IgnoreQueryFilters().AnyAsync(d => d.IdentityKey == document.IdentityKey, ct))
        {
            // The entry holding the number may be secret, or outside the caller's scope: name it (its date) only when the
            // caller may see it; otherwise say only that the number is taken.
            var visible = await db.Documents.Where(d => d.IdentityKey == document.IdentityKey).Select(d => new { d.Symbol, d.IssuedOn }).FirstOrDefaultAsync(ct);
            throw new DomainException("duplicate", visible is not null
                ? $"Văn bản số {visible.Symbol} ngày {visible.IssuedOn:dd/MM/yyyy} của {issuer.ShortName} đã có trong sổ đăng ký."
                : $"Số, ký hiệu {document.Symbol} của {issuer.ShortName} đã được dùng trong sổ đăng ký.", "symbol");
        }

        db.Documents.Add(document);
        if (document.IsSecret)
        {
            // The registering user is always on the list: otherwise the entry would vanish from their view once saved.
            var ids = new HashSet<Guid>();
            if (db.Scope.UserId is { } me) ids.Add(me);
            foreach (var name in NeedToKnow ?? [])
            {
                if (string.IsNullOrWhiteSpace(name)) continue;
                var u = await users.FindByNameAsync(name.Trim())
                    ?? throw new DomainException("need-to-know", $"Không tìm thấy tài khoản {name.Trim()}.", "needToKnow");
                ids.Add(u.Id);
            }
            db.NeedToKnow.AddRange(ids.Select(id => new NeedToKnow(document.Id, id)));
        }
        await db.SaveChangesAsync(ct);
        return document;
    }
}

/// <summary>Links two documents in the lineage (this plan implements that resolution…).</summary>
public sealed record LinkDocuments(Guid FromId, Guid ToId, RelationKind Kind)
{
    public async Task<DocumentRelation> HandleAsync(ResoluteDbContext db, CancellationToken ct)
    {
        var from = await db.Documents.FirstOrDefaultAsync(d => d.Id == FromId, ct) ?? throw new NotFoundException("Không tìm thấy văn bản.");
        if (!db.Scope.HasAny(Permission.RegisterDocuments))
            throw new ForbiddenException("Chỉ văn phòng và quản trị hệ thống được liên kết văn bản.");
        if (!await db.Documents.AnyAsync(d => d.Id == ToId, ct))
            throw new DomainException("to-not-found", "Không tìm thấy văn bản cần liên kết.", "toId");
        if (await db.DocumentRelations.AnyAsync(r => r.FromId == FromId && r.ToId == ToId && r.Kind == Kind, ct))
            throw new DomainException("relation-exists", "Hai văn bản đã có liên kết này.", "toId");
        if (!db.Scope.Unrestricted && !await db.Scope.CanAsync(db, Permission.RegisterDocuments, from.IssuerId, ct))
            throw new ForbiddenException("Chỉ đơn vị ban hành văn bản mới được khai báo văn bản đó thực hiện văn bản nào.");
        var relation = new DocumentRelation(FromId, ToId, Kind);
        db.DocumentRelations.Add(relation);
        // A document that another replaces is no longer in force.
        if (Kind == RelationKind.Replaces)
            (await db.Documents.FirstAsync(d => d.Id == ToId, ct)).SetStatus(DocumentStatus.Replaced);
        await db.SaveChangesAsync(ct);
        return relation;
    }
}
