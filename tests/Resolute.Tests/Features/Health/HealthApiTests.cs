using System.Net;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Health;

public class HealthApiTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    [Fact]
    public async Task Health_DatabaseReachable_Answers200WithoutSignIn()
    {
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesOrganisations()
    {
        var client = await app.ApiClientAsync(Resolute.Domain.Access.ScopeRole.Leader, "TU-HN");
        var doc = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/organisations", doc);
    }

    [Fact]
    public async Task ApiReference_IsServedLocally()
    {
        var client = await app.SignedInClientAsync("admin");
        var page = await client.GetStringAsync("/api-docs/");
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", page);
        var script = await client.GetAsync("/api-docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
