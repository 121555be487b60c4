using Resolute.Domain.Common;

namespace Resolute.Domain.Documents;

/// <summary>
/// A kind of document and its abbreviation, kept as data with effective dates because abbreviations and
/// issuers change (RULES.md §4): e.g. Quy định is QĐ in Party documents (QĐi in many of 2017–2025), QyĐ in state ones.
/// </summary>
public sealed class DocumentType
{
    private DocumentType() { }

    public DocumentType(DocumentSystem system, string abbreviation, string name, DateOnly validFrom, DateOnly? validTo = null, int sortOrder = 0)
    {
        Id = Ids.New();
        System = system;
        Abbreviation = abbreviation;
        Name = name;
        ValidFrom = validFrom;
        ValidTo = validTo;
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }
    public DocumentSystem System { get; private set; }
    /// <summary>"NQ", "CTr", "KH"… Empty for a state official letter (công văn), which carries no type abbreviation.</summary>
    public string Abbreviation { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public int SortOrder { get; private set; }

    /// <summary>The standard table (399-QĐ/TW for the Party, 30/2020/NĐ-CP for the state).</summary>
    public static IEnumerable<DocumentType> Standard()
    {
        var party = new DateOnly(1930, 1, 1);
        var state = new DateOnly(2020, 3, 5);
        var order = 0;
        (string, string)[] partyTypes =
        [
            ("NQ", "Nghị quyết"), ("CT", "Chỉ thị"), ("KL", "Kết luận"), ("QĐ", "Quyết định"), ("QĐ", "Quy định"), ("QC", "Quy chế"),
            ("HD", "Hướng dẫn"), ("TT", "Thông tri"), ("TB", "Thông báo"), ("BC", "Báo cáo"), ("KH", "Kế hoạch"), ("CTr", "Chương trình"),
            ("ĐA", "Đề án"), ("PA", "Phương án"), ("TTr", "Tờ trình"), ("CV", "Công văn"), ("BB", "Biên bản"),
        ];
        foreach (var (abbr, name) in partyTypes)
            yield return new DocumentType(DocumentSystem.Party, abbr, name, party, null, ++order);
        // Many Party regulations of 2017–2025 were numbered QĐi (e.g. 08-QĐi/TW); 399-QĐ/TW (9 Jan 2026) returned to QĐ.
        yield return new DocumentType(DocumentSystem.Party, "QĐi", "Quy định", new DateOnly(2017, 1, 1), new DateOnly(2026, 1, 8), ++order);
        (string, string)[] stateTypes =
        [
            ("NQ", "Nghị quyết"), ("QĐ", "Quyết định"), ("CT", "Chỉ thị"), ("QC", "Quy chế"), ("QyĐ", "Quy định"), ("TC", "Thông cáo"),
            ("TB", "Thông báo"), ("HD", "Hướng dẫn"), ("CTr", "Chương trình"), ("KH", "Kế hoạch"), ("PA", "Phương án"), ("ĐA", "Đề án"),
            ("DA", "Dự án"), ("BC", "Báo cáo"), ("BB", "Biên bản"), ("TTr", "Tờ trình"), ("HĐ", "Hợp đồng"), ("CĐ", "Công điện"),
            ("GM", "Giấy mời"), ("GGT", "Giấy giới thiệu"), ("NĐ", "Nghị định"), ("TT", "Thông tư"), ("", "Công văn"),
        ];
        foreach (var (abbr, name) in stateTypes)
            yield return new DocumentType(DocumentSystem.State, abbr, name, state, null, ++order);
    }
}
