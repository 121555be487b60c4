using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Resolute.Domain.Audit;

/// <summary>What an audit entry records, in the form that is hashed.</summary>
public sealed record AuditContent(
    long Sequence, DateTime At, Guid? UserId, string? UserName, string? IpAddress, string Action,
    string EntityType, string? EntityId, Guid? OrganisationId, string? Before, string? After);

/// <summary>
/// The audit trail is a hash chain: each entry's hash covers its own content and the previous entry's hash,
/// so editing, deleting or reordering any entry breaks every link after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The hash that stands before the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Timestamps are kept to the millisecond: both databases store that exactly, so hashes survive a round trip.</summary>
    public static DateTime Truncate(DateTime at) =>
        new(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public static string Hash(string previousHash, AuditContent c)
    {
        var sb = new StringBuilder();
        // Length-prefixed fields: no choice of separator can make two different entries hash alike.
        void Field(string? v) => sb.Append(v is null ? "-1:" : $"{v.Length}:{v}");
        Field(previousHash);
        Field(c.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(Truncate(c.At).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        Field(c.UserId?.ToString());
        Field(c.UserName);
        Field(c.IpAddress);
        Field(c.Action);
        Field(c.EntityType);
        Field(c.EntityId);
        Field(c.OrganisationId?.ToString());
        Field(c.Before);
        Field(c.After);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>A link that does not hold: which entry, and why.</summary>
    public sealed record Break(long Sequence, string Reason);

    /// <summary>
    /// Checks entries given in sequence order, continuing from <paramref name="previousHash"/> and
    /// <paramref name="expectedSequence"/>. Returns the first break, or null when every link holds.
    /// </summary>
    public static Break? Verify(IEnumerable<(AuditContent Content, string PreviousHash, string Hash)> entries,
        ref string previousHash, ref long expectedSequence)
    {
        foreach (var (content, prev, hash) in entries)
        {
            if (content.Sequence != expectedSequence)
                return new Break(expectedSequence, content.Sequence > expectedSequence
                    ? $"entries {expectedSequence}–{content.Sequence - 1} are missing"
                    : $"entry {content.Sequence} is out of order");
            if (prev != previousHash)
                return new Break(content.Sequence, "the link to the previous entry does not match");
            if (Hash(prev, content) != hash)
                return new Break(content.Sequence, "the entry's content does not match its hash");
            previousHash = hash;
            expectedSequence++;
        }
        return null;
    }
}
