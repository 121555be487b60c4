using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Web.Data;
using Resolute.Web.Features.Demo;
using Resolute.Web.Infrastructure;
using Resolute.Web.Infrastructure.Access;

namespace Resolute.Web;

/// <summary>
/// Commands of the executable: <c>migrate</c>, <c>seed-demo</c>, <c>create-user</c>, <c>create-token</c>, <c>verify-audit</c>.
/// They run as the system (no user scope) against the configured database.
/// </summary>
public static class Cli
{
    private static readonly string[] Commands = ["migrate", "seed-demo", "create-user", "create-token", "verify-audit", "rotate-audit-key"];

    public static (string? Command, string[] Remaining) Split(string[] args) =>
        args.Length > 0 && Commands.Contains(args[0]) ? (args[0], args[1..]) : (null, args);

    public static async Task<int> RunAsync(WebApplication app, string command, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ResoluteDbContext>();
        try
        {
            switch (command)
            {
                case "migrate":
                    await Database.MigrateAsync(db);
                    await Features.Documents.DocumentRules.EnsureTypesAsync(db);
                    Console.WriteLine("Database is up to date.");
                    return 0;
                case "seed-demo":
                    await Database.MigrateAsync(db);
                    await Features.Documents.DocumentRules.EnsureTypesAsync(db);
                    await DemoSeeder.SeedIfEmptyAsync(sp, app.Logger);
                    return 0;
                case "create-user":
                    await Database.MigrateAsync(db);
                    return await CreateUserAsync(sp, db, Options(args));
                case "verify-audit":
                    {
                        var (broken, count) = await Features.Audit.AuditTrail.VerifyAsync(db);
                        if (broken is not null)
                        {
                            Console.WriteLine($"The audit chain is broken at entry {broken.Sequence}: {broken.Reason}.");
                            return 1;
                        }
                        // A chain whose newest entries were deleted is still whole: only a head recorded outside the
                        // database (--checkpoint SEQUENCE:HASH, as printed by an earlier run) shows the cut.
                        if (Options(args).TryGetValue("checkpoint", out var checkpoint))
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
                case "rotate-audit-key":
                    {
                        var id = db.Keyring.Rotate();
                        Console.WriteLine($"New audit key {id} appended to {db.Keyring.FilePath}: it signs every entry from now on; keep the file's older keys, they verify the entries they signed.");
                        return 0;
                    }
                case "create-token":
                    await Database.MigrateAsync(db);
                    return await CreateTokenAsync(sp, db, Options(args));
            }
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        return 2;
    }

    private static async Task<int> CreateUserAsync(IServiceProvider sp, ResoluteDbContext db, Dictionary<string, string> o)
    {
        var name = Need(o, "user");
        var password = Need(o, "password");
        if (!ScopeRoles.TryParse(Need(o, "role"), out var role))
            throw new CliException($"Vai trò '{o["role"]}' không hợp lệ. Dùng một trong: admin, office, leader, reporter, inspector.");
        var code = Need(o, "unit").ToUpperInvariant();
        var unit = await db.Organisations.FirstOrDefaultAsync(u => u.Code == code)
            ?? throw new CliException($"Không tìm thấy đơn vị có mã {code}.");

        var users = sp.GetRequiredService<UserManager<User>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            user = new User { UserName = name, DisplayName = o.GetValueOrDefault("name") ?? name, CreatedAt = clock.GetUtcNow().UtcDateTime };
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

    private static async Task<int> CreateTokenAsync(IServiceProvider sp, ResoluteDbContext db, Dictionary<string, string> o)
    {
        var name = Need(o, "user");
        var users = sp.GetRequiredService<UserManager<User>>();
        var user = await users.FindByNameAsync(name) ?? throw new CliException($"Không tìm thấy tài khoản {name}.");
        var days = o.TryGetValue("days", out var d) && int.TryParse(d, out var n) && n > 0 ? n : 90;
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var token = await PersonalAccessTokens.CreateAsync(db, user.Id, o.GetValueOrDefault("name") ?? "command line", now, TimeSpan.FromDays(days));
        Console.WriteLine($"Token for {name}, valid for {days} days. Send it as: Authorization: Bearer <token>");
        Console.WriteLine(token);
        return 0;
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var o = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var key = args[i][2..];
            // Host settings such as --urls or --Database:Provider go to the configuration, not to the command.
            if (key.Contains(':') || key.Equals("urls", StringComparison.OrdinalIgnoreCase) || key.Equals("environment", StringComparison.OrdinalIgnoreCase))
            {
                i++;
                continue;
            }
            o[key] = i + 1 < args.Length ? args[++i] : "";
        }
        return o;
    }

    private static string Need(Dictionary<string, string> o, string key) =>
        o.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : throw new CliException($"Thiếu tham số --{key}.");

    private sealed class CliException(string message) : Exception(message);
}
