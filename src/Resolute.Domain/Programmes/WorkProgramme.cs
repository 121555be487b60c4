using Resolute.Domain.Common;
using Resolute.Domain.Documents;

namespace Resolute.Domain.Programmes;

/// <summary>What an item says, as the office types or imports it.</summary>
public sealed record ProgrammeItemInput
{
    public string? Content { get; init; }
    /// <summary>What is brought: a draft resolution, scheme, report, submission (a type of the document type table).</summary>
    public Guid? ContentTypeId { get; init; }
    public Guid? SourceDocumentId { get; init; }
    /// <summary>The clause of the source, or a source not in the register (a conclusion).</summary>
    public string? SourceNote { get; init; }
    public Guid? PreparingUnitId { get; init; }
    public IReadOnlyList<Guid> CoordinatorIds { get; init; } = [];
    public Guid? MemberInChargeId { get; init; }
    public ProgrammeForum? Forum { get; init; }
    /// <summary>The month it is due (any day of it); for an item due by quarter, a month of the quarter.</summary>
    public DateOnly? DueMonth { get; init; }
    public bool ByQuarter { get; init; }
    public Secrecy Secrecy { get; init; }
}

/// <summary>
/// A work programme (chương trình công tác, RULES.md §10) of a committee's body — its executive committee (BCH),
/// standing committee (BTV) or standing members (Thường trực) — for the whole term or one year. The office drafts it;
/// the leaders approve it, when it is registered as its CTr document and each item becomes a task of its preparing
/// unit. After approval it changes only by decisions: items added, postponed (the original month kept) or withdrawn,
/// each one an amendment in its history.
/// </summary>
public sealed class WorkProgramme
{
    public const int TitleMaxLength = 500;
    public const int PreambleMaxLength = 4000;
    public const int ReasonMaxLength = 1000;
    public const int DecisionMaxLength = 300;

    private WorkProgramme() { }

    public WorkProgramme(Guid organisationId, ProgrammeForum body, ProgrammeKind kind, int fromYear, int toYear, string? title, string? preamble,
        string ownerName, DateTime createdAt, Guid? createdBy)
    {
        Id = Ids.New();
        OrganisationId = organisationId;
        State = ProgrammeState.Draft;
        CreatedAt = createdAt;
        CreatedById = createdBy;
        Describe(body, kind, fromYear, toYear, title, preamble, ownerName);
    }

