using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Audit;

public class AuditTrailTests : IAsyncLifetime
{
    // Each test gets its own database: the tamper tests break the chain on purpose.
    private readonly ResoluteFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed record Unit(Guid Id, string Code);

    private async Task<Unit> CreateUnitAsync(HttpClient client, string parentCode)
    {
        var response = await client.PostAsJsonAsync("/api/organisations", new
        {
            code = "A-" + Guid.NewGuid().ToString("N")[..8],
            name = "Chi bộ kiểm thử",
            kind = "partyCell",
            level = "commune",
            parentId = await _app.UnitIdAsync(parentCode),
            validFrom = "2025-07-01",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Unit>())!;
    }

    private async Task<(int Exit, string Out)> VerifyAuditAsync(params string[] extra)
    {
        var (exit, output, _) = await _app.RunCommandAsync(["verify-audit", .. extra]);
        return (exit, output);
    }

    [Fact]
    public async Task Create_IsRecordedWithWhoWhatAndAfterValues()
    {
        var user = await _app.CreateUserAsync(ScopeRole.Office, "TU-HN");
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await _app.CreateTokenAsync(user));
        var unit = await CreateUnitAsync(client, "P-HOANKIEM");

        var entry = await _app.WithDbAsync((db, _) => db.AuditEntries.SingleAsync(a => a.EntityType == "Organisation" && a.EntityId == unit.Id.ToString()));
        Assert.Equal("create", entry.Action);
        Assert.Equal(user, entry.UserName);
        Assert.Equal(unit.Id, entry.OrganisationId);
        Assert.Contains(unit.Code, entry.After);
        Assert.Contains("Chi bộ kiểm thử", entry.After);
        Assert.Null(entry.Before);

        var used = await _app.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.Action == "token-used").ToListAsync());
        Assert.Contains(used, a => a.UserName == user);
    }

    [Fact]
    public async Task SignIns_FailedSignIns_AndPasswordsNeverStored()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        await ResoluteFactory.PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = "admin", ["Input.Password"] = "sai" });
        await _app.SignedInClientAsync("admin");
        var entries = await _app.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.UserName == "admin").ToListAsync());
        Assert.Contains(entries, a => a.Action == "sign-in-failed");
        Assert.Contains(entries, a => a.Action == "sign-in");
        Assert.All(await _app.WithDbAsync((db, _) => db.AuditEntries.ToListAsync()), a =>
        {
            Assert.DoesNotContain("PasswordHash", a.After ?? "");
            Assert.DoesNotContain("SecurityStamp", a.After ?? "");
        });
    }

    [Fact]
    public async Task VerifyAudit_WholeChain_Exits0_EditedEntry_ExitsNonZeroNamingIt()
    {
        var client = await _app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        await CreateUnitAsync(client, "P-BADINH");
        var (ok, okOut) = await VerifyAuditAsync();
        Assert.True(ok == 0, okOut);
        Assert.Contains("whole", okOut);

        var target = await _app.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityType == "Organisation").Select(a => a.Sequence).FirstAsync());
        await _app.WithDbAsync((db, _) => db.Database.ExecuteSqlRawAsync(
            "UPDATE audit_entries SET \"After\" = {0} WHERE \"Sequence\" = {1}", "{\"ShortName\":\"đã bị sửa\"}", target));

        var (exit, output) = await VerifyAuditAsync();
        Assert.NotEqual(0, exit);
        Assert.Contains($"broken at entry {target}", output);
    }

    [Fact]
    public async Task VerifyAudit_CutTail_IsDetectedWithoutACheckpoint()
    {
        var client = await _app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        await CreateUnitAsync(client, "P-BADINH");
        var (ok, okOut) = await VerifyAuditAsync();
        Assert.True(ok == 0, okOut);
        var head = System.Text.RegularExpressions.Regex.Match(okOut, @"Head: (\d+:[0-9a-f]+)").Groups[1].Value;
        Assert.NotEmpty(head);
        Assert.Equal(0, (await VerifyAuditAsync("--checkpoint", head)).Exit);

        // Deleting the newest entries: the signed head still names the last one.
        var sequence = long.Parse(head.Split(':')[0]) - 2;
        await _app.WithDbAsync((db, _) => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE \"Sequence\" >= {0}", sequence));
        var (exit, output) = await VerifyAuditAsync();
        Assert.Equal(1, exit);
        Assert.Contains($"broken at entry {sequence}", output);
        Assert.Contains("removed", output);
    }

    [Fact]
    public async Task VerifyAudit_EmptiedTrail_Fails()
    {
        _ = _app.Services;
        await _app.WithDbAsync((db, _) => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
        var (exit, output) = await VerifyAuditAsync();
        Assert.True(exit == 1, output);
        // And with the head removed too: records exist, so an empty trail is a break.
        await _app.WithDbAsync((db, _) => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_heads"));
        (exit, output) = await VerifyAuditAsync();
        Assert.True(exit == 1, output);
        Assert.Contains("empty", output);
    }

    [Fact]
    public async Task VerifyAudit_EditedAndRehashedOnward_FailsWithoutTheKey()
    {
        var client = await _app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        await CreateUnitAsync(client, "P-BADINH");
        // Someone with the database edits an entry and re-signs it and every entry after it, and the head, with a key
        // of their own: without the keyring's key, the first forged entry does not verify.
        var forgerKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var target = await _app.WithDbAsync(async (db, _) =>
        {
            var entries = await db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync();
            var from = entries.First(a => a.EntityType == "Organisation").Sequence;
            var previous = entries.Single(a => a.Sequence == from - 1).Hash;
            foreach (var e in entries.Where(a => a.Sequence >= from))
            {
                if (e.Sequence == from) e.After = "{\"ShortName\":\"đã bị sửa\"}";
                e.PreviousHash = previous;
                e.Hash = Resolute.Domain.Audit.AuditChain.Hash(forgerKey, previous, e.Content());
                previous = e.Hash;
            }
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_heads SET \"Hash\" = {0}, \"Mac\" = {1}", previous,
                Resolute.Domain.Audit.AuditChain.HeadMac(forgerKey, entries[^1].Sequence, previous));
            foreach (var e in entries.Where(a => a.Sequence >= from))
                await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"After\" = {0}, \"PreviousHash\" = {1}, \"Hash\" = {2} WHERE \"Sequence\" = {3}",
                    e.After!, e.PreviousHash, e.Hash, e.Sequence);
            return from;
        });
        var (exit, output) = await VerifyAuditAsync();
        Assert.Equal(1, exit);
        Assert.Contains($"broken at entry {target}", output);
    }

    [Fact]
    public async Task RotateAuditKey_NewEntriesUseTheNewKey_OldOnesStillVerify()
    {
        var keyFile = Path.Combine(Path.GetTempPath(), "resolute-tests", $"rotate-{Guid.NewGuid():N}.keys");
        await using var app = new ResoluteFactory(TestDatabase.NewConnectionString(), seedDemo: true) { AuditKeyFile = keyFile };
        var admin = await app.CreateUserAsync(ScopeRole.Admin, "TU-HN");
        var before = await app.WithDbAsync((db, _) => db.AuditEntries.OrderByDescending(a => a.Sequence).Select(a => a.KeyId).FirstAsync());
        var rotated = await app.RunCommandAsync("rotate-audit-key");
        Assert.True(rotated.Exit == 0, rotated.Out + rotated.Err);
        await app.CreateUserAsync(ScopeRole.Office, "TU-HN");
        var after = await app.WithDbAsync((db, _) => db.AuditEntries.OrderByDescending(a => a.Sequence).Select(a => a.KeyId).FirstAsync());
        Assert.NotEqual(before, after);
        Assert.Equal(2, File.ReadAllLines(keyFile).Count(l => l.Length > 0));
        var (broken, _) = await app.WithDbAsync((db, _) => Resolute.Web.Features.Audit.AuditTrail.VerifyAsync(db));
        Assert.Null(broken);
    }

    [Fact]
    public async Task VerifyAudit_DeletedEntry_IsDetected()
    {
        var client = await _app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        await CreateUnitAsync(client, "P-BADINH");
        await CreateUnitAsync(client, "P-BADINH");
        var target = await _app.WithDbAsync((db, _) => db.AuditEntries.OrderByDescending(a => a.Sequence).Skip(1).Select(a => a.Sequence).FirstAsync());
        await _app.WithDbAsync((db, _) => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE \"Sequence\" = {0}", target));
        var (exit, output) = await VerifyAuditAsync();
        Assert.NotEqual(0, exit);
        Assert.Contains($"broken at entry {target}", output);
    }

    [Fact]
    public async Task Chain_SurvivesRestart_AndTwoInstancesWritingAtOnce()
    {
        _ = _app.Services;
        await using var second = new ResoluteFactory(_app.ConnectionString, seedDemo: true) { OwnsDatabase = false };
        var a = await _app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var b = await second.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var writes = Enumerable.Range(0, 20).Select(i => CreateUnitAsync(i % 2 == 0 ? a : b, i % 3 == 0 ? "P-LANG" : "P-KIMLIEN"));
        await Task.WhenAll(writes);

        var (exit, output) = await VerifyAuditAsync();
        Assert.True(exit == 0, output);
        var count = await _app.WithDbAsync((db, _) => db.AuditEntries.CountAsync(e => e.EntityType == "Organisation" && e.Action == "create"));
        Assert.True(count >= 20);
    }

    [Fact]
    public async Task InspectorPage_ShowsEntriesInScope_AndVerifiesChain()
    {
        var office = await _app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var cityUnit = await CreateUnitAsync(office, "P-HOANKIEM");
        var otherUnit = await CreateUnitAsync(office, "P-CUANAM");

        var wardInspector = await _app.SignedInClientAsync(await _app.CreateUserAsync(ScopeRole.Inspector, "P-HOANKIEM"));
        var html = await wardInspector.GetStringAsync("/Audit");
        Assert.Contains(cityUnit.Code, html);
        Assert.DoesNotContain(otherUnit.Code, html);

        var verify = await ResoluteFactory.PostFormAsync(wardInspector, "/Audit?handler=Verify", [], "/Audit");
        Assert.Contains("Chuỗi nhật ký nguyên vẹn", await verify.Content.ReadAsStringAsync());

        var reporter = await _app.SignedInClientAsync(await _app.CreateUserAsync(ScopeRole.Reporter, "P-HOANKIEM"));
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync("/Audit")).StatusCode);
    }
}
