using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Account;

/// <summary>
/// Sign-in behind a TLS-terminating reverse proxy (the documented set-up: ReverseProxy:Enabled, the proxy on the
/// loopback), on real Kestrel: the client's address and scheme come from the proxy's headers, failed attempts are
/// throttled per name and address without locking the account, and an unknown name, a disabled account and a wrong
/// password cannot be told apart.
/// </summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly KestrelResoluteFactory _app = new(settings: new() { ["ReverseProxy:Enabled"] = "true" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Client(string address) => Client(address, new CookieContainer());

    private HttpClient Client(string address, CookieContainer cookies)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true };
        var c = new HttpClient(handler) { BaseAddress = new Uri(_app.BaseUrl) };
        c.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        c.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        c.DefaultRequestHeaders.Add("X-Forwarded-Host", "resolute.hanoi.example");
        return c;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient c, string user, string password)
    {
        var page = await c.GetStringAsync("/Account/SignIn");
        var token = ResoluteFactory.AntiforgeryToken(page);
        return await c.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task FailedSignIns_ThrottleTheGuessingAddress_NeverLockTheAccount()
    {
        var user = await _app.CreateUserAsync(ScopeRole.Reporter, "P-HOANKIEM");
        var attacker = Client("203.0.113.66");
        for (var i = 0; i < 5; i++)
            Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await (await SignInAsync(attacker, user, "Sai-mat-khau-" + i)).Content.ReadAsStringAsync());
        // The guessing address waits, even with the right password.
        var blocked = await SignInAsync(attacker, user, ResoluteFactory.Password);
        Assert.Contains("Đăng nhập sai quá nhiều lần từ máy này", await blocked.Content.ReadAsStringAsync());
        // The owner, from their own address, signs in: nobody can lock them out by guessing.
        var owner = await SignInAsync(Client("198.51.100.7"), user, ResoluteFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        // The failures are in the trail with the client's address from the proxy, not the proxy's.
        var addresses = await _app.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.Action == "sign-in-failed" && a.UserName == user).Select(a => a.IpAddress).ToListAsync());
        Assert.All(addresses, a => Assert.Equal("203.0.113.66", a));
        Assert.Equal(5, addresses.Count); // the throttled attempt is recorded too, by the name tried (no account is looked up)
    }

    [Fact]
    public async Task UnknownDisabledAndWrongPassword_SameWords_AndTheSameWork()
    {
        var user = await _app.CreateUserAsync(ScopeRole.Reporter, "P-CUANAM");
        var disabled = await _app.CreateUserAsync(ScopeRole.Reporter, "P-CUANAM");
        await _app.WithDbAsync(async (db, _) =>
        {
            (await db.Users.SingleAsync(u => u.UserName == disabled)).IsDisabled = true;
            return await db.SaveChangesAsync();
        });
        var texts = new List<string>();
        var times = new Dictionary<string, List<double>> { ["unknown"] = [], ["disabled"] = [], ["wrong"] = [] };
        for (var round = 0; round < 4; round++)
            foreach (var (kind, name, password) in new[] { ("unknown", "khong-co-" + round, "Sai-mat-khau-1"), ("disabled", disabled, ResoluteFactory.Password), ("wrong", user, "Sai-mat-khau-1") })
            {
                // A fresh address each time, so the throttle never answers instead of the check.
                var c = Client($"192.0.2.{10 + round * 3 + times[kind].Count}");
                var page = await c.GetStringAsync("/Account/SignIn");
                var token = ResoluteFactory.AntiforgeryToken(page);
                var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.UserName"] = name,
                    ["Input.Password"] = password,
                    ["__RequestVerificationToken"] = token,
                });
                var sw = Stopwatch.StartNew();
                var r = await c.PostAsync("/Account/SignIn", form);
                sw.Stop();
                if (round > 0) times[kind].Add(sw.Elapsed.TotalMilliseconds); // the first round warms up
                var html = await r.Content.ReadAsStringAsync();
                texts.Add(Regex.Match(html, "data-testid=\"signin-error\"[^>]*>(.*?)</", RegexOptions.Singleline).Groups[1].Value.Trim());
            }
        Assert.Single(texts.Distinct());
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", texts[0]);
        // Each path does a password hash check: an unknown name is not answered ten times sooner (it was, 8 ms against
        // 300 ms). The bound is loose so that a busy machine does not make it flaky.
        double Median(List<double> l) => l.Order().ElementAt(l.Count / 2);
        var wrong = Median(times["wrong"]);
        Assert.True(Median(times["unknown"]) > wrong * 0.25, $"unknown {Median(times["unknown"]):F0} ms, wrong password {wrong:F0} ms");
        Assert.True(Median(times["disabled"]) > wrong * 0.25, $"disabled {Median(times["disabled"]):F0} ms, wrong password {wrong:F0} ms");
    }

    [Fact]
    public async Task BehindTheProxy_CookieIsSecure_HstsIsSent_ApiIsNotCached_AndNoServerHeader()
    {
        var user = await _app.CreateUserAsync(ScopeRole.Office, "TU-HN");
        var client = Client("198.51.100.20");
        var signedIn = await SignInAsync(client, user, ResoluteFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("resolute.auth="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(signedIn.Headers.Contains("Strict-Transport-Security"));
        Assert.False(signedIn.Headers.Contains("Server"));

        var api = Client("198.51.100.20");
        api.DefaultRequestHeaders.Authorization = new("Bearer", await _app.CreateTokenAsync(user));
        var list = await api.GetAsync("/api/organisations?q=hoan%20kiem");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.True(list.Headers.CacheControl?.NoStore);
        Assert.False(list.Headers.Contains("Server"));

        // Without the proxy setting the same headers are not trusted: an outsider cannot pick the address it is counted by.
        await using var direct = new KestrelResoluteFactory();
        var spoof = new HttpClient { BaseAddress = new Uri(direct.BaseUrl) };
        spoof.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.99");
        var name = await direct.CreateUserAsync(ScopeRole.Reporter, "P-CUANAM");
        var page = await spoof.GetStringAsync("/Account/SignIn");
        var token = ResoluteFactory.AntiforgeryToken(page);
        await spoof.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = name,
            ["Input.Password"] = "Sai-mat-khau-1",
            ["__RequestVerificationToken"] = token,
        }));
        var recorded = await direct.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.Action == "sign-in-failed" && a.UserName == name).Select(a => a.IpAddress).SingleAsync());
        Assert.Equal("127.0.0.1", recorded);
    }
}
