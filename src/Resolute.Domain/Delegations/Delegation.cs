using Resolute.Domain.Common;

namespace Resolute.Domain.Delegations;

public enum DelegationKind
{
    /// <summary>Đoàn công tác: a steering committee's working delegation (the seed's delegation no. 1 of Central Project 6).</summary>
    WorkingDelegation = 1,
    /// <summary>Đoàn kiểm tra: an inspection (Quy định 296-QĐ/TW); its conclusion may find violations.</summary>
    Inspection = 2,
    /// <summary>Đoàn giám sát: a supervision.</summary>
    Supervision = 3,
    /// <summary>Đoàn khảo sát: a survey.</summary>
    Survey = 4,
}

public enum DelegationState
{
    /// <summary>Being prepared: members, visited units and schedule.</summary>
    Draft = 1,
    /// <summary>Set up by its decision (registered as a QĐ): its members see the visited units' records for its period.</summary>
    Established = 2,
}

public enum DelegationRole
{
    Head = 1,
    Deputy = 2,
    Member = 3,
    Secretary = 4,
}

public enum FindingKind
{
    /// <summary>Ưu điểm.</summary>
    Strength = 1,
    /// <summary>Hạn chế, khuyết điểm.</summary>
    Shortcoming = 2,
    /// <summary>Vi phạm: an inspection's finding only.</summary>
    Violation = 3,
}

public static class DelegationNames
{
    public static string VietnameseName(this DelegationKind k) => k switch
    {
        DelegationKind.WorkingDelegation => "Đoàn công tác",
        DelegationKind.Inspection => "Đoàn kiểm tra",
        DelegationKind.Supervision => "Đoàn giám sát",
        DelegationKind.Survey => "Đoàn khảo sát",
        _ => k.ToString(),
    };

    public static string VietnameseName(this DelegationRole r) => r switch
    {
        DelegationRole.Head => "Trưởng đoàn",
        DelegationRole.Deputy => "Phó Trưởng đoàn",
        DelegationRole.Member => "Thành viên",
        DelegationRole.Secretary => "Thư ký",
        _ => r.ToString(),
    };

    public static string VietnameseName(this FindingKind k) => k switch
    {
        FindingKind.Strength => "Ưu điểm",
        FindingKind.Shortcoming => "Hạn chế, khuyết điểm",
        FindingKind.Violation => "Vi phạm",
        _ => k.ToString(),
    };

    /// <summary>The conclusion's document: an inspection or supervision concludes (KL); a working or survey delegation notifies its results (TB).</summary>
    public static string ConclusionAbbreviation(this DelegationKind k) => k is DelegationKind.Inspection or DelegationKind.Supervision ? "KL" : "TB";
}

/// <summary>
/// A delegation (RULES.md §12): set up by a body's decision naming its head, members and secretary, its subject and
/// period under review, and the units it visits; each visited unit reports on an outline by a deadline; the delegation
/// holds working sessions and concludes per unit with findings and recommendations, each recommendation followed up as
/// a task of the visited unit. While it is established and within its period its members read the visited units' records.
/// </summary>
public sealed class Delegation
{
    public const int TitleMaxLength = 500;
    public const int SubjectMaxLength = 2000;
    public const int TextMaxLength = 4000;
    public const int PlaceMaxLength = 300;
    public const int MinutesMaxLength = 20_000;

    private Delegation() { }

    public Delegation(Guid organisationId, DelegationKind kind, string? title, string? subject, DateOnly? reviewFrom, DateOnly? reviewTo,
        DateOnly startsOn, DateOnly endsOn, DateTime createdAt, Guid? createdBy)
    {
        Id = Ids.New();
        OrganisationId = organisationId;
        State = DelegationState.Draft;
        CreatedAt = createdAt;
        CreatedById = createdBy;
        Describe(kind, title, subject, reviewFrom, reviewTo, startsOn, endsOn);
    }

