using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Notifications;

/// <summary>The SMTP server e-mail goes through (config section <c>Smtp</c>); without a host, notifications stay in the app.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "Resolute <resolute@localhost>";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>None, Auto, StartTls or SslOnConnect (MailKit's names).</summary>
    public string Security { get; set; } = "Auto";
    public string? BaseUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// Sends the e-mail of pending notifications. Each is claimed with one conditional UPDATE (Pending → Sending, by this
/// instance): with several instances, one sends it and none twice. A claim left by an instance that died is released
/// after ten minutes; a failed send is retried up to five times.
/// </summary>
public sealed class EmailOutbox(ResoluteDbContext db, SmtpOptions smtp, ILogger<EmailOutbox> log)
{
    public static readonly string Instance = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 80);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
    public const int MaxAttempts = 5;

    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        if (!smtp.Enabled) return 0;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var stale = now.AddMinutes(-10);
        await db.Notifications.Where(n => n.EmailState == EmailState.Sending && n.ClaimedAt < stale)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.EmailState, EmailState.Pending), ct);
        var ids = await db.Notifications.AsNoTracking().Where(n => n.EmailState == EmailState.Pending)
            .OrderBy(n => n.CreatedAt).Take(50).Select(n => n.Id).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        var sent = 0;
        using var client = new SmtpClient();
        foreach (var id in ids)
        {
            var claimed = await db.Notifications.Where(n => n.Id == id && n.EmailState == EmailState.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.EmailState, EmailState.Sending).SetProperty(n => n.ClaimedBy, Instance)
                    .SetProperty(n => n.ClaimedAt, now), ct);
            if (claimed == 0) continue;
            var n = await db.Notifications.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(smtp.Host!, smtp.Port, Enum.TryParse<SecureSocketOptions>(smtp.Security, true, out var s) ? s : SecureSocketOptions.Auto, ct);
                    if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
                }
                await client.SendAsync(Message(n), ct);
                await db.Notifications.Where(x => x.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailState, EmailState.Sent)
                    .SetProperty(x => x.SentAt, db.Clock.GetUtcNow().UtcDateTime).SetProperty(x => x.EmailAttempts, x => x.EmailAttempts + 1), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "E-mail of notification {Id} to {To} failed.", id, n.EmailTo);
                var failed = n.EmailAttempts + 1 >= MaxAttempts;
                await db.Notifications.Where(x => x.Id == id).ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.EmailState, failed ? EmailState.Failed : EmailState.Pending)
                    .SetProperty(x => x.EmailAttempts, x => x.EmailAttempts + 1), ct);
                if (client.IsConnected) await client.DisconnectAsync(true, CancellationToken.None);
            }
        }
        if (client.IsConnected) await client.DisconnectAsync(true, ct);
        return sent;
    }

    private MimeMessage Message(Notification n)
    {
        var m = new MimeMessage();
        m.From.Add(MailboxAddress.Parse(smtp.From));
        m.To.Add(MailboxAddress.Parse(n.EmailTo!));
        m.Subject = "[Resolute] " + n.Title;
        var link = smtp.BaseUrl is { Length: > 0 } b && n.Url is not null ? b.TrimEnd('/') + n.Url : n.Url;
        m.Body = new TextPart("plain") { Text = $"{n.Body}\n\n{link}\n\n— Resolute: hệ thống theo dõi thực hiện nhiệm vụ. Thư gửi tự động, xin không trả lời." };
        return m;
    }
}