    public Guid Id { get; private set; }
    /// <summary>Incremented on every change; a writer holding an older value gets a conflict, never a lost update.</summary>
    public int Version { get; private set; }
    /// <summary>The committee whose body keeps the programme (the city committee, a ward committee, a People's Committee).</summary>
    public Guid OrganisationId { get; private set; }
    /// <summary>Whose programme it is: BCH, BTV or Thường trực.</summary>
    public ProgrammeForum Body { get; private set; }
    public ProgrammeKind Kind { get; private set; }
    public int FromYear { get; private set; }
    public int ToYear { get; private set; }
    public string Title { get; private set; } = "";
    public string? Preamble { get; private set; }
    public ProgrammeState State { get; private set; }
    public DateOnly? ApprovedOn { get; private set; }
    /// <summary>The registered CTr document the approved programme is.</summary>
    public Guid? DocumentId { get; private set; }
    /// <summary>The full-term programme an annual one was started from.</summary>
    public Guid? SourceProgrammeId { get; private set; }
    /// <summary>How many amendments (additions, postponements, withdrawals) since approval.</summary>
    public int Amendment { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedById { get; private set; }
    public List<ProgrammeItem> Items { get; private set; } = [];
    public List<ProgrammeChange> Changes { get; private set; } = [];

    public bool IsDraft => State == ProgrammeState.Draft;

    /// <summary>"Chương trình công tác năm 2026 của Ban Chấp hành Đảng bộ thành phố Hà Nội"; <paramref name="owner"/> names the body.</summary>
    public static string DefaultTitle(ProgrammeKind kind, int fromYear, int toYear, string owner) =>
        kind == ProgrammeKind.Annual
            ? $"Chương trình công tác năm {fromYear} của {owner}"
            : $"Chương trình công tác toàn khóa của {owner} nhiệm kỳ {fromYear}–{toYear}";

    public void Describe(ProgrammeForum body, ProgrammeKind kind, int fromYear, int toYear, string? title, string? preamble, string ownerName)
    {
        EnsureDraft();
        if (!Enum.IsDefined(body)) throw new DomainException("required", "Cần chọn cơ quan của chương trình (Ban Chấp hành, Ban Thường vụ hoặc Thường trực).", "body");
        if (!Enum.IsDefined(kind)) throw new DomainException("required", "Cần chọn loại chương trình (toàn khóa hoặc hằng năm).", "kind");
        if (fromYear is < 1945 or > 2999) throw new DomainException("year", "Năm của chương trình không hợp lệ.", "year");
        if (kind == ProgrammeKind.Annual) toYear = fromYear;
        if (toYear < fromYear || toYear - fromYear > 10)
            throw new DomainException("years", "Chương trình toàn khóa cần năm đầu và năm cuối của nhiệm kỳ (không quá 10 năm).", "toYear");
        if (Items.Any(i => i.DueMonth is { } m && (m.Year < fromYear || m.Year > toYear)))
            throw new DomainException("years", "Có nội dung dự kiến trình ngoài thời gian của chương trình; hãy sửa tháng của nội dung đó trước.", "year");
        Body = body;
        Kind = kind;
        FromYear = fromYear;
        ToYear = toYear;
        Title = Input.Clean(title, TitleMaxLength, "Tên chương trình", "title") ?? DefaultTitle(kind, fromYear, toYear, ownerName);
        Preamble = Input.Clean(preamble, PreambleMaxLength, "Phần mở đầu", "preamble");
        Touch();
    }

    /// <summary>An annual programme started from the full-term items that fall in its year.</summary>
    public void StartFrom(WorkProgramme fullTerm)
    {
        EnsureDraft();
        if (fullTerm.Kind != ProgrammeKind.FullTerm || fullTerm.OrganisationId != OrganisationId)
            throw new DomainException("source", "Chỉ lấy nội dung từ chương trình toàn khóa của cùng cấp ủy.", "sourceProgrammeId");
        if (Kind != ProgrammeKind.Annual) throw new DomainException("source", "Chỉ chương trình hằng năm được lập từ chương trình toàn khóa.", "sourceProgrammeId");
        SourceProgrammeId = fullTerm.Id;
        foreach (var i in fullTerm.Items.Where(i => i.State != ProgrammeItemState.Withdrawn && i.DueMonthInForce?.Year == FromYear).OrderBy(i => i.Number))
            AddItem(i.ToInput() with { DueMonth = i.DueMonthInForce }, null, null, default, null);
    }

    public ProgrammeItem AddItem(ProgrammeItemInput input, string? decision, string? reason, DateTime at, string? by)
    {
        var added = !IsDraft;
        if (added) RequireDecision(decision, "bổ sung nội dung");
        var item = new ProgrammeItem(Id, Items.Count == 0 ? 1 : Items.Max(i => i.Number) + 1, added);
        item.Set(input, this);
        Items.Add(item);
        if (added) Amend(ProgrammeChangeKind.Added, item, decision, reason, at, by, null, item.DueMonth);
        Touch();
        return item;
    }

    public void UpdateItem(Guid itemId, ProgrammeItemInput input)
    {
        EnsureDraft("sửa nội dung");
        Item(itemId).Set(input, this);
        Touch();
    }

    public void RemoveItem(Guid itemId)
    {
        EnsureDraft("bỏ nội dung");
        Items.Remove(Item(itemId));
        var n = 1;
        foreach (var i in Items.OrderBy(i => i.Number)) i.Number = n++;
        Touch();
    }

    /// <summary>What each item still lacks before the programme can be approved, as the five-clear check does for a task.</summary>
    public IReadOnlyList<ProgrammeGap> Gaps() =>
        Items.Where(i => i.State != ProgrammeItemState.Withdrawn).OrderBy(i => i.Number).SelectMany(i => i.Gaps()).ToList();

    /// <summary>Refuses, saying why, a programme that may not be approved: already approved, empty, or with items short of something.</summary>
    public void EnsureApprovable()
    {
        EnsureDraft("phê duyệt lại");
        if (Items.Count == 0) throw new DomainException("empty", "Chương trình chưa có nội dung nào để phê duyệt.");
        var gaps = Gaps();
        if (gaps.Count > 0)
            throw new DomainException("incomplete", $"Chưa phê duyệt được: {gaps.Count} chỗ còn thiếu. " + string.Join(" ", gaps.Take(5).Select(g => g.Message)));
    }

    public void Approve(DateOnly on, Guid documentId, DateTime at, string? by)
    {
        EnsureApprovable();
        State = ProgrammeState.Approved;
        ApprovedOn = on;
        DocumentId = documentId;
        Changes.Add(new ProgrammeChange(Id, null, ProgrammeChangeKind.Approved, 0, null, null, at, by, null, null));
        Touch();
    }

    /// <summary>Xin lùi: moved to a later month by the forum leaders' decision; the original month stays for the reports.</summary>
    public void Postpone(Guid itemId, DateOnly newMonth, string? reason, string? decision, DateTime at, string? by)
    {
        EnsureApproved("xin lùi");
        var i = Item(itemId);
        if (i.State is ProgrammeItemState.Submitted or ProgrammeItemState.Withdrawn)
            throw new DomainException("closed", $"Nội dung số {i.Number} đã {(i.State == ProgrammeItemState.Submitted ? "trình" : "rút khỏi chương trình")}, không xin lùi được.");
        var month = ProgrammeItem.MonthOf(newMonth);
        if (month <= i.DueMonthInForce) throw new DomainException("not-later", $"Tháng mới phải sau {ProgrammeNames.DueName(i.DueMonthInForce!.Value, i.ByQuarter)}.", "newMonth");
        if (month.Year > ToYear) throw new DomainException("outside", $"Tháng mới nằm ngoài thời gian của chương trình (đến hết năm {ToYear}).", "newMonth");
        RequireReason(reason, "xin lùi");
        RequireDecision(decision, "xin lùi");
        var from = i.DueMonthInForce;
        i.PostponeTo(month, Input.Clean(reason, ReasonMaxLength, "Lý do", "reason")!, Input.Clean(decision, DecisionMaxLength, "Quyết định", "decision")!);
        Amend(ProgrammeChangeKind.Postponed, i, decision, reason, at, by, from, month);
        Touch();
    }

    public void Withdraw(Guid itemId, string? reason, string? decision, DateTime at, string? by)
    {
        EnsureApproved("rút nội dung");
        var i = Item(itemId);
        if (i.State is ProgrammeItemState.Submitted or ProgrammeItemState.Withdrawn)
            throw new DomainException("closed", $"Nội dung số {i.Number} đã {(i.State == ProgrammeItemState.Submitted ? "trình" : "rút khỏi chương trình")}.");
        RequireReason(reason, "rút nội dung khỏi chương trình");
        RequireDecision(decision, "rút nội dung khỏi chương trình");
        i.WithdrawFor(Input.Clean(reason, ReasonMaxLength, "Lý do", "reason")!, Input.Clean(decision, DecisionMaxLength, "Quyết định", "decision")!);
        Amend(ProgrammeChangeKind.Withdrawn, i, decision, reason, at, by, i.DueMonthInForce, null);
        Touch();
    }

    /// <summary>The item was brought to its forum on that day (recorded by the office, or by the meeting that took it).</summary>
    public void MarkSubmitted(Guid itemId, DateOnly on, DateOnly today, DateTime at, string? by)
    {
        EnsureApproved("ghi nhận đã trình");
        var i = Item(itemId);
        if (i.State is ProgrammeItemState.Submitted or ProgrammeItemState.Withdrawn)
            throw new DomainException("closed", $"Nội dung số {i.Number} đã {(i.State == ProgrammeItemState.Submitted ? "được ghi nhận đã trình" : "rút khỏi chương trình")}.");
        if (on > today) throw new DomainException("future", "Ngày trình không được sau hôm nay.", "on");
        if (on.Year < FromYear - 1) throw new DomainException("too-early", $"Ngày trình phải trong thời gian của chương trình (từ năm {FromYear}).", "on");
        i.SubmitOn(on);
        Changes.Add(new ProgrammeChange(Id, i.Id, ProgrammeChangeKind.Submitted, Amendment, null, null, at, by, i.DueMonthInForce, null) { On = on });
        Touch();
    }

    /// <summary>Links an item to the task it became on approval.</summary>
    public void LinkTask(Guid itemId, Guid assignmentId) => Item(itemId).AssignmentId = assignmentId;

    public ProgrammeItem Item(Guid itemId) =>
        Items.FirstOrDefault(i => i.Id == itemId) ?? throw new DomainException("item", "Không tìm thấy nội dung trong chương trình.");

    private void Amend(ProgrammeChangeKind kind, ProgrammeItem item, string? decision, string? reason, DateTime at, string? by, DateOnly? from, DateOnly? to)
    {
        Amendment++;
        Changes.Add(new ProgrammeChange(Id, item.Id, kind, Amendment, Input.Clean(decision, DecisionMaxLength, "Quyết định", "decision"),
            Input.Clean(reason, ReasonMaxLength, "Lý do", "reason"), at, by, from, to));
    }

    private static void RequireReason(string? reason, string what)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("required", $"Cần nêu lý do {what}.", "reason");
    }

