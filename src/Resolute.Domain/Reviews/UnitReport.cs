using Resolute.Domain.Common;

namespace Resolute.Domain.Reviews;

public enum UnitReportState
{
    NotStarted,
    Drafting,
    Submitted,
    Returned,
    Accepted,
}

/// <summary>How a unit's report stands for the reviewing unit: its state, or late when the deadline passed without it.</summary>
public enum UnitReportStatus
{
    NotStarted,
    Drafting,
    Submitted,
    Returned,
    Accepted,
    Late,
}

public static class UnitReportStatuses
{
    public static string VietnameseName(this UnitReportStatus s) => s switch
    {
        UnitReportStatus.NotStarted => "Chưa thực hiện",
        UnitReportStatus.Drafting => "Đang soạn",
        UnitReportStatus.Submitted => "Đã gửi, chờ xem xét",
        UnitReportStatus.Returned => "Bị trả lại",
        UnitReportStatus.Accepted => "Đã chấp nhận",
        UnitReportStatus.Late => "Chậm gửi",
        _ => s.ToString(),
    };

    /// <summary>The API's spelling: not-started, drafting, submitted, returned, accepted, late.</summary>
    public static string ApiName(this UnitReportStatus s) => s switch
    {
        UnitReportStatus.NotStarted => "not-started",
        _ => s.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// A unit's report in a review campaign: numbered items per section of the outline and its figures. Saved as a draft
/// any number of times, submitted, then accepted or returned with comments by the reviewing unit.
/// </summary>
public sealed class UnitReport
{
    private UnitReport() { }

    internal UnitReport(Guid campaignId, Guid ownerId, Guid unitId)
    {
        Id = Ids.New();
        CampaignId = campaignId;
        OwnerId = ownerId;
        UnitId = unitId;
        State = UnitReportState.NotStarted;
    }

    public Guid Id { get; private set; }
    public int Version { get; private set; }
    public Guid CampaignId { get; private set; }
    /// <summary>The reviewing unit (the campaign's owner), kept here so access to a report is decided from its own row.</summary>
    public Guid OwnerId { get; private set; }
    public Guid UnitId { get; private set; }
    /// <summary>The task of writing this report, through which deadlines are reminded.</summary>
    public Guid? AssignmentId { get; set; }
    /// <summary>The progress report on that task that proposes its completion, while the submission awaits a decision.</summary>
    public Guid? ProgressReportId { get; set; }
    public UnitReportState State { get; private set; }
    public DateOnly? SubmittedOn { get; private set; }
    public string? SubmittedByName { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedByName { get; private set; }
    public string? ReturnComment { get; private set; }
    /// <summary>The campaign of this unit's own review, when it cascaded the outline further down.</summary>
    public Guid? CascadeId { get; set; }

    public List<ReportItem> Items { get; private set; } = [];
    public List<ReportFigure> Figures { get; private set; } = [];

    public bool IsEditable => State is UnitReportState.NotStarted or UnitReportState.Drafting or UnitReportState.Returned;

    public UnitReportStatus StatusOn(DateOnly deadline, DateOnly today, CampaignState campaign = CampaignState.Sent) => State switch
    {
        UnitReportState.Submitted => UnitReportStatus.Submitted,
        UnitReportState.Accepted => UnitReportStatus.Accepted,
        _ when campaign != CampaignState.Draft && today > deadline => UnitReportStatus.Late,
        UnitReportState.Returned => UnitReportStatus.Returned,
        UnitReportState.Drafting => UnitReportStatus.Drafting,
        _ => UnitReportStatus.NotStarted,
    };

    /// <summary>Submitted after the deadline (a report accepted late still counts as late).</summary>
    public bool SubmittedLate(DateOnly deadline) => SubmittedOn > deadline;

    /// <summary>
    /// Saves what the unit has written: items per section (an item with an id keeps it, so links from the
    /// consolidated report survive edits) and figures. Sections and figures must be the outline's.
    /// </summary>
    public void SaveDraft(ReviewOutline outline, IEnumerable<(Guid? Id, string SectionKey, string Text)> items,
        IEnumerable<(string Key, decimal? Value, string? Note)> figures)
    {
        if (!IsEditable) throw new DomainException("not-editable", "Báo cáo đã gửi; chỉ sửa được khi bị trả lại.");
        var keep = new List<ReportItem>();
        foreach (var group in items.Where(i => !string.IsNullOrWhiteSpace(i.Text)).GroupBy(i => i.SectionKey))
        {
            if (outline.Section(group.Key) is null) throw new DomainException("section", "Phần này không có trong đề cương.", "items");
            var order = 0;
            foreach (var (id, _, text) in group)
            {
                var clean = Input.Clean(text, ReviewCampaign.ItemMaxLength, "Nội dung mục", "items")!;
                var existing = id is { } i ? Items.FirstOrDefault(x => x.Id == i) : null;
                if (existing is null)
                {
                    existing = new ReportItem(Id, group.Key, ++order, clean);
                    Items.Add(existing);
                }
                else existing.Set(group.Key, ++order, clean);
                keep.Add(existing);
            }
        }
        Items.RemoveAll(i => !keep.Contains(i));
        foreach (var (key, value, note) in figures)
        {
            var figure = outline.Figure(key) ?? throw new DomainException("figure", "Số liệu này không có trong đề cương.", "figures");
            var cleanNote = Input.Clean(note, 500, $"Ghi chú số liệu \"{figure.Name}\"", "figures");
            if (value is < 0) throw new DomainException("figure-negative", $"Số liệu \"{figure.Name}\" không được âm.", "figures");
            var f = Figures.FirstOrDefault(x => x.Key == key);
            if (value is null && cleanNote is null)
            {
                if (f is not null) Figures.Remove(f);
                continue;
            }
            if (f is null) Figures.Add(new ReportFigure(Id, key, value, cleanNote));
            else f.Set(value, cleanNote);
        }
        if (State == UnitReportState.NotStarted) State = UnitReportState.Drafting;
        Version++;
    }

    public void Submit(DateOnly today, string? by)
    {
        if (!IsEditable) throw new DomainException("submitted", "Báo cáo đã được gửi.");
        if (Items.Count == 0) throw new DomainException("empty", "Báo cáo chưa có nội dung; cần ít nhất một mục.", "items");
        State = UnitReportState.Submitted;
        SubmittedOn = today;
        SubmittedByName = by;
        Version++;
    }

    internal void Accept(DateTime at, string? by)
    {
        if (State != UnitReportState.Submitted) throw new DomainException("not-submitted", "Chỉ chấp nhận báo cáo đã gửi.");
        State = UnitReportState.Accepted;
        DecidedAt = at;
        DecidedByName = by;
        ReturnComment = null;
        Version++;
    }

    internal void Return(string? comment, DateTime at, string? by)
    {
        if (State != UnitReportState.Submitted) throw new DomainException("not-submitted", "Chỉ trả lại báo cáo đã gửi.");
        ReturnComment = comment ?? throw new DomainException("required", "Cần ghi ý kiến khi trả lại báo cáo.", "comment");
        State = UnitReportState.Returned;
        DecidedAt = at;
        DecidedByName = by;
        Version++;
    }
}

/// <summary>A numbered item of a unit's report under one section of the outline.</summary>
public sealed class ReportItem
{
    private ReportItem() { }

    internal ReportItem(Guid reportId, string sectionKey, int order, string text)
    {
        Id = Ids.New();
        ReportId = reportId;
        Set(sectionKey, order, text);
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public string SectionKey { get; private set; } = "";
    public int Order { get; private set; }
    public string Text { get; private set; } = "";

    internal void Set(string sectionKey, int order, string text)
    {
        SectionKey = sectionKey;
        Order = order;
        Text = text;
    }
}

/// <summary>A figure a unit reports (or a note on a computed one).</summary>
public sealed class ReportFigure
{
    private ReportFigure() { }

    internal ReportFigure(Guid reportId, string key, decimal? value, string? note)
    {
        ReportId = reportId;
        Key = key;
        Set(value, note);
    }

    public Guid ReportId { get; private set; }
    public string Key { get; private set; } = "";
    public decimal? Value { get; private set; }
    public string? Note { get; private set; }

    internal void Set(decimal? value, string? note)
    {
        Value = value;
        Note = note;
    }
}
