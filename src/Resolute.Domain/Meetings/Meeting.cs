using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Domain.Programmes;

namespace Resolute.Domain.Meetings;

public enum MeetingKind
{
    /// <summary>Thường kỳ: by the body's meeting regime.</summary>
    Regular = 1,
    /// <summary>Bất thường: called when needed.</summary>
    Extraordinary = 2,
    /// <summary>Chuyên đề: on one subject.</summary>
    Thematic = 3,
}

public enum MeetingState
{
    /// <summary>Called: agenda and invitees are prepared.</summary>
    Scheduled = 1,
    /// <summary>Held, with quorum: attendance, minutes and conclusions are recorded.</summary>
    Held = 2,
    /// <summary>Its notice of conclusions is issued and registered; the record is closed.</summary>
    NoticeIssued = 3,
}

public enum AttendeeRole
{
    /// <summary>A member of the forum for its term: counted for the quorum.</summary>
    Member = 1,
    /// <summary>Invited (a unit's head, a presenter): not counted.</summary>
    Invited = 2,
}

public enum Presence
{
    NotRecorded = 0,
    Present = 1,
    AbsentWithReason = 2,
    AbsentWithoutReason = 3,
}

/// <summary>
/// A meeting of a committee's forum (RULES.md §11): a BCH conference, a BTV or standing members' session. The office
/// calls it with an agenda drawn from the programme and invitees; it is held only with a quorum (two thirds of the
/// members summoned present, by default); its conclusions are numbered points under the agenda items, points that
/// assign work become tasks, and the notice of conclusions (TB) closes the record.
/// </summary>
public sealed class Meeting
{
    public const int TitleMaxLength = 500;
    public const int PlaceMaxLength = 300;
    public const int MinutesMaxLength = 20_000;
    public const int ConclusionMaxLength = 4000;
    public const int ReasonMaxLength = 500;

    private Meeting() { }

    public Meeting(Guid organisationId, ProgrammeForum forum, MeetingKind kind, int? number, string? title, DateTime startsAt, string? place,
        Guid? chairId, Secrecy secrecy, DateTime createdAt, Guid? createdBy)
    {
        Id = Ids.New();
        OrganisationId = organisationId;
        State = MeetingState.Scheduled;
        CreatedAt = createdAt;
        CreatedById = createdBy;
        Describe(forum, kind, number, title, startsAt, place, chairId, secrecy);
    }

    public Guid Id { get; private set; }
    public int Version { get; private set; }
    public Guid OrganisationId { get; private set; }
    public ProgrammeForum Forum { get; private set; }
    public MeetingKind Kind { get; private set; }
    /// <summary>"Hội nghị lần thứ 5": the meeting's number in the term, when the forum numbers them.</summary>
    public int? Number { get; private set; }
    public string? Title { get; private set; }
    /// <summary>When it starts, in UTC.</summary>
    public DateTime StartsAt { get; private set; }
    public string? Place { get; private set; }
    public Guid? ChairId { get; private set; }
    public Secrecy Secrecy { get; private set; }
    public MeetingState State { get; private set; }
    public string? Minutes { get; private set; }
    /// <summary>The registered notice of conclusions (TB).</summary>
    public Guid? NoticeDocumentId { get; private set; }
    public DateOnly? NoticeIssuedOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedById { get; private set; }
    public List<AgendaItem> Agenda { get; private set; } = [];
    public List<Attendance> Attendance { get; private set; } = [];
    public List<Conclusion> Conclusions { get; private set; } = [];

    public bool IsSecret => Secrecy != Secrecy.None;