    /// <summary>Postponing, withdrawing or adding after approval takes a decision of the forum's leaders (RULES.md §10).</summary>
    private static void RequireDecision(string? decision, string what)
    {
        if (string.IsNullOrWhiteSpace(decision))
            throw new DomainException("decision-required", $"Cần ghi ý kiến quyết định của lãnh đạo (ví dụ: Thông báo kết luận số, ngày) để {what}.", "decision");
    }

    private void EnsureDraft(string? what = null)
    {
        if (!IsDraft)
            throw new DomainException("approved", what is null
                ? "Chương trình đã được phê duyệt, không sửa được phần chung."
                : $"Chương trình đã được phê duyệt, không {what} được; hãy bổ sung, xin lùi hoặc rút nội dung theo quyết định của lãnh đạo.");
    }

    private void EnsureApproved(string what)
    {
        if (IsDraft) throw new DomainException("draft", $"Chương trình chưa được phê duyệt; chưa {what} được.");
    }

    private void Touch() => Version++;
}

/// <summary>What an item still lacks: its number, the field and the message.</summary>
public sealed record ProgrammeGap(int Number, string Field, string Message);

/// <summary>
/// An item of a programme (glossary: <c>ProgrammeItem</c>): the content brought to a forum in a month by a preparing
/// unit, with coordinating units and the standing member in charge.
/// </summary>
public sealed class ProgrammeItem
{
    public const int ContentMaxLength = 2000;
    public const int SourceNoteMaxLength = 500;

