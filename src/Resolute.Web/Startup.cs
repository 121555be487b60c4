using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Resolute.Web.Data;
using Resolute.Web.Features.Assignments;
using Resolute.Web.Features.Delegations;
using Resolute.Web.Features.Demo;
using Resolute.Web.Features.Documents;
using Resolute.Web.Features.Health;
using Resolute.Web.Features.Meetings;
using Resolute.Web.Features.Notifications;
using Resolute.Web.Features.Organisations;
using Resolute.Web.Features.Programmes;
using Resolute.Web.Features.Reviews;
using Resolute.Web.Infrastructure;
using Resolute.Web.Infrastructure.Access;
using Resolute.Web.Infrastructure.Localization;
using Scalar.AspNetCore;

namespace Resolute.Web;

public static class Startup
{
    public const string AuthScheme = "Resolute";

    public static void AddResolute(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AccessScope>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Reminders").Get<Features.Notifications.ReminderOptions>() ?? new());
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Smtp").Get<Features.Notifications.SmtpOptions>() ?? new());
        services.AddScoped<Features.Notifications.Reminders>();
        services.AddScoped<Features.Notifications.EmailOutbox>();
        services.AddHostedService<Features.Notifications.ReminderJob>();
        services.AddSingleton<Infrastructure.Files.FileStore>();
        services.AddResoluteDatabase();

        // Keys live in the database so that every instance behind the load balancer reads the same cookies.
        services.AddDataProtection().SetApplicationName("Resolute").PersistKeysToDbContext<ResoluteDbContext>();

        services.AddIdentity<User, Microsoft.AspNetCore.Identity.IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                // No lock after failed sign-ins: an outsider could lock anyone out by typing wrong passwords. Failed
                // attempts are throttled per account and address instead (SignInThrottle).
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<ResoluteDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<ClaimsFactory>()
            .AddErrorDescriber<VietnameseIdentityErrors>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "resolute.auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403; only pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            // Secure whenever the request is HTTPS (directly, or through a proxy that says so: see ForwardedHeaders).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            CookieSessions.Configure(o.Events);
            var sessionCheck = o.Events.OnValidatePrincipal;
            // The session check first (ended, disabled, password changed: rejected at once), then Identity's own, which
            // refreshes the role grants in the cookie every minute.
            o.Events.OnValidatePrincipal = async ctx =>
            {
                await sessionCheck(ctx);
                if (ctx.Principal is not null) await Microsoft.AspNetCore.Identity.SecurityStampValidator.ValidatePrincipalAsync(ctx);
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = CookieSessions.CopySession;
        });
        services.AddSingleton<Features.Account.SignInThrottle>();

