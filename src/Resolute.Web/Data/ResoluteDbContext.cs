using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Assignments;
using Resolute.Domain.Documents;
using Resolute.Domain.Organisations;
using Resolute.Domain.People;
using Resolute.Domain.Reviews;
using Resolute.Web.Infrastructure.Access;

namespace Resolute.Web.Data;

/// <summary>
/// The one DbContext (ADR-012). Each provider has a subclass (<see cref="SqliteResoluteDbContext"/>,
/// <see cref="PostgresResoluteDbContext"/>) only so that each keeps its own migration set. The model is configured by
/// area, one partial file each under <c>Data/&lt;Area&gt;/</c>; access scope is applied in one place,
/// <c>ResoluteDbContext.Scope.cs</c>, as query filters, so every query passes through it (ADR-004); the audited save
/// is beside the audit code (<c>Data/Audit/</c>).
/// </summary>
public abstract partial class ResoluteDbContext(DbContextOptions options, AccessScope scope, TimeProvider clock, AuditKeyring keyring)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    public DbSet<DocumentType> DocumentTypes => Set<DocumentType>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentRelation> DocumentRelations => Set<DocumentRelation>();
    public DbSet<NeedToKnow> NeedToKnow => Set<NeedToKnow>();
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
    public DbSet<AssignmentTally> AssignmentTallies => Set<AssignmentTally>();
    public DbSet<Coordinator> Coordinators => Set<Coordinator>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<AssignmentNeedToKnow> AssignmentNeedToKnow => Set<AssignmentNeedToKnow>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ReminderClaim> ReminderClaims => Set<ReminderClaim>();
    public DbSet<CalendarKey> CalendarKeys => Set<CalendarKey>();
    public DbSet<ReviewCampaign> ReviewCampaigns => Set<ReviewCampaign>();
    public DbSet<UnitReport> UnitReports => Set<UnitReport>();
    public DbSet<ReportItem> ReportItems => Set<ReportItem>();
    public DbSet<OutlineTemplate> OutlineTemplates => Set<OutlineTemplate>();

    public AccessScope Scope { get; } = scope;
    public TimeProvider Clock { get; } = clock;

    /// <summary>Today in Vietnam (UTC+7, no daylight saving), from the injectable clock: the "today" task status is judged on.</summary>
    public DateOnly Today => Infrastructure.VietnamTime.Today(Clock);


    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        ConfigureAccounts(b);
        ConfigureOrganisations(b);
        ConfigureDocuments(b);
        ConfigureAssignments(b);
        ConfigureNotifications(b);
        ConfigureReviews(b);
        ConfigureProgrammes(b);
        ConfigureMeetings(b);
        ConfigureDelegations(b);
        ConfigureFiles(b);
        ConfigureAudit(b);
        ApplyScopeFilters(b);
    }
}

public sealed class SqliteResoluteDbContext(DbContextOptions<SqliteResoluteDbContext> options, AccessScope scope, TimeProvider clock, AuditKeyring keyring)
    : ResoluteDbContext(options, scope, clock, keyring);

public sealed class PostgresResoluteDbContext(DbContextOptions<PostgresResoluteDbContext> options, AccessScope scope, TimeProvider clock, AuditKeyring keyring)
    : ResoluteDbContext(options, scope, clock, keyring);
