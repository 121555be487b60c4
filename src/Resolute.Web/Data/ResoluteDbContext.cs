using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Audit;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;
using Resolute.Domain.Reviews;
using Resolute.Web.Infrastructure.Access;

namespace Resolute.Web.Data;

/// <summary>
/// The one DbContext. Each provider has a subclass (<see cref="SqliteResoluteDbContext"/>,
/// <see cref="PostgresResoluteDbContext"/>) only so that each keeps its own migration set.
/// Access scope is applied here, as query filters, so every query passes through it (ADR-004).
/// </summary>
public abstract class ResoluteDbContext(DbContextOptions options, AccessScope scope, TimeProvider clock, AuditKeyring keyring)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Any fixed number: the PostgreSQL advisory lock that serialises writers of the audit chain.</summary>
    private const long AuditLockKey = 0x5245534F4C; // "RESOL"

    private readonly List<Auditing.Pending> _events = [];
    private bool _bulkLoad;

    /// <summary>
    /// A bulk load (a benchmark data set, a legacy register being migrated) records one audit event for the whole
    /// load, with its counts and source, instead of one entry per row: call with the event, save in batches, then end.
    /// </summary>
    public void BeginBulkLoad(string entityType, object details)
    {
        RecordEvent(AuditActions.BulkLoad, entityType, null, details: details);
        _bulkLoad = true;
    }

    /// <summary>Ends a bulk load and counts the tasks' tally again (it is not kept row by row during the load).</summary>
    public async Task EndBulkLoadAsync(CancellationToken ct = default)
    {
        _bulkLoad = false;
        await Features.Assignments.AssignmentTally.RebuildAsync(this, ct);
    }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public AuditKeyring Keyring { get; } = keyring;
    public DbSet<DocumentType> DocumentTypes => Set<DocumentType>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentRelation> DocumentRelations => Set<DocumentRelation>();
    public DbSet<NeedToKnow> NeedToKnow => Set<NeedToKnow>();
    public DbSet<Features.Documents.Attachments.Attachment> Attachments => Set<Features.Documents.Attachments.Attachment>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationClosure> OrganisationClosures => Set<OrganisationClosure>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Features.Assignments.AssignmentTally> AssignmentTallies => Set<Features.Assignments.AssignmentTally>();
    public DbSet<Coordinator> Coordinators => Set<Coordinator>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<AssignmentNeedToKnow> AssignmentNeedToKnow => Set<AssignmentNeedToKnow>();
    public DbSet<Features.Assignments.Evidence> Evidence => Set<Features.Assignments.Evidence>();
    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();
    public DbSet<Features.Notifications.ReminderClaim> ReminderClaims => Set<Features.Notifications.ReminderClaim>();
    public DbSet<Features.Assignments.CalendarKey> CalendarKeys => Set<Features.Assignments.CalendarKey>();
    public DbSet<ReviewCampaign> ReviewCampaigns => Set<ReviewCampaign>();
    public DbSet<UnitReport> UnitReports => Set<UnitReport>();
    public DbSet<ReportItem> ReportItems => Set<ReportItem>();
    public DbSet<Features.Reviews.OutlineTemplate> OutlineTemplates => Set<Features.Reviews.OutlineTemplate>();
    public DbSet<Features.Reviews.ReportAttachment> ReportAttachments => Set<Features.Reviews.ReportAttachment>();

    public AccessScope Scope { get; } = scope;

    /// <summary>
    /// The one statement of which documents lie in the caller's scope by their issuer: issued in the caller's subtrees,
    /// by a unit above them (sent down to them), or by a Central body. The documents query filter adds need-to-know to
    /// it; the "hidden secret items" count uses it alone.
    /// </summary>
    public Expression<Func<Document, bool>> IssuerInScope => d => ScopeUnrestricted
        || d.IssuerLevel == OrganisationLevel.Central
        || OrganisationClosures.Any(c => c.DescendantId == d.IssuerId && ScopeRoots.Contains(c.AncestorId))
        || OrganisationClosures.Any(c => c.AncestorId == d.IssuerId && ScopeRoots.Contains(c.DescendantId));
    public TimeProvider Clock { get; } = clock;

    /// <summary>
    /// The one statement of which tasks lie in the caller's scope: given by, led by, coordinated by or followed up by a
    /// unit in the caller's subtrees (so a ward sees the tasks the city gives it), or naming the caller as the
    /// responsible leader. The tasks query filter adds need-to-know for secret tasks; the hidden-secret count uses it alone.
    /// </summary>
    public Expression<Func<Assignment, bool>> AssignmentInScope => a => ScopeUnrestricted
        || OrganisationClosures.Any(c => c.DescendantId == a.LeadId && ScopeRoots.Contains(c.AncestorId))
        || OrganisationClosures.Any(c => c.DescendantId == a.AssignerId && ScopeRoots.Contains(c.AncestorId))
        || OrganisationClosures.Any(c => c.DescendantId == a.FollowUpId && ScopeRoots.Contains(c.AncestorId))
        || (ScopePersonId != null && a.LeadLeaderId == ScopePersonId)
        || Coordinators.Any(k => k.AssignmentId == a.Id
            && OrganisationClosures.Any(c => c.DescendantId == k.OrganisationId && ScopeRoots.Contains(c.AncestorId)));

    public const string AssignmentScopeFilter = "AssignmentScope";
    public const string AssignmentClearedFilter = "AssignmentCleared";

    /// <summary>
    /// The filter names to set aside, as one instance each: EF Core keys its compiled-query cache on the expression, of
    /// which this list is a constant, so the same object each time keeps the key plainly the same.
    /// </summary>
    public static readonly IReadOnlyCollection<string> ScopeFilterOnly = [AssignmentScopeFilter];
    public static readonly IReadOnlyCollection<string> ScopeAndClearedFilters = [AssignmentScopeFilter, AssignmentClearedFilter];

    /// <summary>Whether the unit lies in the subtree of a unit the caller holds a role over (so all below it is theirs to see).</summary>
    public async Task<bool> ScopeCoversAsync(Guid unitId, CancellationToken ct) =>
        Scope.Unrestricted || await OrganisationClosures.AnyAsync(c => c.DescendantId == unitId && ScopeRoots.Contains(c.AncestorId), ct);

    /// <summary>
    /// Whether the caller's scope covers the whole tree: every unit without a parent is one the caller holds a role over
    /// (a root has no ancestors, so nothing else can cover it). Every task names a unit of the tree (its assigner), so
    /// then every task lies in the scope.
    /// </summary>
    public async Task<bool> ScopeCoversEverythingAsync(CancellationToken ct) =>
        Scope.Unrestricted || (ScopeRoots.Length > 0
            && !await Organisations.IgnoreQueryFilters().AnyAsync(o => o.ParentId == null && !ScopeRoots.Contains(o.Id), ct));

    /// <summary>Today in Vietnam (UTC+7, no daylight saving), from the injectable clock: the "today" task status is judged on.</summary>
    public DateOnly Today => Infrastructure.VietnamTime.Today(Clock);

    /// <summary>Records an event that is not a change of a record (a sign-in, a failed sign-in…) with the next save.</summary>
    public void RecordEvent(string action, string entityType, string? entityId, Guid? userId = null, string? userName = null, object? details = null) =>
        _events.Add(new Auditing.Pending(action, entityType, entityId, null, null, details is null ? null : Auditing.Json(details), userId, userName));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves the changes together with their audit entries, in one transaction. The entries are chained: each carries
    /// the previous entry's hash, read under a lock (an advisory lock on PostgreSQL; SQLite's write lock, taken by
    /// BEGIN IMMEDIATE) so that entries written by several instances at once still form one chain.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        var tally = _bulkLoad ? [] : Features.Assignments.AssignmentTally.Deltas(ChangeTracker);
        var pending = _bulkLoad ? [] : await Auditing.CollectAsync(this, ct);
        pending.AddRange(_events);
        _events.Clear();
        if (pending.Count == 0 && tally.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var added = new List<AuditEntry>();
        try
        {
            if (Database.IsNpgsql())
                await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditLockKey})", ct);
            var last = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? AuditChain.Genesis;
            var at = AuditChain.Truncate(Clock.GetUtcNow().UtcDateTime);
            var (keyId, key) = Keyring.Current;
            foreach (var p in pending)
            {
                var entry = new AuditEntry
                {
                    Sequence = ++sequence,
                    At = at,
                    UserId = p.UserId ?? Scope.UserId,
                    UserName = p.UserName ?? Scope.UserName,
                    IpAddress = Scope.IpAddress,
                    Action = p.Action,
                    EntityType = p.EntityType,
                    EntityId = p.EntityId,
                    OrganisationId = p.OrganisationId,
                    Before = p.Before,
                    After = p.After,
                    SubjectId = p.SubjectId,
                    Secret = p.Secret,
                    KeyId = keyId,
                    PreviousHash = previous,
                };
                entry.Hash = AuditChain.Hash(key, previous, entry.Content());
                previous = entry.Hash;
                added.Add(entry);
            }
            AuditEntries.AddRange(added);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (added.Count > 0) await MoveHeadAsync(added[^1], keyId, key, ct);
            // The tasks' tally moves with them, in the same transaction (applied after the save, so a failed save adds nothing).
            await Features.Assignments.AssignmentTally.ApplyAsync(this, tally, ct);
            if (own is not null) await own.CommitAsync(ct);
            return count;
        }
        catch
        {
            // Nothing is half-written: the transaction rolls back and the entries are not retried with stale links.
            foreach (var entry in added) Entry(entry).State = EntityState.Detached;
            if (own is not null) await own.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Signs the chain's new head, in the transaction (and under the lock) of the entries it ends.</summary>
    private Task MoveHeadAsync(AuditEntry newest, string keyId, byte[] key, CancellationToken ct)
    {
        var mac = AuditChain.HeadMac(key, newest.Sequence, newest.Hash);
        return Database.ExecuteSqlRawAsync(
            "INSERT INTO audit_heads (\"Id\", \"Sequence\", \"Hash\", \"KeyId\", \"Mac\") VALUES (1, {0}, {1}, {2}, {3}) "
            + "ON CONFLICT (\"Id\") DO UPDATE SET \"Sequence\" = excluded.\"Sequence\", \"Hash\" = excluded.\"Hash\", "
            + "\"KeyId\" = excluded.\"KeyId\", \"Mac\" = excluded.\"Mac\"",
            [newest.Sequence, newest.Hash, keyId, mac], ct);
    }

    // Read by the query filters below; EF Core evaluates them per query against this instance.
    private bool ScopeUnrestricted => Scope.Unrestricted;
    private Guid[] ScopeRoots => Scope.Roots;
    private Guid? ScopeUserId => Scope.UserId;
    private Guid? ScopePersonId => Scope.PersonId;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<User>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(120);
        });

        b.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Code).HasMaxLength(Organisation.CodeMaxLength);
            e.HasIndex(o => o.Code).IsUnique();
            e.Property(o => o.ShortName).HasMaxLength(Organisation.ShortNameMaxLength);
            e.Property(o => o.FullName).HasMaxLength(Organisation.FullNameMaxLength);
            e.Property(o => o.SearchText).HasMaxLength(600);
            e.Property(o => o.EndReason).HasMaxLength(500);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(o => o.Level).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(o => o.ParentId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.SuccessorId).OnDelete(DeleteBehavior.Restrict);
            // A user sees the subtrees of the units they hold a role over, and nothing else.
            e.HasQueryFilter(o => ScopeUnrestricted
                || OrganisationClosures.Any(c => c.DescendantId == o.Id && ScopeRoots.Contains(c.AncestorId)));
        });

        b.Entity<OrganisationClosure>(e =>
        {
            e.ToTable("organisation_closure");
            e.HasKey(c => new { c.AncestorId, c.DescendantId });
            e.HasIndex(c => new { c.DescendantId, c.Depth });
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.AncestorId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.DescendantId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Term>(e =>
        {
            e.ToTable("terms");
            e.Property(t => t.Name).HasMaxLength(60);
            e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.OrganisationId, t.StartsOn });
        });

        b.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.Property(p => p.FullName).HasMaxLength(Person.NameMaxLength);
            e.Property(p => p.SearchText).HasMaxLength(Person.NameMaxLength * 2);
            e.Property(p => p.Email).HasMaxLength(200);
            e.Property(p => p.Phone).HasMaxLength(30);
        });

        b.Entity<Position>(e =>
        {
            e.ToTable("positions");
            e.Property(p => p.Title).HasMaxLength(Position.TitleMaxLength);
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => p.OrganisationId);
            e.HasIndex(p => p.PersonId);
            e.HasQueryFilter(p => ScopeUnrestricted
                || OrganisationClosures.Any(c => c.DescendantId == p.OrganisationId && ScopeRoots.Contains(c.AncestorId)));
        });

        b.Entity<RoleGrant>(e =>
        {
            e.ToTable("role_grants");
            e.Property(g => g.Role).HasConversion<string>().HasMaxLength(20);
            e.HasOne<User>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(g => new { g.UserId, g.Role, g.OrganisationId }).IsUnique();
        });

        b.Entity<DocumentType>(e =>
        {
            e.ToTable("document_types");
            e.Property(t => t.System).HasConversion<string>().HasMaxLength(10);
            e.Property(t => t.Abbreviation).HasMaxLength(10);
            e.Property(t => t.Name).HasMaxLength(80);
            e.HasIndex(t => new { t.System, t.Abbreviation, t.Name }).IsUnique();
        });

        b.Entity<Document>(e =>
        {
            e.ToTable("documents");
            e.Property(d => d.System).HasConversion<string>().HasMaxLength(10);
            e.Property(d => d.Number).HasMaxLength(20);
            e.Property(d => d.Symbol).HasMaxLength(60);
            e.Property(d => d.Signer).HasMaxLength(120);
            e.Property(d => d.Summary).HasMaxLength(Document.SummaryMaxLength);
            e.Property(d => d.Holder).HasMaxLength(200);
            e.Property(d => d.IdentityKey).HasMaxLength(200);
            e.Property(d => d.Secrecy).HasConversion<string>().HasMaxLength(15);
            e.Property(d => d.Urgency).HasConversion<string>().HasMaxLength(15);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(15);
            e.Property(d => d.IssuerLevel).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(d => d.IdentityKey).IsUnique();
            // Secret items are few: the index finds them at once for the "hidden from you" count.
            e.HasIndex(d => d.Secrecy);
            e.HasIndex(d => d.Symbol);
            e.HasIndex(d => new { d.IssuerId, d.IssuedOn });
            e.HasOne<DocumentType>().WithMany().HasForeignKey(d => d.TypeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(d => d.IssuerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Term>().WithMany().HasForeignKey(d => d.TermId).OnDelete(DeleteBehavior.Restrict);
            // Visible: documents issued in the caller's subtrees, by units above them (addressed down to them), or by
            // Central bodies; a secret item only to the users on its need-to-know list (RULES.md §5).
            Expression<Func<Document, bool>> cleared = d =>
                ScopeUnrestricted || d.Secrecy == Secrecy.None || NeedToKnow.Any(n => n.DocumentId == d.Id && n.UserId == ScopeUserId);
            e.HasQueryFilter(cleared.AndAlso(IssuerInScope));
        });

        b.Entity<DocumentRelation>(e =>
        {
            e.ToTable("document_relations");
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(r => new { r.FromId, r.ToId, r.Kind }).IsUnique();
            e.HasIndex(r => r.ToId);
            e.HasOne<Document>().WithMany().HasForeignKey(r => r.FromId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Document>().WithMany().HasForeignKey(r => r.ToId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Features.Documents.Attachments.Attachment>(e =>
        {
            e.ToTable("attachments");
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.HasIndex(a => a.DocumentId);
            e.HasOne<Document>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<NeedToKnow>(e =>
        {
            e.ToTable("need_to_know");
            e.HasKey(n => new { n.DocumentId, n.UserId });
            e.HasOne<Document>().WithMany().HasForeignKey(n => n.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Assignment>(e =>
        {
            e.ToTable("assignments");
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Property(a => a.State).HasConversion<string>().HasMaxLength(12);
            e.Property(a => a.Recurrence).HasConversion<string>().HasMaxLength(12);
            e.Property(a => a.Secrecy).HasConversion<string>().HasMaxLength(15);
            e.Property(a => a.Title).HasMaxLength(Assignment.TitleMaxLength);
            e.Property(a => a.Content).HasMaxLength(Assignment.ContentMaxLength);
            e.Property(a => a.SearchText).HasMaxLength(Assignment.TitleMaxLength + Assignment.ContentMaxLength + Assignment.OutputMaxLength + 2);
            e.Property(a => a.SourceClause).HasMaxLength(Assignment.ClauseMaxLength);
            e.Property(a => a.SourceNote).HasMaxLength(Assignment.SourceNoteMaxLength);
            e.Property(a => a.Output).HasMaxLength(Assignment.OutputMaxLength);
            e.Property(a => a.StateReason).HasMaxLength(Assignment.ReasonMaxLength);
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.AssignerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.FollowUpId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(a => a.LeadLeaderId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(a => a.SourceDocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Assignment>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Coordinators).WithOne().HasForeignKey(c => c.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Milestones).WithOne().HasForeignKey(m => m.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Indicators).WithOne().HasForeignKey(i => i.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Extensions).WithOne().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Reports).WithOne().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            // The dashboard counts by lead unit and status from this index alone (it covers every column the status
            // rule and the need-to-know check read), never touching the wide rows; lists read by lead unit and due date.
            e.HasIndex(a => new { a.LeadId, a.State, a.CompletedOn, a.DeadlineInForce, a.DueOn, a.Recurrence, a.Secrecy, a.Id }, "IX_assignments_status_cover");
            // Open tasks of a subtree by due date (the overdue list, its count, the page's ids): a seek per lead unit and a
            // range of due dates, answered from the index alone.
            // CompletedOn before DueOn: the seek is lead unit, state, not done, then the due-date range, so SQLite's planner
            // prefers it to the status index (which would read every open task of each unit); Id for the page's ids.
            e.HasIndex(a => new { a.LeadId, a.State, a.CompletedOn, a.DueOn, a.Recurrence, a.Secrecy, a.Id }, "IX_assignments_lead_due_cover");
            // The monthly trend reads completions by date with what decides on time or late. Partial: only done tasks
            // have a completion date, and SQLite's planner would otherwise pick it for "not done" (CompletedOn IS NULL).
            e.HasIndex(a => new { a.CompletedOn, a.DeadlineInForce, a.LeadId, a.State, a.Secrecy, a.Id }, "IX_assignments_completion_cover")
                .HasFilter("\"CompletedOn\" IS NOT NULL");
            e.HasIndex(a => new { a.AssignerId, a.State });
            // Open tasks only have a due date (done ones have none): overdue and due-soon lists are a range of this
            // index, in its order, with every column their conditions read.
            e.HasIndex(a => new { a.DueOn, a.State, a.CompletedOn, a.Recurrence, a.LeadId, a.Secrecy, a.Id }, "IX_assignments_due_cover");
            // Most tasks have no parent and many no source in the register: partial indexes keep the planner's
            // estimate for "children of this task" small, so it looks them up instead of scanning.
            e.HasIndex(a => a.ParentId).HasFilter("\"ParentId\" IS NOT NULL");
            // A review counts the tasks from its subject's lineage by source, lead unit and status: this index alone
            // answers it (the dashboard's index stays narrow).
            e.HasIndex(a => new { a.SourceDocumentId, a.LeadId, a.State, a.CompletedOn, a.DeadlineInForce, a.DueOn, a.Recurrence, a.Secrecy, a.Id },
                "IX_assignments_source_cover").HasFilter("\"SourceDocumentId\" IS NOT NULL");
            e.HasIndex(a => a.LeadLeaderId);
            // Secret tasks are few: a partial index finds them without reading an entry per task (its statistics are
            // its own, so the planner knows it is small).
            e.HasIndex(a => a.Secrecy).HasFilter("\"Secrecy\" <> 'None'");
            Expression<Func<Assignment, bool>> cleared = a =>
                ScopeUnrestricted || a.Secrecy == Secrecy.None || AssignmentNeedToKnow.Any(n => n.AssignmentId == a.Id && n.UserId == ScopeUserId);
            // Two named filters, so a query over a subtree the caller's scope already covers can set the scope one
            // aside (it would only repeat the subtree condition, row by row) while need-to-know still applies.
            e.HasQueryFilter(AssignmentScopeFilter, AssignmentInScope);
            e.HasQueryFilter(AssignmentClearedFilter, cleared);
        });

        b.Entity<Features.Assignments.AssignmentTally>(e =>
        {
            e.ToTable("assignment_tallies");
            // Lead unit first, then period: the dashboard reads a subtree's all-time rows and its last twelve months.
            e.HasKey(t => new { t.LeadId, t.Period, t.Bucket });
            e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.LeadId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Coordinator>(e =>
        {
            e.ToTable("assignment_coordinators");
            e.HasKey(c => new { c.AssignmentId, c.OrganisationId });
            e.HasIndex(c => c.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Milestone>(e =>
        {
            // Made in the domain with their id and found through the task's collections: new rows, never updates.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("assignment_milestones");
            e.Property(m => m.Title).HasMaxLength(Milestone.TitleMaxLength);
        });

        b.Entity<Indicator>(e =>
        {
            // Made in the domain with their id and found through the task's collections: new rows, never updates.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("assignment_indicators");
            e.Property(i => i.Name).HasMaxLength(Indicator.NameMaxLength);
            e.Property(i => i.Unit).HasMaxLength(Indicator.UnitMaxLength);
            e.Property(i => i.Target).HasPrecision(18, 4);
            e.Property(i => i.Actual).HasPrecision(18, 4);
            e.Ignore(i => i.Key);
        });

        b.Entity<Extension>(e =>
        {
            // Made in the domain with their id and found through the task's collections: new rows, never updates.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("assignment_extensions");
            e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Reason).HasMaxLength(Assignment.ReasonMaxLength);
            e.Property(x => x.DecisionNote).HasMaxLength(Assignment.ReasonMaxLength);
            e.Property(x => x.RequestedByName).HasMaxLength(256);
            e.Property(x => x.DecidedByName).HasMaxLength(256);
        });

        b.Entity<ProgressReport>(e =>
        {
            // Made in the domain with their id and found through the task's collections: new rows, never updates.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("progress_reports");
            e.Property(r => r.Review).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.Narrative).HasMaxLength(ProgressReport.NarrativeMaxLength);
            e.Property(r => r.ReviewComment).HasMaxLength(Assignment.ReasonMaxLength);
            e.Property(r => r.ReportedByName).HasMaxLength(256);
            e.Property(r => r.ReviewedByName).HasMaxLength(256);
            e.HasIndex(r => new { r.AssignmentId, r.ReportedAt });
            e.HasMany(r => r.Actuals).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<IndicatorActual>(e =>
        {
            e.ToTable("indicator_actuals");
            e.HasKey(x => new { x.ReportId, x.IndicatorId });
            e.Property(x => x.Value).HasPrecision(18, 4);
            e.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<AssignmentNeedToKnow>(e =>
        {
            e.ToTable("assignment_need_to_know");
            e.HasKey(n => new { n.AssignmentId, n.UserId });
            e.HasOne<Assignment>().WithMany().HasForeignKey(n => n.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Features.Assignments.Evidence>(e =>
        {
            e.ToTable("progress_evidence");
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.HasIndex(a => a.ReportId);
            e.HasIndex(a => a.AssignmentId);
            e.HasOne<Assignment>().WithMany().HasForeignKey(a => a.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ProgressReport>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Features.Notifications.Notification>(e =>
        {
            e.ToTable("notifications");
            e.Property(n => n.Kind).HasMaxLength(30);
            e.Property(n => n.Title).HasMaxLength(300);
            e.Property(n => n.Body).HasMaxLength(2000);
            e.Property(n => n.Url).HasMaxLength(300);
            e.Property(n => n.EmailTo).HasMaxLength(256);
            e.Property(n => n.EmailState).HasConversion<string>().HasMaxLength(10);
            e.Property(n => n.ClaimedBy).HasMaxLength(80);
            e.HasIndex(n => new { n.UserId, n.ReadAt });
            e.HasIndex(n => n.EmailState);
            e.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
            // Everyone reads only their own notifications.
            e.HasQueryFilter(n => ScopeUnrestricted || n.UserId == ScopeUserId);
        });

        b.Entity<Features.Notifications.ReminderClaim>(e =>
        {
            e.ToTable("reminder_claims");
            e.HasKey(r => new { r.AssignmentId, r.Kind, r.DueOn });
            e.Property(r => r.Kind).HasMaxLength(30);
            e.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        });

        var outlineConverter = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<ReviewOutline, string>(
            o => Features.Reviews.OutlineJson.Write(o), s => Features.Reviews.OutlineJson.Read(s));
        var outlineComparer = new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<ReviewOutline>(
            (x, y) => Features.Reviews.OutlineJson.Write(x!) == Features.Reviews.OutlineJson.Write(y!),
            o => Features.Reviews.OutlineJson.Write(o).GetHashCode(), o => o);

        b.Entity<ReviewCampaign>(e =>
        {
            // Made in the domain with their ids: a unit report added to a saved campaign is a new row, never an update.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("review_campaigns");
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(15);
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.Title).HasMaxLength(ReviewCampaign.TitleMaxLength);
            e.Property(c => c.SubjectNote).HasMaxLength(ReviewCampaign.NoteMaxLength);
            e.Property(c => c.Outline).HasConversion(outlineConverter, outlineComparer);
            e.HasIndex(c => c.OwnerId);
            e.HasIndex(c => c.SubjectDocumentId);
            e.HasIndex(c => c.ParentId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(c => c.SubjectDocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(c => c.ReportDocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ReviewCampaign>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Reports).WithOne().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Overrides).WithOne().HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Cascade);
            // Seen by the reviewing unit and those above it, and by the units asked to report (each sees the outline).
            e.HasQueryFilter(c => ScopeUnrestricted
                || OrganisationClosures.Any(x => x.DescendantId == c.OwnerId && ScopeRoots.Contains(x.AncestorId))
                || UnitReports.Any(r => r.CampaignId == c.Id && OrganisationClosures.Any(x => x.DescendantId == r.UnitId && ScopeRoots.Contains(x.AncestorId))));
        });

        b.Entity<UnitReport>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("unit_reports");
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Property(r => r.State).HasConversion<string>().HasMaxLength(12);
            e.Property(r => r.SubmittedByName).HasMaxLength(256);
            e.Property(r => r.DecidedByName).HasMaxLength(256);
            e.Property(r => r.ReturnComment).HasMaxLength(ReviewCampaign.ReasonMaxLength);
            e.HasIndex(r => new { r.CampaignId, r.UnitId }).IsUnique();
            e.HasIndex(r => r.UnitId);
            e.HasIndex(r => r.AssignmentId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.ReportId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Figures).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
            // A unit's report is its own and its reviewer's (and those above either); sibling units never see it.
            e.HasQueryFilter(r => ScopeUnrestricted
                || OrganisationClosures.Any(x => x.DescendantId == r.UnitId && ScopeRoots.Contains(x.AncestorId))
                || OrganisationClosures.Any(x => x.DescendantId == r.OwnerId && ScopeRoots.Contains(x.AncestorId)));
        });

        b.Entity<ReportItem>(e =>
        {
            // Made in the domain with their id and found through the report's collections: new rows, never updates.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("unit_report_items");
            e.Property(i => i.SectionKey).HasMaxLength(40);
            e.Property(i => i.Text).HasMaxLength(ReviewCampaign.ItemMaxLength);
            e.HasIndex(i => new { i.ReportId, i.SectionKey, i.Order });
        });

        b.Entity<ReportFigure>(e =>
        {
            e.ToTable("unit_report_figures");
            e.HasKey(f => new { f.ReportId, f.Key });
            e.Property(f => f.Key).HasMaxLength(40);
            e.Property(f => f.Value).HasPrecision(18, 4);
            e.Property(f => f.Note).HasMaxLength(500);
        });

        b.Entity<ConsolidatedItem>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("review_items");
            e.Property(i => i.SectionKey).HasMaxLength(40);
            e.Property(i => i.Text).HasMaxLength(ReviewCampaign.ItemMaxLength);
            e.Property(i => i.SourceItemIds).HasConversion(
                v => string.Join(',', v),
                s => s.Length == 0 ? new List<Guid>() : s.Split(',', StringSplitOptions.None).Select(Guid.Parse).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<Guid>>(
                    (x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, g) => HashCode.Combine(h, g)), v => v.ToList()));
            e.HasIndex(i => new { i.CampaignId, i.SectionKey, i.Order });
        });

        b.Entity<FigureOverride>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.ToTable("review_figure_overrides");
            e.Property(o => o.Key).HasMaxLength(40);
            e.Property(o => o.Value).HasPrecision(18, 4);
            e.Property(o => o.Reason).HasMaxLength(ReviewCampaign.ReasonMaxLength);
            e.Property(o => o.ByName).HasMaxLength(256);
            e.HasIndex(o => o.CampaignId);
        });

        b.Entity<Features.Reviews.OutlineTemplate>(e =>
        {
            e.ToTable("outline_templates");
            e.Property(t => t.Name).HasMaxLength(300);
            e.Property(t => t.Outline).HasConversion(outlineConverter, outlineComparer);
            e.HasIndex(t => t.OwnerId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Restrict);
            // A template is shared down the tree: a unit's own, those of units in its subtree, and those of units above it.
            e.HasQueryFilter(t => ScopeUnrestricted
                || OrganisationClosures.Any(x => x.DescendantId == t.OwnerId && ScopeRoots.Contains(x.AncestorId))
                || OrganisationClosures.Any(x => x.AncestorId == t.OwnerId && ScopeRoots.Contains(x.DescendantId)));
        });

        b.Entity<Features.Reviews.ReportAttachment>(e =>
        {
            e.ToTable("unit_report_attachments");
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.HasIndex(a => a.ReportId);
            e.HasOne<UnitReport>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Features.Assignments.CalendarKey>(e =>
        {
            e.ToTable("calendar_keys");
            e.HasKey(k => k.UserId);
            e.Property(k => k.KeyHash).HasMaxLength(64);
            e.HasIndex(k => k.KeyHash).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.EntityType).HasMaxLength(80);
            e.Property(a => a.EntityId).HasMaxLength(200);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.IpAddress).HasMaxLength(64);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.Property(a => a.KeyId).HasMaxLength(40);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.SubjectId);
            e.HasIndex(a => a.UserId);
            e.HasIndex(a => a.OrganisationId);
        });

        b.Entity<UserSession>(e =>
        {
            e.ToTable("user_sessions");
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.HasIndex(x => x.UserId);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<SignInFailure>(e =>
        {
            e.ToTable("sign_in_failures");
            e.Property(x => x.Key).HasMaxLength(120);
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.HasIndex(x => new { x.Key, x.At });
            e.HasIndex(x => new { x.IpAddress, x.At });
            e.HasIndex(x => x.At);
        });

        b.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(x => new { x.UserId, x.Key });
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Path).HasMaxLength(300);
            e.Property(x => x.Location).HasMaxLength(300);
            e.HasIndex(x => x.CreatedAt);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<AuditHead>(e =>
        {
            e.ToTable("audit_heads");
            e.HasKey(h => h.Id);
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.Hash).HasMaxLength(64);
            e.Property(h => h.KeyId).HasMaxLength(40);
            e.Property(h => h.Mac).HasMaxLength(64);
        });

        b.Entity<PersonalAccessToken>(e =>
        {
            e.ToTable("personal_access_tokens");
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.Prefix).HasMaxLength(12);
            e.Property(t => t.UserStamp).HasMaxLength(256);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

internal static class ExpressionComposition
{
    /// <summary>Both conditions, over one parameter, as a single expression EF Core can translate.</summary>
    public static Expression<Func<T, bool>> AndAlso<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var body = new Rebind(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, body), left.Parameters);
    }

    /// <summary>Either condition, over one parameter, as a single expression EF Core can translate.</summary>
    public static Expression<Func<T, bool>> OrElse<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var body = new Rebind(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, body), left.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

public sealed class SqliteResoluteDbContext(DbContextOptions<SqliteResoluteDbContext> options, AccessScope scope, TimeProvider clock, AuditKeyring keyring)
    : ResoluteDbContext(options, scope, clock, keyring);

public sealed class PostgresResoluteDbContext(DbContextOptions<PostgresResoluteDbContext> options, AccessScope scope, TimeProvider clock, AuditKeyring keyring)
    : ResoluteDbContext(options, scope, clock, keyring);
