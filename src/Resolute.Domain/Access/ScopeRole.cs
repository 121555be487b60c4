namespace Resolute.Domain.Access;

/// <summary>
/// A role is held over a unit and everything below it. A user may hold several.
/// The command line names them admin, office, leader, reporter, inspector.
/// </summary>
public enum ScopeRole
{
    /// <summary>System administrator: everything in the scope, including accounts.</summary>
    Admin = 1,
    /// <summary>Office staff (văn phòng): registers documents, assigns and follows up tasks, keeps the unit tree.</summary>
    Office = 2,
    /// <summary>Leader (lãnh đạo): approves, sees dashboards.</summary>
    Leader = 3,
    /// <summary>Unit reporter: reports progress on its unit's tasks.</summary>
    Reporter = 4,
    /// <summary>Inspector: reads everything in the scope, including the audit trail; changes nothing.</summary>
    Inspector = 5,
}

/// <summary>What a role allows. Kept here so the rule has one home.</summary>
public enum Permission
{
    Read = 1,
    ManageOrganisations = 2,
    ManageUsers = 3,
    RegisterDocuments = 4,
    /// <summary>Draft, assign, cascade and edit tasks given by the unit.</summary>
    AssignTasks = 5,
    /// <summary>Accept or return progress reports, decide extensions, pause and withdraw the unit's tasks.</summary>
    ReviewTasks = 6,
    /// <summary>Report progress on, and ask to extend, the tasks the unit leads.</summary>
    ReportProgress = 7,
    /// <summary>Approve a body's work programme and decide its amendments (add, postpone, withdraw items): the leaders.</summary>
    ApproveProgrammes = 8,
}

public static class ScopeRoles
{
    public static bool Allows(this ScopeRole role, Permission permission) => permission switch
    {
        Permission.Read => true,
        Permission.ManageOrganisations => role is ScopeRole.Admin or ScopeRole.Office,
        Permission.ManageUsers => role is ScopeRole.Admin,
        Permission.RegisterDocuments => role is ScopeRole.Admin or ScopeRole.Office,
        Permission.AssignTasks => role is ScopeRole.Admin or ScopeRole.Office,
        Permission.ReviewTasks => role is ScopeRole.Admin or ScopeRole.Office or ScopeRole.Leader,
        Permission.ReportProgress => role is ScopeRole.Admin or ScopeRole.Office or ScopeRole.Reporter,
        Permission.ApproveProgrammes => role is ScopeRole.Admin or ScopeRole.Leader,
        _ => false,
    };

    public static string CommandName(this ScopeRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out ScopeRole role)
    {
        role = default;
        return name is not null && Enum.TryParse(name, ignoreCase: true, out role) && Enum.IsDefined(role);
    }

    public static string VietnameseName(this ScopeRole role) => role switch
    {
        ScopeRole.Admin => "Quản trị hệ thống",
        ScopeRole.Office => "Văn phòng",
        ScopeRole.Leader => "Lãnh đạo",
        ScopeRole.Reporter => "Cán bộ đầu mối báo cáo",
        ScopeRole.Inspector => "Kiểm tra",
        _ => role.ToString(),
    };
}
