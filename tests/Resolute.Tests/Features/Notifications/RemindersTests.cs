using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Resolute.Domain.Access;
using Resolute.Tests.Infrastructure;
using Resolute.Web.Data;
using Resolute.Web.Features.Notifications;
using static Resolute.Tests.Features.Assignments.AssignmentTestData;

namespace Resolute.Tests.Features.Notifications;

/// <summary>The app with a moving clock, e-mail to a real SMTP listener on loopback, and the reminder job switched on.</summary>
public sealed class ReminderFactory : ResoluteFactory
{
    public SmtpListener Smtp { get; } = new();

    public ReminderFactory()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        RemindersEnabled = true;
        Settings["Smtp:Host"] = "127.0.0.1";
        Settings["Smtp:Port"] = Smtp.Port.ToString();
        Settings["Smtp:Security"] = "None";
        Settings["Reminders:StartDelaySeconds"] = "0";
        Settings["Reminders:IntervalSeconds"] = "1";
        Settings["Reminders:DaysBefore:0"] = "7";
        Settings["Reminders:DaysBefore:1"] = "1";
        Settings["Reminders:EscalateAfterDays"] = "3";
    }

    public FakeTimeProvider Time => Clock!;
    public DateOnly Today => Resolute.Web.Infrastructure.VietnamTime.Today(Time);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public class RemindersTests(ReminderFactory app) : IClassFixture<ReminderFactory>
{
    private async Task<(string User, string Email)> UserWithEmailAsync(ScopeRole role, string unit)
    {
        var name = await app.CreateUserAsync(role, unit);
        var email = $"{name}@example.vn";
        await app.WithDbAsync(async (db, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<User>>();
            var u = await users.FindByNameAsync(name);
            u!.Email = email;
            await users.UpdateAsync(u);
            return 0;
        });
        return (name, email);
    }

    private async Task<string> AssignAsync(string lead, int days, string title)
    {
        var office = await app.ApiClientAsync(ScopeRole.Office, "TU-HN");
        var body = await CompleteAsync(app, "TU-HN", lead, app.Today.AddDays(days), title);
        var r = await office.PostAsJsonAsync("/api/assignments", body);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task ReminderEmail_ArrivesAtTheSmtpListener_FromTheBackgroundJob()
    {
        var (_, email) = await UserWithEmailAsync(ScopeRole.Reporter, "P-NGOCHA");
        var title = "Báo cáo tình hình thực hiện quy chế dân chủ " + Guid.NewGuid().ToString("N")[..6];
        await AssignAsync("P-NGOCHA", 1, title);

        var message = await app.Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("còn 1 ngày") && (m.TextBody ?? "").Contains(title), TimeSpan.FromSeconds(30));
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Contains("[Resolute]", message.Subject);
    }

    [Fact]
    public async Task Reminders_BeforeOnAndAfterTheDeadline_ThenEscalateToTheAssignersLeader()
    {
        var reporter = await UserWithEmailAsync(ScopeRole.Reporter, "P-LANG");
        var leader = await UserWithEmailAsync(ScopeRole.Leader, "TU-HN");
        var title = "Kiện toàn tổ chức cơ sở đảng sau sắp xếp " + Guid.NewGuid().ToString("N")[..6];
        var id = Guid.Parse(await AssignAsync("P-LANG", 8, title));

        async Task<List<string>> KindsAsync(string user) => await app.WithDbAsync((db, _) => (
            from n in db.Notifications
            join u in db.Users on n.UserId equals u.Id
            where n.AssignmentId == id && u.UserName == user
            orderby n.CreatedAt
            select n.Kind).ToListAsync());
        async Task RunAsync()
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Reminders>().RunOnceAsync(default);
        }

        await RunAsync();
        Assert.Empty(await KindsAsync(reporter.User)); // 8 days left: nothing yet
        app.Time.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        Assert.Equal(["before-7"], await KindsAsync(reporter.User));
        app.Time.Advance(TimeSpan.FromDays(6));
        await RunAsync();
        await RunAsync(); // a second run changes nothing
        Assert.Equal(["before-7", "before-1"], await KindsAsync(reporter.User));
        app.Time.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        Assert.Equal(["before-7", "before-1", "due-today"], await KindsAsync(reporter.User));
        app.Time.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        Assert.Equal(["before-7", "before-1", "due-today", "overdue"], await KindsAsync(reporter.User));
        Assert.Empty(await KindsAsync(leader.User));
        app.Time.Advance(TimeSpan.FromDays(3));
        await RunAsync();
        Assert.Equal(["escalation"], await KindsAsync(leader.User));
        await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(x => x.Address == leader.Email) && (m.Subject ?? "").Contains("Báo cáo lãnh đạo"), TimeSpan.FromSeconds(30));

        // The unread count and the list are the user's own.
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(reporter.User));
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/notifications")).RootElement;
        Assert.True(list.GetProperty("unread").GetInt32() >= 4);
        Assert.All(list.GetProperty("items").EnumerateArray(), n => Assert.NotEqual("escalation", n.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/notifications/read-all", null)).StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await client.GetStringAsync("/api/notifications")).RootElement.GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task TwoInstancesRunningTheJobAtOnce_NotifyOnceEach()
    {
        var (user, _) = await UserWithEmailAsync(ScopeRole.Office, "P-HONGHA");
        var id = Guid.Parse(await AssignAsync("P-HONGHA", 0, "Rà soát danh sách đảng viên " + Guid.NewGuid().ToString("N")[..6]));
        // A second app instance on the same database, with its own job.
        await using var second = new ResoluteFactory(app.ConnectionString, seedDemo: false) { OwnsDatabase = false, Clock = app.Time };
        var runs = Enumerable.Range(0, 6).Select(async i =>
        {
            using var scope = (i % 2 == 0 ? app.Services : second.Services).CreateScope();
            return await scope.ServiceProvider.GetRequiredService<Reminders>().RunOnceAsync(default);
        });
        await Task.WhenAll(runs);
        var notes = await app.WithDbAsync((db, _) => (from n in db.Notifications
                                                      join u in db.Users on n.UserId equals u.Id
                                                      where n.AssignmentId == id && u.UserName == user
                                                      select n.Kind).ToListAsync());
        Assert.Equal(["due-today"], notes);
    }
}
