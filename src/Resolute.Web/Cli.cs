using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Web.Data;
using Resolute.Web.Features.Demo;
using Resolute.Web.Infrastructure;
using Resolute.Web.Infrastructure.Access;

namespace Resolute.Web;

/// <summary>
/// Commands of the executable: <c>migrate</c>, <c>seed-demo</c>, <c>create-user</c>, <c>create-token</c>, <c>verify-audit</c>,
/// <c>rotate-audit-key</c>.
/// They run as the system (no user scope) against the configured database.
/// </summary>
public static class Cli
{
    private static readonly string[] Names = ["migrate", "seed-demo", "create-user", "create-token", "verify-audit", "rotate-audit-key"];

    /// <summary>The command, if the first argument names one; the rest go to the host's configuration as well.</summary>
    public static (string? Command, string[] Remaining) Split(string[] args) =>
        args.Length > 0 && Names.Contains(args[0]) ? (args[0], args[1..]) : (null, args);

    /// <summary>
    /// Parses the command's options (System.CommandLine: <c>--help</c> on each, errors for a missing or unknown option)
    /// and runs it. Exit codes: 0 done; 1 the audit chain is broken; 2 the command line or its values are wrong.
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app, string command, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ResoluteDbContext>();
        var root = Build(app, sp, db);
        var result = root.Parse([command, .. WithoutHostSettings(args)]);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors) await Console.Error.WriteLineAsync(error.Message);
            await Console.Error.WriteLineAsync($"Xem: {command} --help");
            return 2;
        }
        try
        {
            return await result.InvokeAsync();
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    private static RootCommand Build(WebApplication app, IServiceProvider sp, ResoluteDbContext db)
    {
        var root = new RootCommand("Resolute: theo dõi thực hiện nghị quyết. Chạy không có lệnh để mở ứng dụng web.");

        var migrate = new Command("migrate", "Applies the migrations of the configured provider.");
        migrate.SetAction(async (_, ct) =>
        {
            await Database.MigrateAsync(db, ct);
            await Features.Documents.DocumentRules.EnsureTypesAsync(db);
            Console.WriteLine("Database is up to date.");
            return 0;
        });

        var seed = new Command("seed-demo", "Migrates, then seeds the Hà Nội demo if the database is empty.");
        seed.SetAction(async (_, ct) =>
        {
            await Database.MigrateAsync(db, ct);
            await Features.Documents.DocumentRules.EnsureTypesAsync(db);
            await DemoSeeder.SeedIfEmptyAsync(sp, app.Logger);
            return 0;
        });

        var user = new Option<string>("--user") { Description = "The account's user name.", Required = true };
        var password = new Option<string>("--password") { Description = "Its password (10 characters or more, upper and lower case and a digit).", Required = true };
        var role = new Option<string>("--role") { Description = "admin, office, leader, reporter or inspector.", Required = true };
        var unit = new Option<string>("--unit") { Description = "The code of the unit the role is held over (with everything below it).", Required = true };
        var displayName = new Option<string?>("--name") { Description = "The display name (the user name when not given)." };
        var createUser = new Command("create-user", "Creates the account (or resets its password) and grants the role over the unit.") { user, password, role, unit, displayName };
        createUser.SetAction(async (r, _) =>
        {
            await Database.MigrateAsync(db);
            return await CreateUserAsync(sp, db, r.GetValue(user)!, r.GetValue(password)!, r.GetValue(role)!, r.GetValue(unit)!, r.GetValue(displayName));
        });

        var tokenUser = new Option<string>("--user") { Description = "The account the token acts as.", Required = true };
        var days = new Option<int>("--days") { Description = "Days the token is valid.", DefaultValueFactory = _ => 90 };
        var tokenName = new Option<string?>("--name") { Description = "A name to tell the token apart." };
        var createToken = new Command("create-token", "Prints a personal access token for the JSON API on its last line.") { tokenUser, days, tokenName };
        createToken.SetAction(async (r, _) =>
        {
            await Database.MigrateAsync(db);
            return await CreateTokenAsync(sp, db, r.GetValue(tokenUser)!, r.GetValue(days), r.GetValue(tokenName));
        });

        var checkpointOption = new Option<string?>("--checkpoint") { Description = "SEQUENCE:HASH as printed by an earlier run: that entry must still be there, unchanged." };
        var verify = new Command("verify-audit", "Walks the audit chain with the keyring and checks its signed head; exit code 1 names the first broken entry.") { checkpointOption };
        verify.SetAction(async (r, _) => await VerifyAuditAsync(db, r.GetValue(checkpointOption)));

        var rotate = new Command("rotate-audit-key", "Appends a new key to the audit keyring: it signs every entry from now on.");
        rotate.SetAction(_ =>
        {
            var id = db.Keyring.Rotate();
            Console.WriteLine($"New audit key {id} appended to {db.Keyring.FilePath}: it signs every entry from now on; keep the file's older keys, they verify the entries they signed.");
            return 0;
        });

        foreach (var c in new[] { migrate, seed, createUser, createToken, verify, rotate }) root.Subcommands.Add(c);
        return root;
    }

    private static async Task<int> VerifyAuditAsync(ResoluteDbContext db, string? checkpoint)
    {
        var (broken, count) = await Features.Audit.AuditTrail.VerifyAsync(db);
        if (broken is not null)
        {
            Console.WriteLine($"The audit chain is broken at entry {broken.Sequence}: {broken.Reason}.");
            return 1;
        }
        // The signed head already shows a cut tail; a checkpoint kept elsewhere (SEQUENCE:HASH, as printed by an
        // earlier run) also shows a database restored from an older backup together with its head.
        if (checkpoint is not null)
        {
            var parts = checkpoint.Split(':', 2);
            if (parts.Length != 2 || !long.TryParse(parts[0], out var sequence))
                throw new CliException("--checkpoint takes SEQUENCE:HASH, as printed by verify-audit.");
            var hash = await db.AuditEntries.Where(a => a.Sequence == sequence).Select(a => a.Hash).FirstOrDefaultAsync();
            if (hash is null)
            {
                Console.WriteLine($"The audit chain is broken at entry {sequence}: the checkpoint's entry is missing (the newest entries were removed).");
                return 1;
            }
            if (!string.Equals(hash, parts[1], StringComparison.OrdinalIgnoreCase))
            {
                Console.WriteLine($"The audit chain is broken at entry {sequence}: its hash differs from the checkpoint's (the chain was rewritten).");
                return 1;
            }
        }
        var head = await db.AuditEntries.OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync();
        Console.WriteLine($"The audit chain is whole: {count} entries checked.");
        if (head is not null)
            Console.WriteLine($"Head: {head.Sequence}:{head.Hash} (keep it outside the database; pass it later as --checkpoint to detect a cut tail)");
        return 0;
    }

    /// <summary>Host settings (--urls, --environment, --Section:Key) are the configuration's, not the command's.</summary>
    private static IEnumerable<string> WithoutHostSettings(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && (a.Contains(':') || a[2..] is "urls" or "environment" || a[2..].StartsWith("urls=") || a[2..].StartsWith("environment=")))
            {
                if (!a.Contains('=')) i++;
                continue;
            }
            yield return a;
        }
    }

    private static async Task<int> CreateUserAsync(IServiceProvider sp, ResoluteDbContext db, string name, string password, string roleName, string unitCode, string? displayName)
    {
        if (!ScopeRoles.TryParse(roleName, out var role))
            throw new CliException($"Vai trò '{roleName}' không hợp lệ. Dùng một trong: admin, office, leader, reporter, inspector.");
        var code = unitCode.ToUpperInvariant();
        var unit = await db.Organisations.FirstOrDefaultAsync(u => u.Code == code)
            ?? throw new CliException($"Không tìm thấy đơn vị có mã {code}.");

        var users = sp.GetRequiredService<UserManager<User>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            user = new User { UserName = name, DisplayName = displayName ?? name, CreatedAt = clock.GetUtcNow().UtcDateTime };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
                throw new CliException(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, password);
            if (!result.Succeeded)
                throw new CliException(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
        }
        if (!await db.RoleGrants.AnyAsync(g => g.UserId == user.Id && g.Role == role && g.OrganisationId == unit.Id))
        {
            db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = role, OrganisationId = unit.Id });
            await db.SaveChangesAsync();
            await users.UpdateSecurityStampAsync(user);
        }
        Console.WriteLine($"User {name} holds {role.CommandName()} over {unit.Code} ({unit.ShortName}).");
        return 0;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider sp, ResoluteDbContext db, string name, int days, string? tokenName)
    {
        var users = sp.GetRequiredService<UserManager<User>>();
        var user = await users.FindByNameAsync(name) ?? throw new CliException($"Không tìm thấy tài khoản {name}.");
        if (days is < 1 or > 3650) throw new CliException("--days phải từ 1 đến 3650.");
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var token = await PersonalAccessTokens.CreateAsync(db, user.Id, tokenName ?? "command line", now, TimeSpan.FromDays(days));
        Console.WriteLine($"Token for {name}, valid for {days} days. Send it as: Authorization: Bearer <token>");
        Console.WriteLine(token);
        return 0;
    }

    private sealed class CliException(string message) : Exception(message);
}
