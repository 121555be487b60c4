using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Assignments;
using Resolute.Domain.Common;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Web.Data;
using Resolute.Web.Features.Common;
using Resolute.Web.Infrastructure;
using Resolute.Web.Infrastructure.Docx;

namespace Resolute.Web.Features.Assignments;

/// <summary>
/// The reminder letter (công văn đôn đốc): the tasks a unit gave another that are overdue, in a Party letter of the
/// official format, drafted in one click; registered as a document (type CV, next number of the issuer's term) with
/// the .docx attached when it is sent, and the receiving unit is notified.
/// </summary>
public static class ReminderLetter
{
    /// <summary>
    /// The letter: <paramref name="Overdue"/> are the unclassified tasks it names; <paramref name="SecretCount"/> the
    /// secret ones it only counts. An unclassified letter (registered, searched, sent to a unit's office) never names a
    /// secret task, whoever drafts it (RULES.md §5).
    /// </summary>
    public sealed record Draft(Organisation Issuer, Organisation Recipient, IReadOnlyList<AssignmentQueries.Item> Overdue, int SecretCount,
        string Symbol, DateOnly Date, byte[] Docx)
    {
        public int Total => Overdue.Count + SecretCount;
    }

    /// <summary>The issuing unit: the caller's unit that may assign (the widest first), which gave the overdue tasks.</summary>
    public static async Task<Organisation> IssuerAsync(ResoluteDbContext db, string? code, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(code))
            return await Units.FindAsync(db, null, code, "issuer", "đơn vị gửi", ct) ?? throw new NotFoundException();
        var roots = db.Scope.Grants.Where(g => g.Role.Allows(Permission.AssignTasks)).Select(g => g.OrganisationId).ToList();
        return await db.Organisations.Where(o => roots.Contains(o.Id)).OrderBy(o => o.Level).FirstOrDefaultAsync(ct)
            ?? throw new ForbiddenException("Chỉ văn phòng của đơn vị giao nhiệm vụ được soạn công văn đôn đốc.");
    }

    public static async Task<Draft> BuildAsync(ResoluteDbContext db, Organisation issuer, Organisation recipient, PageMargins margins, CancellationToken ct)
    {
        if (!await db.Scope.CanAsync(db, Permission.AssignTasks, issuer.Id, ct))
            throw new ForbiddenException("Chỉ văn phòng của đơn vị giao nhiệm vụ được soạn công văn đôn đốc.");
        var today = db.Today;
        var filter = new AssignmentQueries.Filter { Org = recipient.Id, Subtree = true, Assigner = issuer.Id, Statuses = [AssignmentStatus.Overdue] };
        var rows = await AssignmentQueries.Project(db, AssignmentQueries.Apply(db, filter, today).OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(200), today).ToListAsync(ct);
        var all = await AssignmentQueries.FinishAsync(db, rows, today, ct);
        var items = all.Where(a => a.Secrecy == Secrecy.None).ToList();
        // Every secret overdue task the issuer gave the unit, cleared for the drafter or not: counted, never named.
        var secretCount = await db.Assignments.IgnoreQueryFilters()
            .Where(a => a.Secrecy != Secrecy.None && a.AssignerId == issuer.Id && a.State == AssignmentState.Assigned
                && a.CompletedOn == null && a.DueOn != null && a.DueOn < today)
            .Where(AssignmentQueries.InSubtree(db, recipient.Id)).CountAsync(ct);
        if (items.Count + secretCount == 0)
            throw new DomainException("nothing-overdue", $"{recipient.ShortName} không có nhiệm vụ quá hạn do {issuer.ShortName} giao.");
        var number = await DocumentNumbers.NextPartyAsync(db, issuer, "CV", today, ct);
        var symbol = $"{number}-CV/{DocumentNumbers.IssuerSuffix(issuer)}";
        var header = await HeaderAsync(db, issuer, ct);
        var doc = new OfficialDocument
        {
            ParentBody = header.Above,
            IssuingBody = header.Issuer,
            NumberAndSymbol = symbol,
            Place = "Hà Nội",
            Date = today,
            Subject = "V/v đôn đốc thực hiện nhiệm vụ quá hạn",
            Addressees = [recipient.ShortName],
            SignatureCapacity = issuer.Kind == OrganisationKind.PartyCommittee ? "T/L Ban Thường vụ" : "T/M " + issuer.ShortName,
            SignatureTitle = issuer.Kind == OrganisationKind.PartyCommittee ? "Chánh Văn phòng" : null,
            Recipients = ["Như trên", $"Lưu Văn phòng {issuer.ShortName}"],
            Margins = margins,
        };
        var total = items.Count + secretCount;
        doc.Body.Add(new OfficialDocument.Paragraph(
            $"Theo dõi trên hệ thống, đến ngày {today:dd/MM/yyyy}, {recipient.ShortName} còn {total} nhiệm vụ do {issuer.ShortName} giao đã quá thời hạn nhưng chưa hoàn thành"
            + (items.Count > 0 ? ", cụ thể như sau:" : ".")));
        if (items.Count > 0)
            doc.Body.Add(new OfficialDocument.Table(["TT", "Nhiệm vụ", "Văn bản giao", "Thời hạn", "Số ngày quá hạn"],
                items.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(), a.Title, a.SourceSymbol ?? "", $"{a.DueOn:dd/MM/yyyy}",
                    (today.DayNumber - a.DueOn!.Value.DayNumber).ToString()]).ToList(), [6, 46, 16, 16, 16]));
        if (secretCount > 0)
            doc.Body.Add(new OfficialDocument.Paragraph(
                $"Ngoài ra, còn {secretCount} nhiệm vụ thuộc danh mục bí mật đã quá thời hạn; nội dung các nhiệm vụ này được thông báo theo quy định về bảo vệ bí mật nhà nước, không nêu trong công văn này."));
        doc.Body.Add(new OfficialDocument.Paragraph(
            $"Đề nghị {recipient.ShortName} khẩn trương chỉ đạo hoàn thành các nhiệm vụ trên; báo cáo kết quả trên hệ thống (hoặc đề nghị gia hạn, nêu rõ lý do) trước ngày {today.AddDays(7):dd/MM/yyyy}."));
        doc.Body.Add(new OfficialDocument.Paragraph($"{issuer.ShortName} sẽ tổng hợp, báo cáo Thường trực về tình hình thực hiện các nhiệm vụ quá hạn."));
        return new Draft(issuer, recipient, items, secretCount, symbol, today, doc.ToDocx());
    }

    /// <summary>The issuing body's lines at the top left of an official document (RULES.md §4).</summary>
    public static async Task<(string? Above, string Issuer)> HeaderAsync(ResoluteDbContext db, Organisation issuer, CancellationToken ct) =>
        OfficialHeader.IssuingBody(issuer, issuer.ParentId is { } pid
            ? await db.Organisations.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Id == pid, ct) : null);

    /// <summary>Registers the letter as a document with the .docx attached, and notifies the receiving unit.</summary>
    public static async Task<Document> SendAsync(ResoluteDbContext db, UserManager<User> users, Infrastructure.Files.FileStore store, Draft draft, CancellationToken ct)
    {
        if (!db.Scope.HasAny(Permission.RegisterDocuments)) throw new ForbiddenException("Chỉ văn phòng được đăng ký công văn.");
        var type = await db.DocumentTypes.FirstAsync(t => t.System == DocumentSystem.Party && t.Abbreviation == "CV" && t.ValidTo == null, ct);
        var document = await new Documents.RegisterDocument(draft.Symbol, type.Id, draft.Issuer.Id, null, draft.Date, null,
            $"V/v đôn đốc thực hiện nhiệm vụ quá hạn ({draft.Recipient.ShortName}, {draft.Total} nhiệm vụ)", Secrecy.None, Urgency.Normal,
            null, null, null).HandleAsync(db, users, ct);
        await new Documents.Attachments.AddAttachment(document.Id, $"cong-van-don-doc-{draft.Symbol.Replace('/', '-')}.docx", () => new MemoryStream(draft.Docx))
            .HandleAsync(db, store, ct);
        var recipients = await db.Users.Where(u => !u.IsDisabled && db.RoleGrants.Any(g => g.UserId == u.Id && g.OrganisationId == draft.Recipient.Id))
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        db.Notifications.AddRange(recipients.Select(u => new Notification
        {
            UserId = u.Id,
            CreatedAt = now,
            Kind = "letter",
            Title = $"Công văn {draft.Symbol} của {draft.Issuer.ShortName} đôn đốc {draft.Total} nhiệm vụ quá hạn",
            Url = $"/Documents/Details/{document.Id}",
            EmailTo = u.Email,
            EmailState = string.IsNullOrWhiteSpace(u.Email) ? EmailState.None : EmailState.Pending,
        }));
        await db.SaveChangesAsync(ct);
        return document;
    }
}
