using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Resolute.Domain.Access;
using Resolute.Web.Data;
using Resolute.Web.Infrastructure.Access;

namespace Resolute.Tests.Infrastructure;

/// <summary>
/// The real app on a database of its own (SQLite file or PostgreSQL database), migrated and seeded with the
/// Hà Nội demo unless told otherwise. Tests create the data they change, so they never depend on each other.
/// </summary>
public class ResoluteFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test-Pass-2026";

    public ResoluteFactory() : this(TestDatabase.NewConnectionString(), seedDemo: true) { }

    internal ResoluteFactory(string connectionString, bool seedDemo)
    {
        ConnectionString = connectionString;
        SeedDemo = seedDemo;
    }

    public string ConnectionString { get; }
    public string AttachmentsPath { get; } = Path.Combine(Path.GetTempPath(), "resolute-tests", "files-" + Guid.NewGuid().ToString("N")[..8]);
    public bool SeedDemo { get; }
    /// <summary>
    /// The audit keyring. One file for the whole run (made by whichever app starts first), so a second instance and the
    /// command-line tests verify with the same key; a test that rotates keys gives its app a file of its own.
    /// </summary>
    public string AuditKeyFile { get; init; } = SharedAuditKeyFile;
    public static readonly string SharedAuditKeyFile = Path.Combine(Path.GetTempPath(), "resolute-tests", "audit.keys");
    /// <summary>Set by a second instance that shares the first one's database and must not drop it.</summary>
    public bool OwnsDatabase { get; init; } = true;
    /// <summary>Tests sign in many times from one address; the limit itself is tested with a low value.</summary>
    public int SignInLimit { get; init; } = 10_000;
    /// <summary>A clock the test moves; the app's "today" (task status, reminders) follows it.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; init; }
    public bool RemindersEnabled { get; init; }
    /// <summary>Further settings a test fixture needs (SMTP server, reminder timings…).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Every entry the app logged at Error level or above: a bad request is the client's error, not one of these.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> LoggedErrors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(l => l.AddProvider(new ErrorCollector(LoggedErrors)));
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Demo:Enabled", SeedDemo ? "true" : "false");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("RateLimits:SignInPerMinute", SignInLimit.ToString());
        builder.UseSetting("Attachments:Path", AttachmentsPath);
        builder.UseSetting("Audit:KeyFile", AuditKeyFile);
        builder.UseSetting("Attachments:MaxBytes", (2 * 1024 * 1024).ToString());
        // The reminder job runs only where a test asks for it; elsewhere it would write while tests read.
        builder.UseSetting("Reminders:Enabled", RemindersEnabled ? "true" : "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Clock is { } clock)
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }

    public async Task<T> WithDbAsync<T>(Func<ResoluteDbContext, IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ResoluteDbContext>(), scope.ServiceProvider);
    }

    public Task<Guid> UnitIdAsync(string code) =>
        WithDbAsync((db, _) => db.Organisations.IgnoreQueryFilters().Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    /// <summary>Creates an account holding <paramref name="role"/> over the unit with <paramref name="unitCode"/>.</summary>
    public Task<string> CreateUserAsync(ScopeRole role, string unitCode, string? userName = null) =>
        WithDbAsync(async (db, sp) =>
        {
            var name = userName ?? $"{role.CommandName()}-{Guid.NewGuid():N}"[..20];
            var users = sp.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = name, DisplayName = name, CreatedAt = DateTime.UtcNow };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            var unit = await db.Organisations.IgnoreQueryFilters().SingleAsync(o => o.Code == unitCode);
            db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = role, OrganisationId = unit.Id });
            await db.SaveChangesAsync();
            return name;
        });

    public Task<string> CreateTokenAsync(string userName) =>
        WithDbAsync(async (db, sp) =>
        {
            var user = await sp.GetRequiredService<UserManager<User>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
            return await PersonalAccessTokens.CreateAsync(db, user.Id, "test", DateTime.UtcNow);
        });

    /// <summary>An API client authenticated with a new token of a new user holding <paramref name="role"/> over <paramref name="unitCode"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(ScopeRole role, string unitCode)
    {
        var token = await CreateTokenAsync(await CreateUserAsync(role, unitCode));
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Links an account to an official (a delegation's member, a meeting's invitee).</summary>
    public Task LinkPersonAsync(string userName, Guid personId) =>
        WithDbAsync(async (db, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<User>>();
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
            user.PersonId = personId;
            await users.UpdateAsync(user);
            return true;
        });

    /// <summary>An API client of a new user holding <paramref name="role"/> over <paramref name="unitCode"/>, who is the official <paramref name="personId"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(ScopeRole role, string unitCode, Guid personId)
    {
        var name = await CreateUserAsync(role, unitCode);
        await LinkPersonAsync(name, personId);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateTokenAsync(name));
        return client;
    }

    /// <summary>A browser-like client signed in through the sign-in form (cookies kept, redirects not followed).</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Runs a command of the real executable (as an operator would) on this app's database and audit keyring.</summary>
    public async Task<(int Exit, string Out, string Err)> RunCommandAsync(params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["Database__Provider"] = TestDatabase.Provider;
        psi.Environment["ConnectionStrings__Default"] = ConnectionString;
        psi.Environment["Demo__Enabled"] = "false";
        psi.Environment["Audit__KeyFile"] = AuditKeyFile;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (p.ExitCode, await stdout, await stderr);
    }

    /// <summary>The antiforgery token a page's form carries.</summary>
    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>GETs the form page, then POSTs the fields with the page's antiforgery token, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = AntiforgeryToken(page);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase) TestDatabase.Drop(ConnectionString);
        GC.SuppressFinalize(this);
    }
}

internal sealed class ErrorCollector(System.Collections.Concurrent.ConcurrentQueue<string> errors) : Microsoft.Extensions.Logging.ILoggerProvider
{
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(categoryName, errors);
    public void Dispose() { }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> errors) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Error;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
        }
    }
}
