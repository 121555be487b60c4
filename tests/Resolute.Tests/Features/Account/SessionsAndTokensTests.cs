using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Account;

/// <summary>What ends a session or a token ends it at once: signing out, a password change, disabling (and re-enabling).</summary>
public class SessionsAndTokensTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    private HttpClient WithCookie(string cookieHeader)
    {
        var c = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        c.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return c;
    }

    private static async Task<string> CookieHeaderAsync(ResoluteFactory app, string user)
    {
        var c = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await c.GetAsync("/Account/SignIn");
        var antiforgery = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0]));
        var token = ResoluteFactory.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = user, ["Input.Password"] = ResoluteFactory.Password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var r = await c.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return antiforgery + "; " + r.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith("resolute.auth=")).Split(';')[0];
    }

    private static bool SignedOut(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.ToString().Contains("/Account/SignIn");

    [Fact]
    public async Task SignOut_EndsTheCookie_EvenACopyOfIt()
    {
        var user = await app.CreateUserAsync(ScopeRole.Office, "TU-HN");
        var cookie = await CookieHeaderAsync(app, user);
        var copy = WithCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).StatusCode);

        var browser = await app.SignedInClientAsync(user);
        var signOutPage = await WithCookie(cookie).GetStringAsync("/Account/SignOut");
        var token = ResoluteFactory.AntiforgeryToken(signOutPage);
        var signOut = new HttpRequestMessage(HttpMethod.Post, "/Account/SignOut") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }) };
        signOut.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await WithCookie(cookie).SendAsync(signOut)).StatusCode);

        Assert.True(SignedOut(await copy.GetAsync("/")), "a copy of the signed-out cookie still works");
        // Another browser of the same account is not signed out by it.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task PasswordChange_EndsTokens_AndOtherSessions_ButNotThisOne()
    {
        var user = await app.CreateUserAsync(ScopeRole.Office, "TU-HN");
        var token = await app.CreateTokenAsync(user);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/organisations")).StatusCode);
        var other = WithCookie(await CookieHeaderAsync(app, user));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/")).StatusCode);

        var me = await app.SignedInClientAsync(user);
        var changed = await ResoluteFactory.PostFormAsync(me, "/Account/Profile?handler=Password", new()
        {
            ["Password.Current"] = ResoluteFactory.Password,
            ["Password.New"] = "Mat-Khau-Moi-2026",
            ["Password.Confirm"] = "Mat-Khau-Moi-2026",
        }, "/Account/Profile");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/organisations")).StatusCode);
        Assert.True(SignedOut(await other.GetAsync("/")));
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task DisablingThenEnabling_DoesNotBringBackOldTokensOrSessions()
    {
        var user = await app.CreateUserAsync(ScopeRole.Reporter, "P-CUANAM");
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(user));
        var session = WithCookie(await CookieHeaderAsync(app, user));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/organisations")).StatusCode);

        var admin = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Admin, "TU-HN"));
        Assert.Equal(HttpStatusCode.Redirect, (await ResoluteFactory.PostFormAsync(admin, "/Admin?handler=Disable", new() { ["Target"] = user }, "/Admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/organisations")).StatusCode);
        Assert.True(SignedOut(await session.GetAsync("/")));
        Assert.Equal(HttpStatusCode.Redirect, (await ResoluteFactory.PostFormAsync(admin, "/Admin?handler=Enable", new() { ["Target"] = user }, "/Admin")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/organisations")).StatusCode);
        // A token made after re-enabling works.
        var fresh = app.CreateClient();
        fresh.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(user));
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/organisations")).StatusCode);
    }

    [Fact]
    public async Task MakingAToken_AsksForThePasswordAgain()
    {
        var user = await app.CreateUserAsync(ScopeRole.Office, "TU-HN");
        var me = await app.SignedInClientAsync(user);
        var without = await ResoluteFactory.PostFormAsync(me, "/Account/Profile?handler=CreateToken", new() { ["TokenName"] = "không mật khẩu" }, "/Account/Profile");
        var html = await without.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"new-token\"", html);
        Assert.Contains("cần nhập lại mật khẩu", html);
        var wrong = await ResoluteFactory.PostFormAsync(me, "/Account/Profile?handler=CreateToken", new() { ["TokenName"] = "sai", ["TokenPassword"] = "Sai-mat-khau-1" }, "/Account/Profile");
        Assert.DoesNotContain("data-testid=\"new-token\"", await wrong.Content.ReadAsStringAsync());
        var right = await ResoluteFactory.PostFormAsync(me, "/Account/Profile?handler=CreateToken", new() { ["TokenName"] = "đúng", ["TokenPassword"] = ResoluteFactory.Password }, "/Account/Profile");
        Assert.Contains("data-testid=\"new-token\"", await right.Content.ReadAsStringAsync());
    }
}
