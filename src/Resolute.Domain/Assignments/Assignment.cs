using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Domain.Text;

namespace Resolute.Domain.Assignments;

/// <summary>
/// A task (nhiệm vụ) given by an assigning unit to one lead unit, under the five-clear principle (RULES.md §3).
/// A draft may be incomplete; <see cref="Assign"/> requires all five clears. The original deadline is never
/// overwritten: extensions move <see cref="DeadlineInForce"/>. Status is computed (<see cref="StatusOn"/>).
/// </summary>
public sealed class Assignment
{
    public const int TitleMaxLength = 500;
    public const int ContentMaxLength = 8000;
    public const int OutputMaxLength = 1000;
    public const int ClauseMaxLength = 200;
    public const int SourceNoteMaxLength = 1000;
    public const int ReasonMaxLength = 1000;
    /// <summary>A task longer than this needs milestones to have a clear schedule.</summary>
    public const int LongTaskDays = 180;

    private Assignment() { }

    public Assignment(Guid assignerId, string title, DateTime createdAt, Guid? createdBy)
    {
        Id = Ids.New();
        AssignerId = assignerId;
        State = AssignmentState.Draft;
        CreatedAt = createdAt;
        CreatedById = createdBy;
        SetTitle(title);
    }

    /// <summary>
    /// A task carried over from an existing register (a spreadsheet kept for years, another system), with its dates
    /// as they were. History is taken as recorded, so the five-clear check, which governs assigning, does not apply.
    /// </summary>
    public static Assignment Imported(Guid assignerId, Guid leadId, Guid? leaderId, string title, string? content, string? sourceNote,
        DateTime createdAt, DateOnly deadline, DateOnly? completedOn, int percent)
    {
        var a = new Assignment(assignerId, title, createdAt, null)
        {
            Content = content,
            SourceNote = sourceNote,
            LeadId = leadId,
            LeadLeaderId = leaderId,
            FollowUpId = assignerId,
            Deadline = deadline,
            DeadlineInForce = deadline,
            State = AssignmentState.Assigned,
            AssignedOn = DateOnly.FromDateTime(createdAt),
            CompletedOn = completedOn,
            Percent = completedOn is null ? Math.Clamp(percent, 0, 99) : 100,
        };
        a.UpdateDue();
        a.Reindex();
        return a;
    }

    /// <summary>
    /// The task of writing a unit's report in a review campaign (RULES.md §7): the outline is the work, the campaign's
    /// deadline the deadline, the report the result, the receiving unit the lead and its head, when one is recorded,
    /// the responsible leader. It is assigned at once so the reminders and the dashboard treat it as any other task.
    /// </summary>
    public static Assignment ForReviewReport(Guid assignerId, Guid leadId, Guid? leaderId, string title, string outlineNote,
        DateOnly deadline, DateOnly today, DateTime createdAt, Guid? createdBy)
    {
        var a = new Assignment(assignerId, title, createdAt, createdBy)
        {
            SourceNote = Clean(outlineNote, SourceNoteMaxLength, "Nguồn", "sourceNote"),
            Output = "Báo cáo của đơn vị theo đề cương, gửi trên hệ thống",
            LeadId = leadId,
            LeadLeaderId = leaderId,
            FollowUpId = assignerId,
            Deadline = deadline,
            DeadlineInForce = deadline,
            State = AssignmentState.Assigned,
            AssignedOn = today,
        };
        a.UpdateDue();
        a.Reindex();
        return a;
    }

    /// <summary>
    /// The task a work-programme item becomes on approval (RULES.md §10): its preparing unit leads, its coordinating
    /// units coordinate, the committee gives and follows it up, the content is brought to the forum by the end of its
    /// month. It is assigned at once so reminders, dashboards and reports treat it as any other task. A secret item has
    /// no content on the system, so its task is named only by its place in the programme.
    /// </summary>
    public static Assignment ForProgrammeItem(Guid committeeId, Guid preparingUnitId, Guid? leaderId, IEnumerable<Guid> coordinatorIds, string title,
        Guid? programmeDocumentId, string sourceClause, string output, DateOnly deadline, Secrecy secrecy, DateOnly today, DateTime createdAt, Guid? createdBy)
    {
        var a = new Assignment(committeeId, title, createdAt, createdBy)
        {
            SourceDocumentId = programmeDocumentId,
            SourceClause = Clean(sourceClause, ClauseMaxLength, "Điều, khoản", "sourceClause"),
            Output = Clean(output, OutputMaxLength, "Kết quả", "output"),
            LeadId = preparingUnitId,
            LeadLeaderId = leaderId,
            FollowUpId = committeeId,
            Deadline = deadline,
            DeadlineInForce = deadline,
            Secrecy = secrecy,
            State = AssignmentState.Assigned,
            AssignedOn = today,
        };
        a.Coordinators.AddRange(coordinatorIds.Where(c => c != preparingUnitId).Distinct().Select(c => new Coordinator(a.Id, c)));
        a.UpdateDue();
        a.Reindex();
        return a;
    }

