using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Cli;

/// <summary>Runs the real executable's commands against the test database, as an operator would.</summary>
public class CommandLineTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    private sealed record Unit(Guid Id, string Code);

    private Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => app.RunCommandAsync(args);

    [Fact]
    public async Task CreateUser_ThenCreateToken_GivesScopedApiAccess()
    {
        _ = app.Services; // start the app so the database is migrated and seeded
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var created = await RunAsync("create-user", "--user", name, "--password", "Cli-Pass-2026", "--role", "office", "--unit", "P-HOANKIEM");
        Assert.True(created.Exit == 0, created.Err + created.Out);

        var token = await RunAsync("create-token", "--user", name);
        Assert.Equal(0, token.Exit);
        var lastLine = token.Out.Trim().Split('\n')[^1].Trim();
        Assert.StartsWith("rsl_", lastLine);

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", lastLine);
        var units = await client.GetFromJsonAsync<List<Unit>>("/api/organisations");
        Assert.NotNull(units);
        Assert.Contains(units, u => u.Code == "P-HOANKIEM");
        Assert.DoesNotContain(units, u => u.Code == "TU-HN");

        // The same account signs in to the pages with the password it was given.
        var pages = await app.SignedInClientAsync(name, "Cli-Pass-2026");
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task CreateUser_WeakPasswordOrUnknownRole_FailsWithVietnameseMessage()
    {
        _ = app.Services;
        var weak = await RunAsync("create-user", "--user", "weak-" + Guid.NewGuid().ToString("N")[..6], "--password", "abc", "--role", "office", "--unit", "TU-HN");
        Assert.NotEqual(0, weak.Exit);
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự", weak.Err);

        var role = await RunAsync("create-user", "--user", "x-" + Guid.NewGuid().ToString("N")[..6], "--password", "Cli-Pass-2026", "--role", "boss", "--unit", "TU-HN");
        Assert.NotEqual(0, role.Exit);
        Assert.Contains("Vai trò 'boss' không hợp lệ", role.Err);

        var unit = await RunAsync("create-user", "--user", "y-" + Guid.NewGuid().ToString("N")[..6], "--password", "Cli-Pass-2026", "--role", "office", "--unit", "NOPE");
        Assert.NotEqual(0, unit.Exit);
        Assert.Contains("Không tìm thấy đơn vị có mã NOPE", unit.Err);
    }

    [Fact]
    public async Task Migrate_OnMigratedDatabase_SucceedsAndChangesNothing()
    {
        _ = app.Services;
        var result = await RunAsync("migrate");
        Assert.Equal(0, result.Exit);
        Assert.Contains("up to date", result.Out);
    }

    [Fact]
    public async Task EveryCommand_HasHelp_AndAMissingOrUnknownOptionIsExit2WithTheReason()
    {
        _ = app.Services;
        foreach (var command in new[] { "migrate", "seed-demo", "create-user", "create-token", "verify-audit", "rotate-audit-key" })
        {
            var help = await RunAsync(command, "--help");
            Assert.True(help.Exit == 0, command + help.Err);
            Assert.Contains("Usage:", help.Out);
        }
        var missing = await RunAsync("create-user", "--user", "thieu-tham-so");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("--password", missing.Err);
        var unknown = await RunAsync("create-token", "--user", "admin", "--ngay", "5");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("--ngay", unknown.Err);
        var badNumber = await RunAsync("create-token", "--user", "admin", "--days", "mười");
        Assert.Equal(2, badNumber.Exit);
    }
}