    public Guid Id { get; private set; }
    public int Version { get; private set; }
    /// <summary>The body that decides the delegation and follows up its recommendations.</summary>
    public Guid OrganisationId { get; private set; }
    public DelegationKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The subject: a resolution, programme or topic.</summary>
    public string? Subject { get; private set; }
    public Guid? SubjectDocumentId { get; private set; }
    /// <summary>The period under review.</summary>
    public DateOnly? ReviewFrom { get; private set; }
    public DateOnly? ReviewTo { get; private set; }
    /// <summary>The delegation's own period: its members' temporary access starts and ends with it.</summary>
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public DelegationState State { get; private set; }
    public Guid? DecisionDocumentId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedById { get; private set; }
    public List<DelegationMember> Members { get; private set; } = [];
    public List<Visit> Visits { get; private set; } = [];
    public List<WorkingSession> Sessions { get; private set; } = [];
    public List<DelegationConclusion> Conclusions { get; private set; } = [];

    public void Describe(DelegationKind kind, string? title, string? subject, DateOnly? reviewFrom, DateOnly? reviewTo, DateOnly startsOn, DateOnly endsOn)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("kind", "Loại đoàn phải là đoàn công tác, kiểm tra, giám sát hoặc khảo sát.", "kind");
        var t = Input.Clean(title, TitleMaxLength, "Tên đoàn", "title") ?? throw new DomainException("required", "Cần ghi tên đoàn.", "title");
        if (endsOn < startsOn) throw new DomainException("period", "Ngày kết thúc hoạt động của đoàn phải sau ngày bắt đầu.", "endsOn");
        if (endsOn.DayNumber - startsOn.DayNumber > 366) throw new DomainException("period", "Thời gian hoạt động của đoàn không quá một năm.", "endsOn");
        if (reviewFrom is { } a && reviewTo is { } b && b < a) throw new DomainException("review-period", "Kỳ được xem xét: ngày kết thúc phải sau ngày bắt đầu.", "reviewTo");
        Kind = kind;
        Title = t;
        Subject = Input.Clean(subject, SubjectMaxLength, "Nội dung", "subject");
        ReviewFrom = reviewFrom;
        ReviewTo = reviewTo;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Touch();
    }

    public void About(Guid? documentId)
    {
        SubjectDocumentId = documentId;
        Touch();
    }

    /// <summary>The members with their roles: one head, at most one secretary, each person once.</summary>
    public void SetMembers(IReadOnlyList<(Guid PersonId, DelegationRole Role)> members)
    {
        if (members.Any(m => !Enum.IsDefined(m.Role))) throw new DomainException("role", "Vai trò trong đoàn không hợp lệ.", "members");
        if (members.Select(m => m.PersonId).Distinct().Count() != members.Count) throw new DomainException("duplicate", "Một người chỉ giữ một vai trò trong đoàn.", "members");
        if (members.Count(m => m.Role == DelegationRole.Head) != 1) throw new DomainException("head", "Đoàn phải có đúng một Trưởng đoàn.", "members");
        if (members.Count(m => m.Role == DelegationRole.Secretary) > 1) throw new DomainException("secretary", "Đoàn chỉ có một Thư ký.", "members");
        Members.RemoveAll(m => members.All(x => x.PersonId != m.PersonId));
        foreach (var (person, role) in members)
        {
            if (Members.FirstOrDefault(m => m.PersonId == person) is { } existing) existing.Role = role;
            else Members.Add(new DelegationMember(Id, person, role));
        }
        Touch();
    }

    /// <summary>A unit the delegation visits, with the deadline of its report on the outline.</summary>
    public Visit AddVisit(Guid unitId, DateOnly? reportDeadline)
    {
        if (Visits.Any(v => v.UnitId == unitId)) throw new DomainException("duplicate", "Đơn vị này đã có trong danh sách làm việc của đoàn.", "unitId");
        if (unitId == OrganisationId) throw new DomainException("self", "Đoàn không làm việc với chính cơ quan quyết định thành lập đoàn.", "unitId");
        if (reportDeadline is { } d && d > EndsOn) throw new DomainException("deadline", "Hạn báo cáo phải trong thời gian hoạt động của đoàn.", "reportDeadline");
        var v = new Visit(Id, unitId, reportDeadline);
        Visits.Add(v);
        Touch();
        return v;
    }

    public void RemoveVisit(Guid unitId)
    {
        var v = Visits.FirstOrDefault(x => x.UnitId == unitId) ?? throw new DomainException("visit", "Đơn vị không có trong danh sách làm việc của đoàn.", "unitId");
        if (v.ReportAssignmentId is not null || Sessions.Any(s => s.UnitId == unitId) || Conclusions.Any(c => c.UnitId == unitId))
            throw new DomainException("visit-used", "Đoàn đã giao báo cáo, làm việc hoặc kết luận với đơn vị này; không bỏ được.", "unitId");
        Visits.Remove(v);
        Touch();
    }

    /// <summary>The visited unit's reporting task (its report on the outline).</summary>
    public void ReportTasked(Guid unitId, Guid assignmentId)
    {
        (Visits.FirstOrDefault(v => v.UnitId == unitId) ?? throw new DomainException("visit", "Đơn vị không có trong danh sách làm việc của đoàn.", "unitId"))
            .ReportAssignmentId = assignmentId;
        Touch();
    }

    /// <summary>The decision setting the delegation up is registered: its members' access begins with its period.</summary>
    public void Establish(Guid decisionDocumentId)
    {
        if (State != DelegationState.Draft) throw new DomainException("established", "Đoàn đã được thành lập.");
        if (Members.All(m => m.Role != DelegationRole.Head)) throw new DomainException("head", "Đoàn phải có Trưởng đoàn trước khi ra quyết định thành lập.", "members");
        if (Visits.Count == 0) throw new DomainException("visits", "Cần chọn ít nhất một đơn vị đoàn làm việc.", "unitId");
        DecisionDocumentId = decisionDocumentId;
        State = DelegationState.Established;
        Touch();
    }

    /// <summary>Whether its members read the visited units' records on this day.</summary>
    public bool GrantsAccessOn(DateOnly day) => State == DelegationState.Established && StartsOn <= day && day <= EndsOn;

    public WorkingSession AddSession(Guid unitId, DateTime at, string? place, Guid? paperDocumentId, string? attendees)
    {
        EnsureEstablished("ghi buổi làm việc");
        if (Visits.All(v => v.UnitId != unitId)) throw new DomainException("visit", "Đơn vị không có trong danh sách làm việc của đoàn.", "unitId");
        var day = DateOnly.FromDateTime(at);
        if (day < StartsOn || day > EndsOn) throw new DomainException("session-date", "Buổi làm việc phải trong thời gian hoạt động của đoàn.", "at");
        var s = new WorkingSession(Id, unitId, DateTime.SpecifyKind(at, DateTimeKind.Utc), Input.Clean(place, PlaceMaxLength, "Địa điểm", "place"), paperDocumentId,
            Input.Clean(attendees, TextMaxLength, "Thành phần", "attendees"));
        Sessions.Add(s);
        Touch();
        return s;
    }

    public void WriteMinutes(Guid sessionId, string? minutes)
    {
        var s = Sessions.FirstOrDefault(x => x.Id == sessionId) ?? throw new DomainException("session", "Không tìm thấy buổi làm việc.", "sessionId");
        s.Minutes = Input.Clean(minutes, MinutesMaxLength, "Biên bản", "minutes");
        Touch();
    }

    /// <summary>
    /// The delegation's conclusion on a visited unit: findings (strengths, shortcomings; violations in an inspection only)
    /// and numbered recommendations, each with the deadline the unit must meet.
    /// </summary>
    public DelegationConclusion Conclude(Guid unitId, string? summary, IReadOnlyList<(FindingKind Kind, string Text)> findings,
        IReadOnlyList<(string Text, DateOnly? Deadline)> recommendations)
    {
        EnsureEstablished("kết luận");
        if (Visits.All(v => v.UnitId != unitId)) throw new DomainException("visit", "Đơn vị không có trong danh sách làm việc của đoàn.", "unitId");
        if (Conclusions.Any(c => c.UnitId == unitId)) throw new DomainException("duplicate", "Đoàn đã kết luận với đơn vị này.", "unitId");
        if (findings.Any(f => !Enum.IsDefined(f.Kind))) throw new DomainException("finding", "Loại nhận xét không hợp lệ.", "findings");
        if (Kind != DelegationKind.Inspection && findings.Any(f => f.Kind == FindingKind.Violation))
            throw new DomainException("violation", "Chỉ kết luận kiểm tra mới nêu vi phạm.", "findings");
        if (findings.Count == 0 && recommendations.Count == 0) throw new DomainException("empty", "Kết luận cần có nhận xét hoặc kiến nghị.", "findings");
        var c = new DelegationConclusion(Id, unitId, Input.Clean(summary, TextMaxLength, "Kết luận chung", "summary"));
        var order = 0;
        foreach (var (kind, text) in findings)
            c.Findings.Add(new Finding(c.Id, kind, ++order,
                Input.Clean(text, TextMaxLength, "Nhận xét", "findings") ?? throw new DomainException("required", "Cần ghi nội dung nhận xét.", "findings")));
        var n = 0;
        foreach (var (text, deadline) in recommendations)
            c.Recommendations.Add(new Recommendation(c.Id, ++n,
                Input.Clean(text, TextMaxLength, "Kiến nghị", "recommendations") ?? throw new DomainException("required", "Cần ghi nội dung kiến nghị.", "recommendations"),
                deadline));
        Conclusions.Add(c);
        Touch();
        return c;
    }

    /// <summary>The conclusion is registered (KL or TB) and sent to the unit.</summary>
    public void ConclusionIssued(Guid conclusionId, Guid documentId, DateOnly on)
    {
        var c = Conclusions.FirstOrDefault(x => x.Id == conclusionId) ?? throw new DomainException("conclusion", "Không tìm thấy kết luận.", "conclusionId");
        if (c.DocumentId is not null) throw new DomainException("issued", "Kết luận đã được ban hành.");
        c.DocumentId = documentId;
        c.IssuedOn = on;
        Touch();
    }

    public Recommendation RecommendationOf(Guid conclusionId, Guid recommendationId) =>
        (Conclusions.FirstOrDefault(x => x.Id == conclusionId) ?? throw new DomainException("conclusion", "Không tìm thấy kết luận.", "conclusionId"))
            .Recommendations.FirstOrDefault(r => r.Id == recommendationId) ?? throw new DomainException("recommendation", "Không tìm thấy kiến nghị.", "recommendationId");

    /// <summary>A recommendation becomes a task of the visited unit, once.</summary>
    public void RecommendationTasked(Guid conclusionId, Guid recommendationId, Guid assignmentId)
    {
        var r = RecommendationOf(conclusionId, recommendationId);
        if (r.AssignmentId is not null) throw new DomainException("tasked", $"Kiến nghị {r.Number} đã được giao thành nhiệm vụ.");
        r.AssignmentId = assignmentId;
        Touch();
    }

    private void EnsureEstablished(string what)
    {
        if (State == DelegationState.Draft) throw new DomainException("draft", $"Đoàn chưa có quyết định thành lập; chưa {what} được.");
    }

    private void Touch() => Version++;
}

