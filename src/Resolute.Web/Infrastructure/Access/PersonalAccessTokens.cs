using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Resolute.Web.Data;

namespace Resolute.Web.Infrastructure.Access;

/// <summary>Creates personal access tokens. The token is shown once; only its SHA-256 hash is kept.</summary>
public static class PersonalAccessTokens
{
    public const string TokenPrefix = "rsl_";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    public static async Task<string> CreateAsync(ResoluteDbContext db, Guid userId, string name, DateTime now,
        TimeSpan? lifetime = null, CancellationToken ct = default)
    {
        var stamp = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct) ?? "";
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.PersonalAccessTokens.Add(new PersonalAccessToken
        {
            UserId = userId,
            Name = name,
            TokenHash = Hash(token),
            Prefix = token[..10],
            CreatedAt = now,
            ExpiresAt = now + (lifetime ?? DefaultLifetime),
            UserStamp = stamp,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static Task<PersonalAccessToken?> FindActiveAsync(ResoluteDbContext db, string token, DateTime now, CancellationToken ct = default)
    {
        var hash = Hash(token);
        return db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now, ct);
    }
}
