using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Resolute.Web.Data;

namespace Resolute.Web.Features.Account;

/// <summary>
/// Slows guessing without letting anyone lock an account: after <see cref="PerNameAndAddress"/> failed attempts on
/// one name from one address within <see cref="Window"/>, that address may not try that name until the window
/// passes; after <see cref="PerAddress"/> failures from one address (any names), that address waits. The account's
/// owner, from their own address, can still sign in while someone elsewhere guesses. Counted in the database, so every
/// instance behind the load balancer applies the same limits.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public const int PerNameAndAddress = 5;
    public const int PerAddress = 30;

    /// <summary>Names are compared as Identity normalises them, and cut to the stored length.</summary>
    public static string KeyOf(string attempted)
    {
        var key = attempted.Trim().ToUpperInvariant();
        return key.Length > 100 ? key[..100] : key;
    }

    public async Task<bool> IsThrottledAsync(ResoluteDbContext db, string key, string? address, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        if (await db.SignInFailures.CountAsync(f => f.Key == key && f.IpAddress == address && f.At > since, ct) >= PerNameAndAddress) return true;
        return await db.SignInFailures.CountAsync(f => f.IpAddress == address && f.At > since, ct) >= PerAddress;
    }

    /// <summary>Adds the failure to the next save; failures older than a day are cleared now and then.</summary>
    public async Task RecordAsync(ResoluteDbContext db, string key, string? address, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.SignInFailures.Add(new SignInFailure { Key = key, IpAddress = address, At = now });
        if (Random.Shared.Next(50) == 0)
        {
            var old = now.AddDays(-1);
            await db.SignInFailures.Where(f => f.At < old).ExecuteDeleteAsync(ct);
        }
    }

    private static readonly PasswordHasher<User> Hasher = new();
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new User(), Guid.NewGuid().ToString()));

    /// <summary>
    /// Spends the time a password check takes, for a name with no account (or a disabled one), so the answer's timing
    /// does not tell which names exist.
    /// </summary>
    public static void SpendPasswordCheck(string password) =>
        Hasher.VerifyHashedPassword(new User(), DummyHash.Value, password);
}