    public void Describe(ProgrammeForum forum, MeetingKind kind, int? number, string? title, DateTime startsAt, string? place, Guid? chairId, Secrecy secrecy)
    {
        EnsureScheduled("sửa thông tin cuộc họp");
        if (!Enum.IsDefined(forum)) throw new DomainException("forum", "Cần chọn hội nghị, phiên họp của Ban Chấp hành, Ban Thường vụ hoặc Thường trực.", "forum");
        if (!Enum.IsDefined(kind)) throw new DomainException("kind", "Loại cuộc họp không hợp lệ.", "kind");
        if (!Enum.IsDefined(secrecy)) throw new DomainException("secrecy", "Độ mật không hợp lệ.", "secrecy");
        if (number is < 1 or > 999) throw new DomainException("number", "Số thứ tự hội nghị phải từ 1 đến 999.", "number");
        if (startsAt.Year is < 1945 or > 2999) throw new DomainException("startsAt", "Thời gian họp không hợp lệ.", "startsAt");
        Forum = forum;
        Kind = kind;
        Number = number;
        Title = Input.Clean(title, TitleMaxLength, "Tên cuộc họp", "title");
        StartsAt = DateTime.SpecifyKind(startsAt, DateTimeKind.Utc);
        Place = Input.Clean(place, PlaceMaxLength, "Địa điểm", "place");
        ChairId = chairId;
        Secrecy = secrecy;
        Touch();
    }

    /// <summary>"Hội nghị Ban Thường vụ lần thứ 5", or the title typed.</summary>
    public string Name => Title ?? $"{(Forum == ProgrammeForum.ExecutiveCommittee ? "Hội nghị" : "Phiên họp")} {Forum.VietnameseName()}{(Number is { } n ? $" lần thứ {n}" : "")}";

    public AgendaItem AddAgendaItem(string title, Guid? programmeItemId, Guid? presentingUnitId, Guid? paperDocumentId)
    {
        EnsureScheduled("thêm nội dung vào chương trình họp");
        if (programmeItemId is { } pid && Agenda.Any(a => a.ProgrammeItemId == pid))
            throw new DomainException("duplicate", "Nội dung này của chương trình công tác đã có trong chương trình họp.", "programmeItemId");
        var item = new AgendaItem(Id, Agenda.Count == 0 ? 1 : Agenda.Max(a => a.Order) + 1,
            Input.Clean(title, TitleMaxLength, "Nội dung", "title") ?? throw new DomainException("required", "Cần ghi nội dung họp.", "title"),
            programmeItemId, presentingUnitId, paperDocumentId);
        Agenda.Add(item);
        Touch();
        return item;
    }

    public void RemoveAgendaItem(Guid id)
    {
        EnsureScheduled("bỏ nội dung khỏi chương trình họp");
        Agenda.Remove(Agenda.FirstOrDefault(a => a.Id == id) ?? throw new DomainException("agenda", "Không tìm thấy nội dung trong chương trình họp."));
        var n = 1;
        foreach (var a in Agenda.OrderBy(a => a.Order)) a.Order = n++;
        Touch();
    }

    /// <summary>Invites people: members of the forum (counted for the quorum) or guests.</summary>
    public void Invite(Guid personId, AttendeeRole role)
    {
        if (State == MeetingState.NoticeIssued) throw new DomainException("closed", "Cuộc họp đã ban hành thông báo kết luận.");
        if (!Enum.IsDefined(role)) throw new DomainException("role", "Thành phần không hợp lệ.", "role");
        var existing = Attendance.FirstOrDefault(a => a.PersonId == personId);
        if (existing is not null) existing.Role = role;
        else Attendance.Add(new Attendance(Id, personId, role));
        Touch();
    }

    /// <summary>Records who came: an absence needs its reason to be "with reason" (RULES.md §11).</summary>
    public void Record(Guid personId, Presence presence, string? reason)
    {
        if (State == MeetingState.NoticeIssued) throw new DomainException("closed", "Cuộc họp đã ban hành thông báo kết luận.");
        var a = Attendance.FirstOrDefault(x => x.PersonId == personId) ?? throw new DomainException("attendee", "Người này không có trong thành phần mời.", "attendance");
        if (!Enum.IsDefined(presence)) throw new DomainException("presence", "Tình trạng dự họp không hợp lệ.", "attendance");
        var why = Input.Clean(reason, ReasonMaxLength, "Lý do vắng", "attendance");
        if (presence == Presence.AbsentWithReason && why is null)
            throw new DomainException("reason", "Vắng có lý do cần ghi lý do.", "attendance");
        a.Presence = presence;
        a.Reason = presence is Presence.AbsentWithReason or Presence.AbsentWithoutReason ? why : null;
        Touch();
    }

