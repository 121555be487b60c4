using System.Net;
using System.Text.RegularExpressions;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Account;

/// <summary>
/// Two app instances on one database serve the same users: a cookie issued by one is honoured by the other,
/// and a form rendered by one can be posted to the other (shared data-protection keys, no in-memory state).
/// </summary>
public class SeveralInstancesTests : IAsyncLifetime
{
    private readonly ResoluteFactory _first = new();
    private ResoluteFactory _second = null!;

    public Task InitializeAsync()
    {
        _ = _first.Services; // migrate and seed before the second instance starts
        _second = new ResoluteFactory(_first.ConnectionString, seedDemo: true) { OwnsDatabase = false };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    private static string Cookies(HttpResponseMessage response, string existing = "")
    {
        var jar = existing.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split('=', 2)).ToDictionary(c => c[0], c => c[1]);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            jar[pair[0]] = pair[1];
        }
        return string.Join("; ", jar.Select(kv => $"{kv.Key}={kv.Value}"));
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string cookies, HttpContent? content = null)
    {
        var r = new HttpRequestMessage(method, url) { Content = content };
        if (cookies.Length > 0) r.Headers.Add("Cookie", cookies);
        return r;
    }

    private static string Token(string html) =>
        ResoluteFactory.AntiforgeryToken(html);

    [Fact]
    public async Task SignInOnOne_IsHonouredByTheOther_IncludingForms()
    {
        var options = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        var a = _first.CreateClient(options);
        var b = _second.CreateClient(options);

        // Sign in on the first instance.
        var form = await a.SendAsync(Request(HttpMethod.Get, "/Account/SignIn", ""));
        var cookies = Cookies(form);
        var signIn = await a.SendAsync(Request(HttpMethod.Post, "/Account/SignIn", cookies, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "admin",
            ["Input.Password"] = ResoluteFactory.Password,
            ["__RequestVerificationToken"] = Token(await form.Content.ReadAsStringAsync()),
        })));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        cookies = Cookies(signIn, cookies);

        // The second instance knows the user.
        var home = await b.SendAsync(Request(HttpMethod.Get, "/", cookies));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Quản trị hệ thống", await home.Content.ReadAsStringAsync());

        // A form from the first instance posts to the second: antiforgery keys are shared.
        var profile = await a.SendAsync(Request(HttpMethod.Get, "/Account/Profile", cookies));
        var create = await b.SendAsync(Request(HttpMethod.Post, "/Account/Profile?handler=CreateToken", Cookies(profile, cookies), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["TokenName"] = "hai phiên bản",
            ["TokenPassword"] = ResoluteFactory.Password,
            ["__RequestVerificationToken"] = Token(await profile.Content.ReadAsStringAsync()),
        })));
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        Assert.Contains("data-testid=\"new-token\"", await create.Content.ReadAsStringAsync());
    }
}