    /// <summary>A progress report carried over with an imported task, already reviewed.</summary>
    public void ImportReport(string narrative, int percent, bool completion, DateTime at, DateOnly on)
    {
        var r = new ProgressReport(Id, narrative, percent, completion, at, on, null, null, null);
        r.Decide(ReportReview.Accepted, null, at, null);
        Reports.Add(r);
    }

    public Guid Id { get; private set; }
    /// <summary>Incremented on every change; a writer holding an older value gets a conflict, never a lost update.</summary>
    public int Version { get; private set; }
    public AssignmentState State { get; private set; }
    public string Title { get; private set; } = "";
    public string? Content { get; private set; }
    public string SearchText { get; private set; } = "";

    // rõ việc: what, and where it comes from
    public Guid? SourceDocumentId { get; private set; }
    public string? SourceClause { get; private set; }
    /// <summary>A meeting conclusion or other source not in the register.</summary>
    public string? SourceNote { get; private set; }

    // rõ người, rõ trách nhiệm
    public Guid AssignerId { get; private set; }
    public Guid? LeadId { get; private set; }
    public Guid? LeadLeaderId { get; private set; }
    public Guid? FollowUpId { get; private set; }
    public List<Coordinator> Coordinators { get; private set; } = [];

    // rõ tiến độ
    public DateOnly? Deadline { get; private set; }
    public DateOnly? DeadlineInForce { get; private set; }
    public Recurrence Recurrence { get; private set; }
    public DateOnly? NextReportDue { get; private set; }
    /// <summary>The next date something is due: the deadline in force, or the next cycle report. Kept for queries.</summary>
    public DateOnly? DueOn { get; private set; }
    public List<Milestone> Milestones { get; private set; } = [];

    // rõ hiệu quả
    public string? Output { get; private set; }
    public List<Indicator> Indicators { get; private set; } = [];

    public Secrecy Secrecy { get; private set; }
    public Guid? ParentId { get; private set; }
    /// <summary>A cascaded task whose deadline is later than its parent's waits for the parent's assigner to agree.</summary>
    public bool LateDeadlineApproved { get; private set; } = true;