    /// <summary>The quorum: members present against members summoned, by the body's rule (two thirds by default).</summary>
    public Quorum QuorumBy(QuorumRule rule)
    {
        var members = Attendance.Count(a => a.Role == AttendeeRole.Member);
        var present = Attendance.Count(a => a.Role == AttendeeRole.Member && a.Presence == Presence.Present);
        return new Quorum(members, present, rule.Needed(members));
    }

    /// <summary>The meeting took place: only with a quorum of the members summoned.</summary>
    public void Hold(QuorumRule rule)
    {
        EnsureScheduled("ghi nhận đã họp");
        var q = QuorumBy(rule);
        if (q.Members == 0) throw new DomainException("no-members", "Chưa có thành viên nào trong thành phần mời; không xác định được số lượng để họp.", "attendance");
        if (!q.Met)
            throw new DomainException("quorum", $"Chưa đủ số lượng để họp: có mặt {q.Present}/{q.Members} thành viên, cần ít nhất {q.Needed}.", "attendance");
        State = MeetingState.Held;
        Touch();
    }

    public void WriteMinutes(string? minutes)
    {
        EnsureHeld("ghi biên bản");
        if (IsSecret && !string.IsNullOrWhiteSpace(minutes))
            throw new DomainException("secret-content", "Cuộc họp mật: biên bản không ghi trên hệ thống nối mạng, chỉ lưu hồ sơ tại văn phòng.", "minutes");
        Minutes = Input.Clean(minutes, MinutesMaxLength, "Biên bản", "minutes");
        Touch();
    }

    /// <summary>
    /// Whether the minutes as a file (signed, scanned) may be kept: once the meeting is held, also after its notice; never
    /// for a secret meeting, whose minutes stay on paper at the office (RULES.md §5).
    /// </summary>
    public void CheckMinutesFile()
    {
        if (State == MeetingState.Scheduled) throw new DomainException("not-held", "Cuộc họp chưa được ghi nhận đã họp; chưa đính kèm biên bản được.", "file");
        if (IsSecret) throw new DomainException("secret-content", "Cuộc họp mật: biên bản không lưu trên hệ thống nối mạng, chỉ lưu hồ sơ tại văn phòng.", "file");
    }

    /// <summary>A numbered point of the conclusions, under an agenda item (or the meeting as a whole); a point that assigns work names its lead unit and deadline.</summary>
    public Conclusion Conclude(Guid? agendaItemId, string text, Guid? leadUnitId, DateOnly? deadline)
    {
        EnsureHeld("ghi kết luận");
        if (agendaItemId is { } aid && Agenda.All(a => a.Id != aid)) throw new DomainException("agenda", "Không tìm thấy nội dung trong chương trình họp.", "agendaItemId");
        if (IsSecret) throw new DomainException("secret-content", "Cuộc họp mật: kết luận không ghi trên hệ thống nối mạng.", "text");
        var point = new Conclusion(Id, Conclusions.Count == 0 ? 1 : Conclusions.Max(c => c.Number) + 1, agendaItemId,
            Input.Clean(text, ConclusionMaxLength, "Kết luận", "text") ?? throw new DomainException("required", "Cần ghi nội dung kết luận.", "text"),
            leadUnitId, deadline);
        Conclusions.Add(point);
        Touch();
        return point;
    }

    public void RemoveConclusion(Guid id)
    {
        EnsureHeld("bỏ kết luận");
        var c = Conclusions.FirstOrDefault(x => x.Id == id) ?? throw new DomainException("conclusion", "Không tìm thấy điểm kết luận.");
        if (c.TaskIds.Count > 0) throw new DomainException("has-tasks", $"Điểm kết luận {c.Number} đã thành nhiệm vụ; không bỏ được.");
        Conclusions.Remove(c);
        var n = 1;
        foreach (var x in Conclusions.OrderBy(x => x.Number)) x.Number = n++;
        Touch();
    }