public sealed class DelegationMember
{
    private DelegationMember() { }

    internal DelegationMember(Guid delegationId, Guid personId, DelegationRole role)
    {
        DelegationId = delegationId;
        PersonId = personId;
        Role = role;
    }

    public Guid DelegationId { get; private set; }
    public Guid PersonId { get; private set; }
    public DelegationRole Role { get; internal set; }
}

/// <summary>A unit the delegation works with, and its report on the outline.</summary>
public sealed class Visit
{
    private Visit() { }

    internal Visit(Guid delegationId, Guid unitId, DateOnly? reportDeadline)
    {
        Id = Ids.New();
        DelegationId = delegationId;
        UnitId = unitId;
        ReportDeadline = reportDeadline;
    }

    public Guid Id { get; private set; }
    public Guid DelegationId { get; private set; }
    public Guid UnitId { get; private set; }
    public DateOnly? ReportDeadline { get; private set; }
    /// <summary>The unit's task of reporting on the outline: its report and files are that task's.</summary>
    public Guid? ReportAssignmentId { get; internal set; }
}

public sealed class WorkingSession
{
    private WorkingSession() { }

    internal WorkingSession(Guid delegationId, Guid unitId, DateTime at, string? place, Guid? paperDocumentId, string? attendees)
    {
        Id = Ids.New();
        DelegationId = delegationId;
        UnitId = unitId;
        At = at;
        Place = place;
        PaperDocumentId = paperDocumentId;
        Attendees = attendees;
    }