    public int Percent { get; private set; }
    public DateOnly? AssignedOn { get; private set; }
    /// <summary>The date the work was reported done, set when the assigning unit accepts the completion.</summary>
    public DateOnly? CompletedOn { get; private set; }
    public string? StateReason { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedById { get; private set; }

    public List<Extension> Extensions { get; private set; } = [];
    public List<ProgressReport> Reports { get; private set; } = [];

    public bool IsSecret => Secrecy != Secrecy.None;
    public bool IsOpen => State == AssignmentState.Assigned && CompletedOn is null;

    public AssignmentStatus StatusOn(DateOnly today) =>
        AssignmentStatuses.Of(State, Recurrence, DeadlineInForce, DueOn, CompletedOn, today);

    /// <summary>The same question judged against the original deadline, as reports may ask.</summary>
    public AssignmentStatus StatusAgainstOriginalOn(DateOnly today) =>
        AssignmentStatuses.Of(State, Recurrence, Deadline, Recurrence == Recurrence.None ? Deadline : DueOn, CompletedOn, today);

    private void Touch() => Version++;

    public void SetTitle(string title)
    {
        var t = VietnameseText.Normalize(title ?? "").Trim();
        if (t.Length > TitleMaxLength) throw new DomainException("too-long", $"Tên nhiệm vụ không được dài quá {TitleMaxLength} ký tự.", "title");
        Title = t;
        Reindex();
    }

    /// <summary>Sets what a draft (or, before completion, an assigned task) says. Dates go through <see cref="SetSchedule"/>.</summary>
    public void Describe(string title, string? content, Guid? sourceDocumentId, string? sourceClause, string? sourceNote, string? output, Secrecy secrecy)
    {
        EnsureEditable();
        SetTitle(title);
        Content = Clean(content, ContentMaxLength, "Nội dung nhiệm vụ", "content");
        SourceDocumentId = sourceDocumentId;
        SourceClause = Clean(sourceClause, ClauseMaxLength, "Điều, khoản, mục", "sourceClause");
        SourceNote = Clean(sourceNote, SourceNoteMaxLength, "Nguồn giao (kết luận, cuộc họp)", "sourceNote");
        Output = Clean(output, OutputMaxLength, "Sản phẩm", "output");
        if (secrecy != Secrecy.None && Content is not null)
            throw new DomainException("secret-content", "Nhiệm vụ mật chỉ được ghi tên nhiệm vụ trong sổ; không ghi nội dung trên hệ thống nối mạng.", "content");
        // A top-secret entry hides even its summary line (RULES.md §5): the register keeps only its source and people.
        if (secrecy == Secrecy.TopSecret && (Title.Length > 0 || Output is not null))
            throw new DomainException("top-secret-title", "Nhiệm vụ tuyệt mật không ghi tên, sản phẩm trên hệ thống; chỉ ghi văn bản giao, đơn vị và thời hạn.", "title");
        Secrecy = secrecy;
        Reindex();
        Touch();
    }

    public void SetPeople(Guid? leadId, Guid? leadLeaderId, Guid? followUpId, IEnumerable<Guid> coordinatorIds)
    {
        EnsureEditable();
        if (State != AssignmentState.Draft && leadId != LeadId)
            throw new DomainException("lead-fixed", "Không đổi đơn vị chủ trì của nhiệm vụ đã giao; hãy thu hồi và giao lại.", "leadId");
        LeadId = leadId;
        LeadLeaderId = leadLeaderId;
        FollowUpId = followUpId;
        var wanted = coordinatorIds.Where(id => id != leadId).Distinct().ToHashSet();
        Coordinators.RemoveAll(c => !wanted.Contains(c.OrganisationId));
        foreach (var id in wanted.Where(id => Coordinators.All(c => c.OrganisationId != id)))
            Coordinators.Add(new Coordinator(Id, id));
        Touch();
    }

    /// <summary>The deadline or reporting cycle. Once assigned, a deadline moves only by an approved extension.</summary>
    public void SetSchedule(DateOnly? deadline, Recurrence recurrence, ReportingCalendar calendar, DateOnly today)
    {
        EnsureEditable();
        if (State != AssignmentState.Draft && (deadline != Deadline || recurrence != Recurrence))
            throw new DomainException("deadline-fixed", "Thời hạn của nhiệm vụ đã giao chỉ thay đổi bằng gia hạn được đơn vị giao phê duyệt.", "deadline");
        Deadline = deadline;
        DeadlineInForce = deadline;
        Recurrence = recurrence;
        NextReportDue = recurrence == Recurrence.None ? null : calendar.FirstDueOnOrAfter(recurrence, today);
        UpdateDue();
        Touch();
    }

    public void SetMilestones(IEnumerable<(string Title, DateOnly DueOn)> milestones)
    {
        EnsureEditable();
        var list = milestones.ToList();
        Milestones.RemoveAll(m => list.All(x => x.Title != m.Title || x.DueOn != m.DueOn));
        foreach (var (title, due) in list.Where(x => Milestones.All(m => m.Title != x.Title || m.DueOn != x.DueOn)))
            Milestones.Add(new Milestone(Id, title, due));
        Touch();
    }

    public void SetIndicators(IEnumerable<(string Name, string? Unit, decimal? Target)> indicators)
    {
        EnsureEditable();
        var list = indicators.ToList();
        Indicators.RemoveAll(i => list.All(x => x.Name != i.Name));
        foreach (var (name, unit, target) in list)
        {
            var existing = Indicators.FirstOrDefault(i => i.Name == name);
            if (existing is null) Indicators.Add(new Indicator(Id, name, unit, target));
            else existing.Update(unit, target);
        }
        Touch();
    }

    /// <summary>Makes this task a cascaded child of <paramref name="parent"/>, which its assigner (the parent's lead) breaks down.</summary>
    public void CascadeFrom(Assignment parent, bool lateDeadlineApproved)
    {
        ParentId = parent.Id;
        LateDeadlineApproved = Deadline is not { } d || parent.DeadlineInForce is not { } p || d <= p || lateDeadlineApproved;
        Touch();
    }

    public void ApproveLateDeadline()
    {
        LateDeadlineApproved = true;
        Touch();
    }

    /// <summary>What the five-clear check finds missing; empty when the task may be assigned.</summary>
    public IReadOnlyList<FiveClear.Gap> Gaps(DateOnly today) => FiveClear.Check(this, today);

    public void Assign(DateOnly today)
    {
        if (State != AssignmentState.Draft) throw new DomainException("not-draft", "Nhiệm vụ này đã được giao.");
        var gaps = Gaps(today);
        if (gaps.Count > 0) throw new FiveClear.IncompleteException(gaps);
        State = AssignmentState.Assigned;
        AssignedOn = today;
        Touch();
    }

    public ProgressReport Report(string? narrative, int percent, bool proposesCompletion, IEnumerable<(Guid IndicatorId, decimal Value)> actuals,
        DateTime at, Guid? userId, string? userName, DateOnly today, ReportingCalendar calendar)
    {
        if (State == AssignmentState.Draft) throw new DomainException("not-assigned", "Nhiệm vụ chưa được giao, chưa thể báo cáo tiến độ.");
        if (State == AssignmentState.Paused) throw new DomainException("paused", "Nhiệm vụ đang tạm dừng, chưa thể báo cáo tiến độ.");
        if (State == AssignmentState.Withdrawn) throw new DomainException("withdrawn", "Nhiệm vụ đã được xác định không thực hiện.");
        if (CompletedOn is not null) throw new DomainException("done", "Nhiệm vụ đã hoàn thành.");
        if (percent is < 0 or > 100) throw new DomainException("percent", "Tỷ lệ hoàn thành phải từ 0 đến 100.", "percent");
        if (IsSecret && !string.IsNullOrWhiteSpace(narrative))
            throw new DomainException("secret-content", "Nhiệm vụ mật: chỉ báo cáo tỷ lệ và đề nghị hoàn thành, không ghi nội dung trên hệ thống nối mạng.", "narrative");
        if (!IsSecret && string.IsNullOrWhiteSpace(narrative))
            throw new DomainException("required", "Cần nêu kết quả thực hiện.", "narrative");
        if (Reports.Any(r => r.ProposesCompletion && r.Review == ReportReview.Pending))
            throw new DomainException("completion-pending", "Đề nghị hoàn thành trước đó đang chờ đơn vị giao xem xét.");
        var report = new ProgressReport(Id, Clean(narrative, ProgressReport.NarrativeMaxLength, "Nội dung báo cáo", "narrative"),
            proposesCompletion ? 100 : percent, proposesCompletion, at, today, userId, userName, Recurrence == Recurrence.None ? null : NextReportDue);
        foreach (var (indicatorId, value) in actuals)
        {
            var indicator = Indicators.FirstOrDefault(i => i.Id == indicatorId)
                ?? throw new DomainException("indicator", "Chỉ tiêu không thuộc nhiệm vụ này.", "actuals");
            indicator.Actual = value;
            report.Actuals.Add(new IndicatorActual(report.Id, indicatorId, value));
        }
        Reports.Add(report);
        Percent = report.Percent;
        // A recurring task's cycle is reported and the next one falls due. A late report covers the latest cycle that
        // has fallen due (missed cycles are not owed twice); an early one covers the cycle now running.
        if (Recurrence != Recurrence.None && NextReportDue is { } due)
        {
            var covered = due;
            while (calendar.NextAfter(Recurrence, covered) <= today) covered = calendar.NextAfter(Recurrence, covered);
            NextReportDue = calendar.NextAfter(Recurrence, covered);
        }
        UpdateDue();
        Touch();
        return report;
    }

    public void Accept(Guid reportId, string? comment, DateTime at, string? reviewer)
    {
        var report = PendingReport(reportId);
        report.Decide(ReportReview.Accepted, comment, at, reviewer);
        if (report.ProposesCompletion)
        {
            CompletedOn = report.ReportedOn;
            Percent = 100;
            UpdateDue();
        }
        Touch();
    }

    public void Return(Guid reportId, string? comment, DateTime at, string? reviewer)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainException("required", "Cần ghi ý kiến khi trả lại báo cáo.", "comment");
        PendingReport(reportId).Decide(ReportReview.Returned, comment, at, reviewer);
        Touch();
    }

