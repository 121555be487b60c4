using Resolute.Domain.Common;

namespace Resolute.Domain.Reviews;

/// <summary>Sơ kết (a review part-way) or tổng kết (a review at the end of a period).</summary>
public enum ReviewKind
{
    Preliminary,
    Final,
}

public enum CampaignState
{
    /// <summary>Being prepared: outline, period and recipients may change.</summary>
    Draft,
    /// <summary>Sent to the units, who are writing their reports.</summary>
    Sent,
    /// <summary>The consolidated report is final; units' reports no longer change.</summary>
    Closed,
}

/// <summary>
/// A review campaign (đợt sơ kết, tổng kết): a unit reviews a subject (a resolution, a programme) over a period. It
/// sends an outline and a deadline to chosen subordinate units, each of which reports (and may cascade the outline
/// further down); it then consolidates their items into the report's numbered items, keeping where each came from.
/// </summary>
public sealed class ReviewCampaign
{
    public const int TitleMaxLength = 500;
    public const int NoteMaxLength = 1000;
    public const int ItemMaxLength = 4000;
    public const int ReasonMaxLength = 1000;

    private ReviewCampaign() { }

    public ReviewCampaign(Guid ownerId, ReviewKind kind, string title, Guid? subjectDocumentId, string? subjectNote, DateOnly periodFrom,
        DateOnly periodTo, DateOnly deadline, ReviewOutline outline, DateTime createdAt, Guid? createdBy, Guid? parentId = null)
    {
        Id = Ids.New();
        OwnerId = ownerId;
        ParentId = parentId;
        CreatedAt = createdAt;
        CreatedById = createdBy;
        State = CampaignState.Draft;
        Describe(kind, title, subjectDocumentId, subjectNote, periodFrom, periodTo, deadline, outline);
    }

