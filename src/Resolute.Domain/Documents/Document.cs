using Resolute.Domain.Common;
using Resolute.Domain.Text;

namespace Resolute.Domain.Documents;

/// <summary>
/// A register entry for a Party or state document. Its identity is (issuer, type, term, number) for a Party document
/// and (issuer, year, number) for a state one (<see cref="IdentityKey"/>). A secret item is a register entry only:
/// no content or attachments; a top-secret entry keeps not even its summary line (RULES.md §5).
/// </summary>
public sealed class Document
{
    public const int SummaryMaxLength = 1000;

    private Document() { }

    public Document(DocumentSystem system, DocumentType type, string number, string symbol, Guid issuerId, Organisations.OrganisationLevel issuerLevel,
        Guid? termId, DateOnly issuedOn, string? signer, string? summary, Secrecy secrecy, Urgency urgency, string? fullText, string? holder)
    {
        Id = Ids.New();
        System = system;
        Status = DocumentStatus.InForce;
        Update(type, number, symbol, issuerId, issuerLevel, termId, issuedOn, signer, summary, secrecy, urgency, fullText, holder);
    }

    public Guid Id { get; private set; }
    public DocumentSystem System { get; private set; }
    public Guid TypeId { get; private set; }
    public string Number { get; private set; } = "";
    /// <summary>The number and symbol as written, normalised: "15-NQ/TW", "30/2020/NĐ-CP".</summary>
    public string Symbol { get; private set; } = "";
    public Guid IssuerId { get; private set; }
    /// <summary>Kept beside the issuer so that documents of Central bodies, addressed to everyone, are visible to all.</summary>
    public Organisations.OrganisationLevel IssuerLevel { get; private set; }
    public Guid? TermId { get; private set; }
    public int Year { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public string? Signer { get; private set; }
    public string? Summary { get; private set; }
    public Secrecy Secrecy { get; private set; }
    public Urgency Urgency { get; private set; }
    public DocumentStatus Status { get; private set; }
    public string? FullText { get; private set; }
    /// <summary>Who keeps the paper original of a secret item.</summary>
    public string? Holder { get; private set; }
    public string IdentityKey { get; private set; } = "";
    /// <summary>Text extracted from the attachments, searched with the rest.</summary>
    public string? AttachmentText { get; private set; }
    /// <summary>Folded number, symbol, summary and full text: what the full-text index covers on SQLite.</summary>
    public string SearchText { get; private set; } = "";

    public bool IsSecret => Secrecy != Secrecy.None;

    public void Update(DocumentType type, string number, string symbol, Guid issuerId, Organisations.OrganisationLevel issuerLevel, Guid? termId, DateOnly issuedOn,
        string? signer, string? summary, Secrecy secrecy, Urgency urgency, string? fullText, string? holder)
    {
        if (type.System != System)
            throw new DomainException("type-system", "Loại văn bản không thuộc hệ thống văn bản đã chọn.", "typeId");
        var n = (number ?? "").Trim().TrimStart('0');
        if (n.Length == 0 || n.Length > 20)
            throw new DomainException("number", "Số văn bản không hợp lệ.", "number");
        var s = VietnameseText.Normalize(symbol ?? "").Trim();
        if (s.Length == 0 || s.Length > 60)
            throw new DomainException("symbol", "Số, ký hiệu văn bản không được để trống và không dài quá 60 ký tự.", "symbol");
        if (System == DocumentSystem.Party && termId is null)
            throw new DomainException("term", "Văn bản của Đảng cần ghi nhiệm kỳ (số văn bản đánh lại từ đầu mỗi nhiệm kỳ).", "termId");
        var text = string.IsNullOrWhiteSpace(summary) ? null : VietnameseText.Normalize(summary.Trim());
        if (text is { Length: > SummaryMaxLength })
            throw new DomainException("summary", $"Trích yếu không được dài quá {SummaryMaxLength} ký tự.", "summary");
        if (fullText is { Length: > FullTextMaxLength })
            throw new DomainException("too-long", $"Nội dung văn bản không được dài quá {FullTextMaxLength:N0} ký tự; hãy đính kèm tệp.", "fullText");
        if (secrecy != Secrecy.None && !string.IsNullOrWhiteSpace(fullText))
            throw new DomainException("secret-content",
                "Văn bản mật chỉ được đăng ký số, ký hiệu, trích yếu; không được lưu nội dung trên hệ thống nối mạng.", "fullText");
        if (secrecy == Secrecy.TopSecret && text is not null)
            throw new DomainException("top-secret-summary", "Văn bản Tuyệt mật không được ghi trích yếu trên hệ thống nối mạng.", "summary");
        if (secrecy != Secrecy.TopSecret && text is null)
            throw new DomainException("summary-required", "Trích yếu không được để trống.", "summary");

        TypeId = type.Id;
        Number = n;
        Symbol = s;
        IssuerId = issuerId;
        IssuerLevel = issuerLevel;
        TermId = System == DocumentSystem.Party ? termId : null;
        IssuedOn = issuedOn;
        Year = issuedOn.Year;
        Signer = string.IsNullOrWhiteSpace(signer) ? null : signer.Trim();
        Summary = text;
        Secrecy = secrecy;
        Urgency = urgency;
        FullText = secrecy == Secrecy.None && !string.IsNullOrWhiteSpace(fullText) ? VietnameseText.Normalize(fullText) : null;
        Holder = string.IsNullOrWhiteSpace(holder) ? null : holder.Trim();
        IdentityKey = System == DocumentSystem.Party
            ? $"P|{issuerId}|{type.Abbreviation}|{termId}|{Number}"
            : $"S|{issuerId}|{Year}|{Number}";
        Reindex();
    }

    public void SetStatus(DocumentStatus status) => Status = status;

    /// <summary>Adds an attachment's extracted text to what the document is found by. Secret items take no attachment.</summary>
    /// <summary>
    /// The searchable text kept from a document's attachments (about 60 pages). Together with the full text it stays
    /// well inside what one PostgreSQL text-search vector can hold (1 MB of distinct words and positions).
    /// </summary>
    public const int AttachmentTextMaxLength = 150_000;
    public const int FullTextMaxLength = 100_000;

    public void AddAttachmentText(string? text)
    {
        if (IsSecret)
            throw new DomainException("secret-attachment", "Văn bản mật không được đính kèm tệp trên hệ thống nối mạng.", "file");
        if (string.IsNullOrWhiteSpace(text)) return;
        var all = AttachmentText is null ? VietnameseText.Normalize(text) : AttachmentText + "\n" + VietnameseText.Normalize(text);
        // Search reads the start of very long files; an entry's text never grows without bound.
        AttachmentText = all.Length > AttachmentTextMaxLength ? all[..AttachmentTextMaxLength] : all;
        Reindex();
    }

    private void Reindex() => SearchText = VietnameseText.Fold($"{Symbol} {Summary} {FullText} {AttachmentText}");
}

/// <summary>A link in the lineage: <see cref="FromId"/> implements (guides, amends…) <see cref="ToId"/>.</summary>
public sealed class DocumentRelation
{
    private DocumentRelation() { }

    public DocumentRelation(Guid fromId, Guid toId, RelationKind kind)
    {
        if (fromId == toId) throw new DomainException("relation-self", "Văn bản không thể liên kết với chính nó.", "toId");
        Id = Ids.New();
        FromId = fromId;
        ToId = toId;
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public Guid FromId { get; private set; }
    public Guid ToId { get; private set; }
    public RelationKind Kind { get; private set; }
}

/// <summary>A user on a secret item's need-to-know list.</summary>
public sealed class NeedToKnow
{
    private NeedToKnow() { }

    public NeedToKnow(Guid documentId, Guid userId)
    {
        DocumentId = documentId;
        UserId = userId;
    }

    public Guid DocumentId { get; private set; }
    public Guid UserId { get; private set; }
}