    /// <summary>Records that a point became a task.</summary>
    public void Tasked(Guid conclusionId, Guid assignmentId)
    {
        var c = Conclusions.FirstOrDefault(x => x.Id == conclusionId) ?? throw new DomainException("conclusion", "Không tìm thấy điểm kết luận.");
        c.TaskIds = [.. c.TaskIds, assignmentId];
        Touch();
    }

    /// <summary>The notice of conclusions is issued (registered as its TB document): the record closes.</summary>
    public void IssueNotice(Guid documentId, DateOnly on)
    {
        EnsureHeld("ban hành thông báo kết luận");
        if (Conclusions.Count == 0) throw new DomainException("empty", "Chưa có điểm kết luận nào để ban hành thông báo.");
        NoticeDocumentId = documentId;
        NoticeIssuedOn = on;
        State = MeetingState.NoticeIssued;
        Touch();
    }

    private void EnsureScheduled(string what)
    {
        if (State != MeetingState.Scheduled) throw new DomainException("held", $"Cuộc họp đã diễn ra, không {what} được.");
    }

    private void EnsureHeld(string what)
    {
        if (State == MeetingState.Scheduled) throw new DomainException("not-held", $"Cuộc họp chưa được ghi nhận đã họp (đủ số lượng); chưa {what} được.");
        if (State == MeetingState.NoticeIssued) throw new DomainException("closed", $"Đã ban hành thông báo kết luận; không {what} được nữa.");
    }

    private void Touch() => Version++;
}

/// <summary>The rule for a valid meeting (RULES.md §11): present members at least this fraction of those summoned.</summary>
public sealed record QuorumRule(int Numerator, int Denominator)
{
    /// <summary>Two thirds (Điều lệ Đảng): a committee conference is valid with at least two thirds of its members summoned present.</summary>
    public static readonly QuorumRule TwoThirds = new(2, 3);

    public int Needed(int members) => (members * Numerator + Denominator - 1) / Denominator;
}

public sealed record Quorum(int Members, int Present, int Needed)
{
    public bool Met => Members > 0 && Present >= Needed;
}

public sealed class AgendaItem
{
    private AgendaItem() { }

    internal AgendaItem(Guid meetingId, int order, string title, Guid? programmeItemId, Guid? presentingUnitId, Guid? paperDocumentId)
    {
        Id = Ids.New();
        MeetingId = meetingId;
        Order = order;
        Title = title;
        ProgrammeItemId = programmeItemId;
        PresentingUnitId = presentingUnitId;
        PaperDocumentId = paperDocumentId;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public int Order { get; internal set; }
    public string Title { get; private set; } = "";
    /// <summary>The programme item the meeting hears (it is recorded submitted when the notice is issued).</summary>
    public Guid? ProgrammeItemId { get; private set; }
    public Guid? PresentingUnitId { get; private set; }
    /// <summary>The paper in the register (a draft resolution, a report).</summary>
    public Guid? PaperDocumentId { get; private set; }
}

public sealed class Attendance
{
    private Attendance() { }

    internal Attendance(Guid meetingId, Guid personId, AttendeeRole role)
    {
        MeetingId = meetingId;
        PersonId = personId;
        Role = role;
    }

    public Guid MeetingId { get; private set; }
    public Guid PersonId { get; private set; }
    public AttendeeRole Role { get; internal set; }
    public Presence Presence { get; internal set; }
    public string? Reason { get; internal set; }
}

/// <summary>A numbered point of a notice of conclusions; a point that assigns work becomes tasks (their ids kept here).</summary>
public sealed class Conclusion
{
    private Conclusion() { }

    internal Conclusion(Guid meetingId, int number, Guid? agendaItemId, string text, Guid? leadUnitId, DateOnly? deadline)
    {
        Id = Ids.New();
        MeetingId = meetingId;
        Number = number;
        AgendaItemId = agendaItemId;
        Text = text;
        LeadUnitId = leadUnitId;
        Deadline = deadline;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public int Number { get; internal set; }
    public Guid? AgendaItemId { get; private set; }
    public string Text { get; private set; } = "";
    public Guid? LeadUnitId { get; private set; }
    public DateOnly? Deadline { get; private set; }
    public List<Guid> TaskIds { get; internal set; } = [];
}
