namespace Resolute.Web.Features.Notifications;

/// <summary>The reminder job: every few minutes on every instance; the claims make it safe to run everywhere at once.</summary>
public sealed class ReminderJob(IServiceProvider services, ReminderOptions options, ILogger<ReminderJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, options.StartDelaySeconds)), stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.IntervalSeconds)));
        do
        {
            try
            {
                using var scope = services.CreateScope();
                var reminded = await scope.ServiceProvider.GetRequiredService<Reminders>().RunOnceAsync(stoppingToken);
                var mailed = await scope.ServiceProvider.GetRequiredService<EmailOutbox>().SendPendingAsync(stoppingToken);
                if (reminded + mailed > 0) log.LogInformation("Reminders: {Reminded} issued, {Mailed} e-mails sent.", reminded, mailed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The reminder run failed; it will be tried again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
