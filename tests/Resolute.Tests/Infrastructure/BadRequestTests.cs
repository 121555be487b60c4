using System.Net;
using System.Text;
using Resolute.Domain.Access;

namespace Resolute.Tests.Infrastructure;

/// <summary>A request the client got wrong is answered as such, in Vietnamese, and never logged as the app's error.</summary>
public sealed class BadRequestTests : IAsyncLifetime
{
    private readonly KestrelResoluteFactory _app = new(maxRequestBodySize: 4096);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task OversizedBody_Is413InVietnamese_AndNotLoggedAsUnhandled()
    {
        var token = await _app.CreateTokenAsync(await _app.CreateUserAsync(ScopeRole.Office, "TU-HN"));
        var client = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        while (_app.LoggedErrors.TryDequeue(out _)) { }

        var r = await client.PostAsync("/api/references/extract", new StringContent(new string('a', 50_000), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Contains("quá lớn", await r.Content.ReadAsStringAsync());
        var json = await client.PostAsync("/api/organisations", new StringContent("{\"name\":\"" + new string('a', 50_000) + "\"}", Encoding.UTF8, "application/json"));
        Assert.True((int)json.StatusCode is 400 or 413, json.StatusCode.ToString());
        Assert.True(_app.LoggedErrors.IsEmpty, string.Join("\n", _app.LoggedErrors));
    }
}
