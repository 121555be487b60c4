using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Resolute.Domain.Audit;

/// <summary>
/// What an audit entry records, in the form that is signed. <paramref name="SubjectId"/> is the document or task the
/// entry is about (for a task's report, its task), and <paramref name="Secret"/> whether that record was secret when
/// the entry was written: the audit page shows such an entry's values only to the users cleared for the record.
/// </summary>
public sealed record AuditContent(
    long Sequence, DateTime At, Guid? UserId, string? UserName, string? IpAddress, string Action,
    string EntityType, string? EntityId, Guid? OrganisationId, string? Before, string? After,
    Guid? SubjectId = null, bool Secret = false, string KeyId = "");

/// <summary>
/// The audit trail is a keyed hash chain: each entry's MAC (HMAC-SHA-256 under a key kept outside the database)
/// covers its own content and the previous entry's MAC, so editing, deleting or reordering any entry breaks every
/// link after it, and nobody without the key can write a chain that verifies. A signed head (the newest sequence and
/// MAC) is kept beside the entries, so a cut tail or an emptied table is found too.
/// </summary>
public static class AuditChain
{
    /// <summary>The hash that stands before the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Timestamps are kept to the millisecond: both databases store that exactly, so hashes survive a round trip.</summary>
    public static DateTime Truncate(DateTime at) =>
        new(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public static string Hash(byte[] key, string previousHash, AuditContent c)
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
        Field(c.SubjectId?.ToString());
        Field(c.Secret ? "1" : "0");
        Field(c.KeyId);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>The MAC of the chain's head: the newest entry's sequence and MAC, so the head cannot be moved back.</summary>
    public static string HeadMac(byte[] key, long sequence, string hash) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"head:{sequence.ToString(CultureInfo.InvariantCulture)}:{hash}")));

    /// <summary>A link that does not hold: which entry, and why.</summary>
    public sealed record Break(long Sequence, string Reason);

    /// <summary>
    /// Checks entries given in sequence order, continuing from <paramref name="previousHash"/> and
    /// <paramref name="expectedSequence"/>, with the key each entry names (null when the keyring lacks it).
    /// Returns the first break, or null when every link holds.
    /// </summary>
    public static Break? Verify(IEnumerable<(AuditContent Content, string PreviousHash, string Hash)> entries, Func<string, byte[]?> keys,
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
            if (keys(content.KeyId) is not { } key)
                return new Break(content.Sequence, $"it is signed with key '{content.KeyId}', which is not in the keyring");
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key, prev, content)), Encoding.ASCII.GetBytes(hash)))
                return new Break(content.Sequence, "the entry's content does not match its signature");
            previousHash = hash;
            expectedSequence++;
        }
        return null;
    }

    /// <summary>
    /// Checks the end of the chain against its signed head: the last entry walked must be the head's, and the head's
    /// MAC must hold, so removing the newest entries (or all of them) is a break. <paramref name="recordsExist"/>: the
    /// database holds records, so an empty chain with no head means the trail was emptied.
    /// </summary>
    public static Break? VerifyHead(long lastSequence, string lastHash, (long Sequence, string Hash, string KeyId, string Mac)? head,
        Func<string, byte[]?> keys, bool recordsExist)
    {
        if (head is not { } h)
            return lastSequence > 0
                ? new Break(lastSequence, "the chain's signed head is missing")
                : recordsExist ? new Break(1, "the trail is empty although the database holds records (the entries were removed)") : null;
        if (keys(h.KeyId) is not { } key)
            return new Break(h.Sequence, $"the head is signed with key '{h.KeyId}', which is not in the keyring");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HeadMac(key, h.Sequence, h.Hash)), Encoding.ASCII.GetBytes(h.Mac)))
            return new Break(h.Sequence, "the chain's head does not match its signature");
        if (h.Sequence != lastSequence)
            return h.Sequence > lastSequence
                ? new Break(lastSequence + 1, $"entries {lastSequence + 1}–{h.Sequence} are missing (the newest entries were removed)")
                : new Break(h.Sequence + 1, "entries were added after the signed head");
        if (h.Hash != lastHash)
            return new Break(h.Sequence, "the newest entry is not the one the head signed");
        return null;
    }
}