    public Guid Id { get; private set; }
    public Guid DelegationId { get; private set; }
    public Guid UnitId { get; private set; }
    /// <summary>When, in UTC.</summary>
    public DateTime At { get; private set; }
    public string? Place { get; private set; }
    /// <summary>What was presented: a register entry (the seed's summary report).</summary>
    public Guid? PaperDocumentId { get; private set; }
    /// <summary>Who attended on each side, as the minutes name them.</summary>
    public string? Attendees { get; private set; }
    public string? Minutes { get; internal set; }
}

/// <summary>The delegation's conclusion on one visited unit.</summary>
public sealed class DelegationConclusion
{
    private DelegationConclusion() { }

    internal DelegationConclusion(Guid delegationId, Guid unitId, string? summary)
    {
        Id = Ids.New();
        DelegationId = delegationId;
        UnitId = unitId;
        Summary = summary;
    }

    public Guid Id { get; private set; }
    public Guid DelegationId { get; private set; }
    public Guid UnitId { get; private set; }
    public string? Summary { get; private set; }
    /// <summary>The registered conclusion (KL) or notice of results (TB).</summary>
    public Guid? DocumentId { get; internal set; }
    public DateOnly? IssuedOn { get; internal set; }
    public List<Finding> Findings { get; private set; } = [];
    public List<Recommendation> Recommendations { get; private set; } = [];
}

public sealed class Finding
{
    private Finding() { }

    internal Finding(Guid conclusionId, FindingKind kind, int order, string text)
    {
        Id = Ids.New();
        ConclusionId = conclusionId;
        Kind = kind;
        Order = order;
        Text = text;
    }

    public Guid Id { get; private set; }
    public Guid ConclusionId { get; private set; }
    public FindingKind Kind { get; private set; }
    public int Order { get; private set; }
    public string Text { get; private set; } = "";
}

/// <summary>A recommendation the visited unit must carry out; followed up as its task, done when the deciding body accepts it.</summary>
public sealed class Recommendation
{
    private Recommendation() { }

    internal Recommendation(Guid conclusionId, int number, string text, DateOnly? deadline)
    {
        Id = Ids.New();
        ConclusionId = conclusionId;
        Number = number;
        Text = text;
        Deadline = deadline;
    }

    public Guid Id { get; private set; }
    public Guid ConclusionId { get; private set; }
    public int Number { get; private set; }
    public string Text { get; private set; } = "";
    public DateOnly? Deadline { get; private set; }
    public Guid? AssignmentId { get; internal set; }
}