    private ProgressReport PendingReport(Guid reportId)
    {
        var report = Reports.FirstOrDefault(r => r.Id == reportId) ?? throw new DomainException("report", "Không tìm thấy báo cáo tiến độ.");
        if (report.Review != ReportReview.Pending) throw new DomainException("reviewed", "Báo cáo này đã được xem xét.");
        return report;
    }

    public Extension RequestExtension(DateOnly newDeadline, string reason, DateTime at, Guid? userId, string? userName)
    {
        if (!IsOpen) throw new DomainException("not-open", "Chỉ gia hạn nhiệm vụ đang thực hiện.");
        if (Recurrence != Recurrence.None || DeadlineInForce is null)
            throw new DomainException("recurring", "Nhiệm vụ thường xuyên không có thời hạn để gia hạn.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("required", "Cần nêu lý do xin gia hạn.", "reason");
        if (newDeadline <= DeadlineInForce) throw new DomainException("not-later", $"Thời hạn mới phải sau thời hạn đang áp dụng ({DeadlineInForce:dd/MM/yyyy}).", "newDeadline");
        if (Extensions.Any(e => e.Decision == ExtensionDecision.Pending))
            throw new DomainException("pending", "Đã có đề nghị gia hạn đang chờ phê duyệt.");
        var e = new Extension(Id, DeadlineInForce.Value, newDeadline, Clean(reason, ReasonMaxLength, "Lý do", "reason")!, at, userId, userName);
        Extensions.Add(e);
        Touch();
        return e;
    }

    public void DecideExtension(Guid extensionId, bool approve, string? note, DateTime at, string? decider)
    {
        var e = Extensions.FirstOrDefault(x => x.Id == extensionId) ?? throw new DomainException("extension", "Không tìm thấy đề nghị gia hạn.");
        if (e.Decision != ExtensionDecision.Pending) throw new DomainException("decided", "Đề nghị gia hạn này đã được xử lý.");
        if (!approve && string.IsNullOrWhiteSpace(note)) throw new DomainException("required", "Cần nêu lý do không đồng ý gia hạn.", "note");
        e.Decide(approve ? ExtensionDecision.Approved : ExtensionDecision.Refused, Clean(note, ReasonMaxLength, "Ý kiến", "note"), at, decider);
        if (approve)
        {
            DeadlineInForce = e.NewDeadline;
            UpdateDue();
        }
        Touch();
    }

    public void Pause(string reason)
    {
        if (!IsOpen) throw new DomainException("not-open", "Chỉ tạm dừng nhiệm vụ đang thực hiện.");
        StateReason = RequireReason(reason, "tạm dừng");
        State = AssignmentState.Paused;
        Touch();
    }

    public void Resume(string? reason)
    {
        if (State != AssignmentState.Paused) throw new DomainException("not-paused", "Nhiệm vụ không ở trạng thái tạm dừng.");
        State = AssignmentState.Assigned;
        StateReason = Clean(reason, ReasonMaxLength, "Lý do", "reason");
        Touch();
    }

    public void Withdraw(string reason)
    {
        if (State is AssignmentState.Withdrawn) throw new DomainException("withdrawn", "Nhiệm vụ đã được xác định không thực hiện.");
        if (CompletedOn is not null) throw new DomainException("done", "Nhiệm vụ đã hoàn thành, không thể thu hồi.");
        StateReason = RequireReason(reason, "không thực hiện");
        State = AssignmentState.Withdrawn;
        Touch();
    }

    private static string RequireReason(string reason, string what) =>
        Clean(reason, ReasonMaxLength, "Lý do", "reason") ?? throw new DomainException("required", $"Cần nêu lý do {what}.", "reason");

    private void EnsureEditable()
    {
        if (State == AssignmentState.Withdrawn) throw new DomainException("withdrawn", "Nhiệm vụ đã được xác định không thực hiện, không sửa được.");
        if (CompletedOn is not null) throw new DomainException("done", "Nhiệm vụ đã hoàn thành, không sửa được.");
    }

    private void UpdateDue() => DueOn = CompletedOn is not null ? null : Recurrence == Recurrence.None ? DeadlineInForce : NextReportDue;

    private void Reindex() => SearchText = VietnameseText.Fold($"{Title} {Content} {Output}");

    internal static string? Clean(string? value, int max, string label, string field) => Input.Clean(value, max, label, field);
}