    private ProgrammeItem() { }

    internal ProgrammeItem(Guid programmeId, int number, bool added)
    {
        Id = Ids.New();
        ProgrammeId = programmeId;
        Number = number;
        Added = added;
        State = ProgrammeItemState.Planned;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public int Number { get; internal set; }
    public string? Content { get; private set; }
    public Guid? ContentTypeId { get; private set; }
    public Guid? SourceDocumentId { get; private set; }
    public string? SourceNote { get; private set; }
    public Guid? PreparingUnitId { get; private set; }
    public List<Guid> CoordinatorIds { get; private set; } = [];
    public Guid? MemberInChargeId { get; private set; }
    public ProgrammeForum? Forum { get; private set; }
    /// <summary>The month first planned (the first day of it); kept when the item is postponed, as an extension keeps the original deadline.</summary>
    public DateOnly? DueMonth { get; private set; }
    /// <summary>The month in force: the original one, or the one it was postponed to.</summary>
    public DateOnly? DueMonthInForce { get; private set; }
    public bool ByQuarter { get; private set; }
    public Secrecy Secrecy { get; private set; }
    public ProgrammeItemState State { get; private set; }
    /// <summary>Added during the year by a decision (bổ sung), not in the programme as approved.</summary>
    public bool Added { get; private set; }
    public bool WasPostponed { get; private set; }
    public DateOnly? SubmittedOn { get; private set; }
    public string? StateReason { get; private set; }
    public string? StateDecision { get; private set; }
    /// <summary>The task the item became when the programme was approved (or when it was added).</summary>
    public Guid? AssignmentId { get; internal set; }

    public bool IsSecret => Secrecy != Secrecy.None;

    /// <summary>The last day the item may be brought to its forum: the end of its month (or quarter) in force.</summary>
    public DateOnly? Deadline => DueMonthInForce is { } m ? EndOf(m) : null;

    /// <summary>The end of the original month: what "on time" is counted against.</summary>
    public DateOnly? OriginalDeadline => DueMonth is { } m ? EndOf(m) : null;

    public static DateOnly MonthOf(DateOnly d) => new(d.Year, d.Month, 1);

    private static DateOnly EndOf(DateOnly month) => month.AddMonths(1).AddDays(-1);

    /// <summary>
    /// How the item stands in a report: withdrawn, then postponed (counted so in its original month, whatever came after),
    /// then submitted on time or late against its month, else overdue once its month has ended.
    /// </summary>
    public ProgrammeItemStatus StatusOn(DateOnly today) => State switch
    {
        ProgrammeItemState.Withdrawn => ProgrammeItemStatus.Withdrawn,
        _ when WasPostponed => ProgrammeItemStatus.Postponed,
        ProgrammeItemState.Submitted => SubmittedOn <= OriginalDeadline ? ProgrammeItemStatus.SubmittedOnTime : ProgrammeItemStatus.SubmittedLate,
        _ => Deadline is { } d && today > d ? ProgrammeItemStatus.Overdue : ProgrammeItemStatus.NotYetDue,
    };

    public ProgrammeItemInput ToInput() => new()
    {
        Content = Content,
        ContentTypeId = ContentTypeId,
        SourceDocumentId = SourceDocumentId,
        SourceNote = SourceNote,
        PreparingUnitId = PreparingUnitId,
        CoordinatorIds = CoordinatorIds.ToList(),
        MemberInChargeId = MemberInChargeId,
        Forum = Forum,
        DueMonth = DueMonth,
        ByQuarter = ByQuarter,
        Secrecy = Secrecy,
    };

    internal void Set(ProgrammeItemInput i, WorkProgramme p)
    {
        if (!Enum.IsDefined(i.Secrecy)) throw new DomainException("secrecy", "Độ mật không hợp lệ.", "secrecy");
        // A networked deployment never holds a secret item's content (RULES.md §5): only its place in the programme.
        if (i.Secrecy != Secrecy.None && !string.IsNullOrWhiteSpace(i.Content))
            throw new DomainException("secret-content", "Nội dung mật không được ghi trên hệ thống nối mạng; để trống phần nội dung, hồ sơ lưu tại văn phòng.", "content");
        if (i.Forum is { } f && !Enum.IsDefined(f)) throw new DomainException("forum", "Nơi trình không hợp lệ.", "forum");
        DateOnly? month = i.DueMonth is { } d ? MonthOf(d) : null;
        if (month is { } m && (m.Year < p.FromYear || m.Year > p.ToYear))
            throw new DomainException("month-outside", p.Kind == ProgrammeKind.Annual
                ? $"Tháng dự kiến trình phải trong năm {p.FromYear}."
                : $"Thời gian dự kiến trình phải trong các năm {p.FromYear}–{p.ToYear}.", "dueMonth");
        if (i.ByQuarter && month is { } q) month = new DateOnly(q.Year, ((q.Month - 1) / 3 + 1) * 3, 1);
        if (i.CoordinatorIds.Contains(i.PreparingUnitId ?? Guid.Empty))
            throw new DomainException("coordinator-is-lead", "Cơ quan chủ trì chuẩn bị không đồng thời là cơ quan phối hợp.", "coordinatorIds");
        Content = Input.Clean(i.Content, ContentMaxLength, "Nội dung", "content");
        ContentTypeId = i.ContentTypeId;
        SourceDocumentId = i.SourceDocumentId;
        SourceNote = Input.Clean(i.SourceNote, SourceNoteMaxLength, "Căn cứ", "sourceNote");
        PreparingUnitId = i.PreparingUnitId;
        CoordinatorIds = i.CoordinatorIds.Distinct().ToList();
        MemberInChargeId = i.MemberInChargeId;
        Forum = i.Forum;
        ByQuarter = i.ByQuarter;
        Secrecy = i.Secrecy;
        DueMonth = DueMonthInForce = month;
    }

    internal IEnumerable<ProgrammeGap> Gaps()
    {
        if (!IsSecret && Content is null) yield return new(Number, "content", $"Nội dung số {Number}: chưa ghi nội dung trình.");
        if (PreparingUnitId is null) yield return new(Number, "preparingUnitId", $"Nội dung số {Number}: chưa rõ cơ quan chủ trì chuẩn bị.");
        if (MemberInChargeId is null) yield return new(Number, "memberInChargeId", $"Nội dung số {Number}: chưa rõ đồng chí Thường trực phụ trách.");
        if (Forum is null) yield return new(Number, "forum", $"Nội dung số {Number}: chưa rõ trình Ban Chấp hành, Ban Thường vụ hay Thường trực.");
        if (DueMonth is null) yield return new(Number, "dueMonth", $"Nội dung số {Number}: chưa rõ tháng (hoặc quý) trình.");
    }

    internal void PostponeTo(DateOnly month, string reason, string decision)
    {
        DueMonthInForce = month;
        WasPostponed = true;
        State = ProgrammeItemState.Postponed;
        StateReason = reason;
        StateDecision = decision;
    }

    internal void WithdrawFor(string reason, string decision)
    {
        State = ProgrammeItemState.Withdrawn;
        StateReason = reason;
        StateDecision = decision;
    }

    internal void SubmitOn(DateOnly on)
    {
        State = ProgrammeItemState.Submitted;
        SubmittedOn = on;
    }
}

/// <summary>One line of a programme's history: approval, an amendment (added, postponed, withdrawn) with its decision, or a submission.</summary>
public sealed class ProgrammeChange
{
    private ProgrammeChange() { }

    internal ProgrammeChange(Guid programmeId, Guid? itemId, ProgrammeChangeKind kind, int amendment, string? decision, string? reason,
        DateTime at, string? by, DateOnly? fromMonth, DateOnly? toMonth)
    {
        Id = Ids.New();
        ProgrammeId = programmeId;
        ItemId = itemId;
        Kind = kind;
        Amendment = amendment;
        Decision = decision;
        Reason = reason;
        At = at;
        By = by;
        FromMonth = fromMonth;
        ToMonth = toMonth;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public Guid? ItemId { get; private set; }
    public ProgrammeChangeKind Kind { get; private set; }
    /// <summary>The programme's amendment this change made (0 for approval and submissions).</summary>
    public int Amendment { get; private set; }
    public string? Decision { get; private set; }
    public string? Reason { get; private set; }
    public DateTime At { get; private set; }
    public string? By { get; private set; }
    public DateOnly? FromMonth { get; private set; }
    public DateOnly? ToMonth { get; private set; }
    /// <summary>The day a submission was made.</summary>
    public DateOnly? On { get; internal set; }
}