    public Guid Id { get; private set; }
    public int Version { get; private set; }
    /// <summary>The reviewing unit: it sends the outline, accepts reports and consolidates.</summary>
    public Guid OwnerId { get; private set; }
    /// <summary>The campaign this one cascades (a ward's review under the city's).</summary>
    public Guid? ParentId { get; private set; }
    public ReviewKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public Guid? SubjectDocumentId { get; private set; }
    /// <summary>A subject not in the register (a programme, a topic).</summary>
    public string? SubjectNote { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public DateOnly Deadline { get; private set; }
    public ReviewOutline Outline { get; private set; } = ReviewOutline.Standard();
    public CampaignState State { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedById { get; private set; }
    public DateOnly? SentOn { get; private set; }
    /// <summary>The registered report (type BC) once the consolidated report is registered.</summary>
    public Guid? ReportDocumentId { get; private set; }

    public List<UnitReport> Reports { get; private set; } = [];
    public List<ConsolidatedItem> Items { get; private set; } = [];
    public List<FigureOverride> Overrides { get; private set; } = [];

    private void Touch() => Version++;

    public void Describe(ReviewKind kind, string title, Guid? subjectDocumentId, string? subjectNote, DateOnly periodFrom, DateOnly periodTo,
        DateOnly deadline, ReviewOutline outline)
    {
        if (State == CampaignState.Closed) throw Closed();
        var t = Input.Clean(title, TitleMaxLength, "Tên đợt sơ kết, tổng kết", "title")
            ?? throw new DomainException("required", "Cần nêu tên đợt sơ kết, tổng kết.", "title");
        var note = Input.Clean(subjectNote, NoteMaxLength, "Nội dung sơ kết, tổng kết", "subjectNote");
        if (subjectDocumentId is null && note is null)
            throw new DomainException("subject", "Cần chọn văn bản được sơ kết, tổng kết (hoặc ghi rõ chương trình, chuyên đề).", "subjectDocumentId");
        if (periodTo < periodFrom) throw new DomainException("period", "Kỳ sơ kết, tổng kết: ngày kết thúc phải sau ngày bắt đầu.", "periodTo");
        outline.Validate();
        if (State != CampaignState.Draft && !SameShape(Outline, outline))
            throw new DomainException("outline-sent", "Đề cương đã gửi các đơn vị; không đổi các phần và số liệu được nữa.", "outline");
        Kind = kind;
        Title = t;
        SubjectDocumentId = subjectDocumentId;
        SubjectNote = note;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        Deadline = deadline;
        Outline = outline;
        Touch();
    }

    private static bool SameShape(ReviewOutline a, ReviewOutline b) =>
        a.Sections.Select(s => s.Key + s.Title).SequenceEqual(b.Sections.Select(s => s.Key + s.Title))
        && a.Figures.Select(f => f.Key + f.Name).SequenceEqual(b.Figures.Select(f => f.Key + f.Name));

    /// <summary>Adds a unit asked to report; before or after sending (a unit forgotten is added late).</summary>
    public UnitReport AddRecipient(Guid unitId)
    {
        if (State == CampaignState.Closed) throw Closed();
        if (unitId == OwnerId) throw new DomainException("recipient-self", "Đơn vị chủ trì sơ kết, tổng kết không tự gửi đề cương cho mình.", "recipients");
        if (Reports.Any(r => r.UnitId == unitId)) throw new DomainException("recipient-duplicate", "Đơn vị này đã có trong danh sách báo cáo.", "recipients");
        var r = new UnitReport(Id, OwnerId, unitId);
        Reports.Add(r);
        Touch();
        return r;
    }

    public void RemoveRecipient(Guid unitId)
    {
        var r = Reports.FirstOrDefault(x => x.UnitId == unitId) ?? throw new DomainException("recipient", "Đơn vị không có trong danh sách báo cáo.");
        if (State != CampaignState.Draft || r.State != UnitReportState.NotStarted)
            throw new DomainException("recipient-started", "Đề cương đã gửi; không bỏ đơn vị khỏi danh sách được nữa.", "recipients");
        Reports.Remove(r);
        Touch();
    }

    /// <summary>Sends the outline to every recipient; from now each has the task of reporting by the deadline.</summary>
    public void Send(DateOnly today)
    {
        if (State != CampaignState.Draft) throw new DomainException("sent", "Đề cương đã được gửi.");
        if (Reports.Count == 0) throw new DomainException("no-recipients", "Cần chọn ít nhất một đơn vị báo cáo.", "recipients");
        if (Deadline < today) throw new DomainException("deadline-past", $"Hạn gửi báo cáo ({Deadline:dd/MM/yyyy}) đã qua.", "deadline");
        State = CampaignState.Sent;
        SentOn = today;
        Touch();
    }

    public UnitReport Report(Guid reportId) =>
        Reports.FirstOrDefault(r => r.Id == reportId) ?? throw new DomainException("report", "Không tìm thấy báo cáo của đơn vị.");

    public void Accept(Guid reportId, DateTime at, string? by)
    {
        if (State != CampaignState.Sent) throw NotOpen();
        Report(reportId).Accept(at, by);
        Touch();
    }

    public void Return(Guid reportId, string? comment, DateTime at, string? by)
    {
        if (State != CampaignState.Sent) throw NotOpen();
        Report(reportId).Return(Input.Clean(comment, ReasonMaxLength, "Ý kiến", "comment"), at, by);
        Touch();
    }

    /// <summary>Adds a numbered item of the consolidated report, with the units' items it was drawn from.</summary>
    public ConsolidatedItem AddItem(string sectionKey, string text, IEnumerable<Guid> sourceItemIds)
    {
        EnsureConsolidating();
        var section = Outline.Section(sectionKey) ?? throw new DomainException("section", "Phần này không có trong đề cương.", "sectionKey");
        var item = new ConsolidatedItem(Id, section.Key, Items.Where(i => i.SectionKey == section.Key).Select(i => i.Order).DefaultIfEmpty(0).Max() + 1,
            CleanItem(text), CheckSources(sourceItemIds));
        Items.Add(item);
        Touch();
        return item;
    }

    public void UpdateItem(Guid itemId, string text, IEnumerable<Guid> sourceItemIds)
    {
        EnsureConsolidating();
        Item(itemId).Update(CleanItem(text), CheckSources(sourceItemIds));
        Touch();
    }

    public void RemoveItem(Guid itemId)
    {
        EnsureConsolidating();
        var item = Item(itemId);
        Items.Remove(item);
        Renumber(item.SectionKey);
        Touch();
    }

    /// <summary>Moves an item up or down within its section; the numbers follow.</summary>
    public void MoveItem(Guid itemId, int by)
    {
        EnsureConsolidating();
        var item = Item(itemId);
        var list = Items.Where(i => i.SectionKey == item.SectionKey).OrderBy(i => i.Order).ToList();
        var at = list.IndexOf(item);
        var to = Math.Clamp(at + by, 0, list.Count - 1);
        list.RemoveAt(at);
        list.Insert(to, item);
        for (var n = 0; n < list.Count; n++) list[n].Order = n + 1;
        Touch();
    }

    /// <summary>Replaces a computed or reported figure (for one unit, or the total) with a value the office vouches for.</summary>
    public void Override(string figureKey, Guid? unitId, decimal? value, string? reason, DateTime at, string? by)
    {
        EnsureConsolidating();
        var figure = Outline.Figure(figureKey) ?? throw new DomainException("figure", "Số liệu này không có trong đề cương.", "figureKey");
        var why = Input.Clean(reason, ReasonMaxLength, "Lý do", "reason")
            ?? throw new DomainException("required", $"Cần nêu lý do điều chỉnh số liệu \"{figure.Name}\".", "reason");
        if (unitId is { } u && Reports.All(r => r.UnitId != u)) throw new DomainException("unit", "Đơn vị không có trong danh sách báo cáo.", "unitId");
        Overrides.RemoveAll(o => o.Key == figureKey && o.UnitId == unitId);
        if (value is { } v) Overrides.Add(new FigureOverride(Id, figureKey, unitId, v, why, at, by));
        Touch();
    }

    public void Close()
    {
        if (State != CampaignState.Sent) throw new DomainException("not-sent", "Chỉ kết thúc đợt đã gửi đề cương.");
        State = CampaignState.Closed;
        Touch();
    }

    public void Registered(Guid documentId)
    {
        if (ReportDocumentId is not null) throw new DomainException("registered", "Báo cáo tổng hợp đã được đăng ký.");
        ReportDocumentId = documentId;
        Touch();
    }

    /// <summary>How a unit's report stands on a day (late once the deadline has passed without it).</summary>
    public UnitReportStatus StatusOf(UnitReport r, DateOnly today) => r.StatusOn(Deadline, today, State);

    private ConsolidatedItem Item(Guid id) =>
        Items.FirstOrDefault(i => i.Id == id) ?? throw new DomainException("item", "Không tìm thấy mục của báo cáo tổng hợp.");

    private void Renumber(string sectionKey)
    {
        var n = 0;
        foreach (var i in Items.Where(i => i.SectionKey == sectionKey).OrderBy(i => i.Order)) i.Order = ++n;
    }

    private List<Guid> CheckSources(IEnumerable<Guid> ids)
    {
        var known = Reports.SelectMany(r => r.Items).Select(i => i.Id).ToHashSet();
        var list = ids.Distinct().ToList();
        if (list.Any(id => !known.Contains(id))) throw new DomainException("source-item", "Mục nguồn không thuộc báo cáo của đơn vị nào trong đợt này.", "sourceItemIds");
        return list;
    }

    private void EnsureConsolidating()
    {
        if (State == CampaignState.Closed) throw Closed();
        if (State == CampaignState.Draft) throw new DomainException("draft", "Đề cương chưa gửi các đơn vị; chưa tổng hợp được.");
    }

    private static string CleanItem(string text) => Input.Clean(text, ItemMaxLength, "Nội dung mục", "text")
        ?? throw new DomainException("required", "Cần nhập nội dung mục.", "text");

    private static DomainException Closed() => new("closed", "Đợt sơ kết, tổng kết đã kết thúc, không sửa được.");

    private static DomainException NotOpen() => new("not-open", "Đợt sơ kết, tổng kết không ở giai đoạn nhận báo cáo.");

}

/// <summary>A numbered item of the consolidated report, with the units' items it was drawn from.</summary>
public sealed class ConsolidatedItem
{
    private ConsolidatedItem() { }

    internal ConsolidatedItem(Guid campaignId, string sectionKey, int order, string text, List<Guid> sources)
    {
        Id = Ids.New();
        CampaignId = campaignId;
        SectionKey = sectionKey;
        Order = order;
        Text = text;
        SourceItemIds = sources;
    }

    public Guid Id { get; private set; }
    public Guid CampaignId { get; private set; }
    public string SectionKey { get; private set; } = "";
    public int Order { get; internal set; }
    public string Text { get; private set; } = "";
    public List<Guid> SourceItemIds { get; private set; } = [];

    internal void Update(string text, List<Guid> sources)
    {
        Text = text;
        SourceItemIds = sources;
    }
}

/// <summary>A figure the office set by hand, with why; it replaces the computed or reported value.</summary>
public sealed class FigureOverride
{
    private FigureOverride() { }

    internal FigureOverride(Guid campaignId, string key, Guid? unitId, decimal value, string reason, DateTime at, string? by)
    {
        Id = Ids.New();
        CampaignId = campaignId;
        Key = key;
        UnitId = unitId;
        Value = value;
        Reason = reason;
        At = at;
        ByName = by;
    }

    public Guid Id { get; private set; }
    public Guid CampaignId { get; private set; }
    public string Key { get; private set; } = "";
    /// <summary>The unit whose figure is replaced; null for the total.</summary>
    public Guid? UnitId { get; private set; }
    public decimal Value { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime At { get; private set; }
    public string? ByName { get; private set; }
}
