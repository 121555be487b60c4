using System.Net;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Domain.Documents;

namespace Resolute.Tests.Infrastructure;

/// <summary>What a page handler throws becomes what the user sees, in one place (the page filter), not in a catch per page.</summary>
public sealed class PageErrorFilterTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    [Fact]
    public async Task RefusedForm_IsShownAgain_WithTheMessageBesideItsField_And400()
    {
        var unit = await app.UnitIdAsync("P-KIMLIEN");
        var client = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Office, "P-KIMLIEN"));
        var response = await ResoluteFactory.PostFormAsync(client, $"/Organisations/Move/{unit}", new() { ["ParentCode"] = "KHONG-CO-MA" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("KHONG-CO-MA", html); // what was typed is kept
        Assert.Matches("data-valmsg-for=\"ParentCode\">[^<]*KHONG-CO-MA", html); // the message stands beside its field
    }

    [Fact]
    public async Task RefusedAction_RedirectsBackToThePage_WithTheMessage()
    {
        var id = await app.WithDbAsync((db, _) => db.Documents.IgnoreQueryFilters()
            .Where(d => d.Secrecy == Secrecy.None && db.Organisations.Any(o => o.Id == d.IssuerId && o.Code == "TU-HN")).Select(d => d.Id).FirstAsync());
        var client = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Office, "TU-HN"));
        var page = await client.GetStringAsync($"/Documents/Details/{id}");
        var response = await client.PostAsync($"/Documents/Details/{id}?handler=Upload",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = ResoluteFactory.AntiforgeryToken(page) }));
        // Back to the document (a GET without the failed handler), with the reason shown there once.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Documents/Details/{id}", response.Headers.Location!.OriginalString);
        Assert.Contains("Cần chọn tệp đính kèm.", await client.GetStringAsync(response.Headers.Location));
        Assert.DoesNotContain("Cần chọn tệp đính kèm.", await client.GetStringAsync(response.Headers.Location));
    }

    [Fact]
    public async Task UnknownUnitInAListFilter_ComesBackToTheList_SayingSo()
    {
        var client = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Office, "TU-HN"));
        foreach (var list in new[] { "/Programmes", "/Programmes/Month", "/Meetings" })
        {
            var response = await client.GetAsync(list + "?unit=KHONG-CO-MA");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("KHONG-CO-MA", await client.GetStringAsync(response.Headers.Location));
        }
    }
}