        // Behind a TLS-terminating reverse proxy (ReverseProxy:Enabled), the client's address and scheme come from
        // X-Forwarded-For and X-Forwarded-Proto, trusted only from the proxies listed in ReverseProxy:KnownProxies.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = 1;
            foreach (var proxy in builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
                if (System.Net.IPAddress.TryParse(proxy, out var ip)) o.KnownProxies.Add(ip);
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        // No "Server: Kestrel": what runs behind the site is nobody's business.
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthScheme;
                o.DefaultAuthenticateScheme = AuthScheme;
                o.DefaultChallengeScheme = AuthScheme;
                o.DefaultForbidScheme = AuthScheme;
            })
            .AddPolicyScheme(AuthScheme, null, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Account/SignIn");
                o.Conventions.AllowAnonymousToPage("/Account/SignInTwoFactor");
                o.Conventions.AllowAnonymousToPage("/Errors/Index");
            })
            .AddMvcOptions(o =>
            {
                o.ModelBindingMessageProvider.UseVietnamese();
                o.ModelBinderProviders.Insert(0, new CleanStringBinderProvider());
                o.Filters.Add<PageErrorFilter>();
            });

        // Vietnamese letters are written as they are, not as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ErrorHandling.InVietnamese);
        services.AddValidation();
        services.ConfigureHttpJsonOptions(o =>
        {
            // Enum values by name only: a number such as "recurrence": 99 would name no value at all.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new CleanStringConverter());
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Resolute API";
            doc.Info.Description = "Theo dõi việc thực hiện nghị quyết. Xác thực bằng mã truy cập cá nhân: Authorization: Bearer rsl_…";
            return Task.CompletedTask;
        }));

        services.Configure<RequestLocalizationOptions>(o =>
        {
            var supported = new[] { new CultureInfo(Text.Vietnamese), new CultureInfo(Text.EnglishCulture) };
            o.DefaultRequestCulture = new RequestCulture(Text.Vietnamese);
            o.SupportedCultures = supported;
            o.SupportedUICultures = supported;
            // Vietnamese first: only an explicit choice (cookie or ?culture=) switches to English.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        // Sign-in and token creation are limited per client address. Counters are per instance: behind a load balancer
        // the effective limit is the setting times the number of instances, which still stops brute force.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                if (!HttpMethods.IsPost(ctx.Request.Method) || !IsCredentialEndpoint(ctx.Request))
                    return System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("");
                var limit = ctx.RequestServices.GetRequiredService<IConfiguration>().GetValue("RateLimits:SignInPerMinute", 20);
                return System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "",
                    _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });
            });
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("Quá nhiều lần thử. Hãy đợi một phút rồi thử lại.", ct);
            };
        });

        services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection("Demo"));
    }

    public static void UseResolute(this WebApplication app)
    {
        if (app.Configuration.GetValue("ReverseProxy:Enabled", false)) app.UseForwardedHeaders();
        app.UseExceptionHandler(ErrorHandling.Handle);
        // A request the client got wrong (a body over the size limit, a malformed form) is its error, not the app's:
        // answered here, so it is neither logged as unhandled nor shown as a 500.
        app.Use(ErrorHandling.BadRequests);
        // HSTS on every HTTPS answer (it is ignored on plain HTTP by design, so local and test use is unaffected).
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // The API answers errors as ProblemDetails; pages show the Vietnamese error page.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseStatusCodePagesWithReExecute("/Errors/Index", "?code={0}"));
        app.Use(SecurityHeaders.Apply);
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(Infrastructure.Access.TemporaryAccess.ApplyAsync);
        app.UseAntiforgery();

        app.MapHealth();
        app.MapOpenApi().RequireAuthorization();
        // Scalar serves its script from the app itself; its default web fonts would come from outside, so they are off.
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("Resolute API").DisableDefaultFonts()).RequireAuthorization();
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter<IdempotencyFilter>().AddEndpointFilter<ApiErrorFilter>();
        api.MapOrganisationsApi();
        api.MapDocumentsApi();
        api.MapAssignmentsApi();
        api.MapReviewsApi();
        api.MapProgrammesApi();
        api.MapMeetingsApi();
        api.MapDelegationsApi();
        api.MapNotificationsApi();
        app.MapCalendarFeed();
        app.MapRazorPages();
        app.MapCultureSwitch();
    }

    /// <summary>Migrates the database and, when demo mode is on and the database is empty, seeds the Hà Nội demo.</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResoluteDbContext>();
        await Database.MigrateAsync(db);
        await DocumentRules.EnsureTypesAsync(db);
        var demo = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value;
        if (demo.Enabled)
        {
            await DemoSeeder.SeedIfEmptyAsync(scope.ServiceProvider, app.Logger);
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                    .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
                foreach (var address in addresses)
                    Console.WriteLine($"Resolute is ready: open {address}/ and sign in as admin with the demo password above.");
            });
        }
    }

    /// <summary>
    /// A path on this site, by the rules of ASP.NET's own local-URL check (no "//" or "/\\" that a browser reads as
    /// another host), and with no control characters: anything else goes home instead of failing.
    /// </summary>
    public static bool IsLocalPath(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    private static bool IsCredentialEndpoint(HttpRequest r) =>
        r.Path.StartsWithSegments("/Account/SignIn") || r.Path.StartsWithSegments("/Account/SignInTwoFactor")
        || (r.Path.StartsWithSegments("/Account/Profile") && r.Query["handler"] == "CreateToken");

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/openapi"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static void MapCultureSwitch(this WebApplication app) =>
        app.MapPost("/culture", (HttpContext ctx, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var chosen = culture == Text.EnglishCulture ? Text.EnglishCulture : Text.Vietnamese;
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(IsLocalPath(returnUrl) ? returnUrl! : "/");
        });
}
