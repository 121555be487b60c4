using System.Net;
using Microsoft.EntityFrameworkCore;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;

namespace Resolute.Tests.Features.Organisations;

public class OrganisationPagesTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    [Fact]
    public async Task Pages_WithoutSignIn_RedirectToSignIn()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/Organisations");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsVietnameseError()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await ResoluteFactory.PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = "admin", ["Input.Password"] = "sai-mat-khau" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_InvalidForm_Answers400WithFieldMessages()
    {
        var user = await app.CreateUserAsync(ScopeRole.Office, "P-DONGDA");
        var client = await app.SignedInClientAsync(user);
        var response = await ResoluteFactory.PostFormAsync(client, "/Organisations/Create",
            new() { ["Input.ParentCode"] = "P-DONGDA", ["Input.Code"] = "có dấu", ["Input.ShortName"] = "", ["Input.ValidFrom"] = "2025-13-45" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tên ngắn không được để trống.", html);
        Assert.Contains("Mã đơn vị chỉ gồm chữ không dấu", html);
        Assert.Contains("Cần chọn loại đơn vị.", html);
        Assert.Contains("Giá trị &#x27;2025-13-45&#x27; không hợp lệ", html.Replace("'", "&#x27;"));
    }

    [Fact]
    public async Task Create_UnderSiblingWard_SaysUnitNotFound()
    {
        var user = await app.CreateUserAsync(ScopeRole.Office, "P-KIMLIEN");
        var client = await app.SignedInClientAsync(user);
        var response = await ResoluteFactory.PostFormAsync(client, "/Organisations/Create", new()
        {
            ["Input.ParentCode"] = "P-LANG",
            ["Input.Code"] = "X-" + Guid.NewGuid().ToString("N")[..6],
            ["Input.ShortName"] = "Chi bộ",
            ["Input.Kind"] = "PartyCell",
            ["Input.Level"] = "Commune",
            ["Input.ValidFrom"] = "2025-07-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Không tìm thấy đơn vị có mã P-LANG trong phạm vi của bạn.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Edit_SiblingUnit_Is404_AndLeaderInScope_Is403()
    {
        var sibling = await app.UnitIdAsync("P-LANG");
        var ward = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Office, "P-KIMLIEN"));
        var response = await ward.GetAsync($"/Organisations/Edit/{sibling}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync());

        var leader = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Leader, "TU-HN"));
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/Organisations/Edit/{sibling}")).StatusCode);
    }

    [Fact]
    public async Task Home_ShowsWhatTheUserCanReach()
    {
        var client = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Reporter, "P-HOANKIEM"));
        var html = await client.GetStringAsync("/");
        Assert.Contains("Cán bộ đầu mối báo cáo – Đảng ủy phường Hoàn Kiếm", html);
        Assert.Contains("href=\"/Organisations\"", html);
        Assert.DoesNotContain("href=\"/Admin\"", html);
    }

    [Fact]
    public async Task Admin_IsForbiddenToNonAdministrators()
    {
        var client = await app.SignedInClientAsync(await app.CreateUserAsync(ScopeRole.Office, "TU-HN"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin")).StatusCode);
    }

    [Fact]
    public async Task SecurityHeaders_ForbidInlineScriptsAndFraming()
    {
        var response = await app.CreateClient().GetAsync("/Account/SignIn");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*src=)", html);
        Assert.DoesNotContain("https://", html);
    }
}

public class AdminAccountsTests(ResoluteFactory app) : IClassFixture<ResoluteFactory>
{
    [Fact]
    public async Task CreateAccount_LinksThePersonByName_AndRefusesAnUnknownName()
    {
        var personName = await app.WithDbAsync((db, _) => (from p in db.People
                                                           join x in db.Positions on p.Id equals x.PersonId
                                                           join o in db.Organisations on x.OrganisationId equals o.Id
                                                           where o.Code == "P-LANG" && x.Title == "Bí thư Đảng ủy"
                                                           select p.FullName).FirstAsync());
        var admin = await app.SignedInClientAsync("admin");
        var name = "bt-" + Guid.NewGuid().ToString("N")[..8];
        var response = await ResoluteFactory.PostFormAsync(admin, "/Admin", new()
        {
            ["Input.UserName"] = name,
            ["Input.DisplayName"] = "Bí thư phường Láng",
            ["Input.Password"] = "Admin-Made-2026",
            ["Input.Role"] = "Leader",
            ["Input.UnitCode"] = "P-LANG",
            ["Input.PersonName"] = personName,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var linked = await app.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == name).Select(u => u.PersonId).SingleAsync());
        Assert.NotNull(linked);

        response = await ResoluteFactory.PostFormAsync(admin, "/Admin", new()
        {
            ["Input.UserName"] = name + "x",
            ["Input.DisplayName"] = "X",
            ["Input.Password"] = "Admin-Made-2026",
            ["Input.Role"] = "Leader",
            ["Input.UnitCode"] = "P-LANG",
            ["Input.PersonName"] = "Không Có Ai",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Không có cán bộ tên Không Có Ai", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Forms_SayUnclassified_ForNoSecrecy_NotTheUrgencyWord()
    {
        var office = await app.SignedInClientAsync("vanphong");
        var html = await office.GetStringAsync("/Documents/Create");
        // The selected option carries selected="selected": match the value and the words, whatever else the tag holds.
        Assert.Matches("<option value=\"None\"[^>]*>Không mật</option>", html);
        Assert.Matches("<option value=\"Normal\"[^>]*>Thường</option>", html);
        Assert.Matches("<option value=\"None\"[^>]*>Không mật</option>", await office.GetStringAsync("/Assignments/Edit"));
    }

    [Fact]
    public async Task HomePage_NoLongerSaysComingSoon_ForWhatIsBuilt()
    {
        var html = await (await app.SignedInClientAsync("vanphong")).GetStringAsync("/");
        Assert.DoesNotContain("sắp có", html);
        Assert.Contains("href=\"/Assignments/MyWork\"", html);
        Assert.Contains("href=\"/Reviews\"", html);
    }
}
