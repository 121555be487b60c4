using Resolute.Domain.Audit;

namespace Resolute.Tests.Domain.Audit;

public class AuditChainTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static byte[]? Keys(string id) => id == "k1" ? Key : null;

    private static List<(AuditContent Content, string PreviousHash, string Hash)> Chain(int n)
    {
        var list = new List<(AuditContent, string, string)>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var c = new AuditContent(i, new DateTime(2026, 11, 27, 8, 0, i, 123, DateTimeKind.Utc), Guid.NewGuid(), "vanphong", "127.0.0.1",
                "update", "Organisation", Guid.NewGuid().ToString(), null, "{\"ShortName\":\"cũ\"}", "{\"ShortName\":\"mới\"}", KeyId: "k1");
            var hash = AuditChain.Hash(Key, previous, c);
            list.Add((c, previous, hash));
            previous = hash;
        }
        return list;
    }

    private static AuditChain.Break? Verify(IEnumerable<(AuditContent, string, string)> entries)
    {
        var previous = AuditChain.Genesis;
        long expected = 1;
        return AuditChain.Verify(entries, Keys, ref previous, ref expected);
    }

    [Fact]
    public void Verify_WholeChain_FindsNoBreak() => Assert.Null(Verify(Chain(20)));

    [Fact]
    public void Verify_EditedContent_NamesTheEntry()
    {
        var chain = Chain(10);
        chain[4] = (chain[4].Content with { After = "{\"ShortName\":\"sửa lén\"}" }, chain[4].PreviousHash, chain[4].Hash);
        var broken = Verify(chain);
        Assert.Equal(5, broken!.Sequence);
        Assert.Contains("content", broken.Reason);
    }

    [Fact]
    public void Verify_EditedAndRehashedEntry_BreaksTheNextLink()
    {
        var chain = Chain(10);
        var forged = chain[4].Content with { UserName = "someone-else" };
        chain[4] = (forged, chain[4].PreviousHash, AuditChain.Hash(Key, chain[4].PreviousHash, forged));
        Assert.Equal(6, Verify(chain)!.Sequence);
    }

    [Fact]
    public void Verify_ChainRehashedOnwardWithoutTheKey_BreaksAtTheFirstForgedEntry()
    {
        // Someone with the database but not the key edits entry 5 and re-hashes every entry after it with a key of
        // their own (or with plain SHA-256, as the chain was once): the first forged entry no longer verifies.
        var chain = Chain(10);
        var forgerKey = new byte[32];
        var previous = chain[3].Hash;
        for (var i = 4; i < chain.Count; i++)
        {
            var content = i == 4 ? chain[i].Content with { UserName = "someone-else" } : chain[i].Content;
            var hash = AuditChain.Hash(forgerKey, previous, content);
            chain[i] = (content, previous, hash);
            previous = hash;
        }
        var broken = Verify(chain);
        Assert.Equal(5, broken!.Sequence);
        Assert.Contains("signature", broken.Reason);
    }

    [Fact]
    public void Verify_EntrySignedWithAnUnknownKey_SaysSo()
    {
        var chain = Chain(3);
        chain[2] = (chain[2].Content with { KeyId = "k9" }, chain[2].PreviousHash, chain[2].Hash);
        Assert.Contains("not in the keyring", Verify(chain)!.Reason);
    }

    [Fact]
    public void VerifyHead_CutTail_IsABreak()
    {
        var chain = Chain(10);
        var head = (10L, chain[9].Hash, "k1", AuditChain.HeadMac(Key, 10, chain[9].Hash));
        Assert.Null(AuditChain.VerifyHead(10, chain[9].Hash, head, Keys, recordsExist: true));
        // The newest three entries deleted: the walk ends at 7, the head says 10.
        var cut = AuditChain.VerifyHead(7, chain[6].Hash, head, Keys, recordsExist: true);
        Assert.Equal(8, cut!.Sequence);
        Assert.Contains("missing", cut.Reason);
        // The head moved back to 7 without the key: its signature fails.
        var forged = (7L, chain[6].Hash, "k1", AuditChain.HeadMac(new byte[32], 7, chain[6].Hash));
        Assert.Contains("signature", AuditChain.VerifyHead(7, chain[6].Hash, forged, Keys, recordsExist: true)!.Reason);
    }

    [Fact]
    public void VerifyHead_EmptiedTrail_IsABreak()
    {
        var chain = Chain(4);
        var head = (4L, chain[3].Hash, "k1", AuditChain.HeadMac(Key, 4, chain[3].Hash));
        Assert.NotNull(AuditChain.VerifyHead(0, AuditChain.Genesis, head, Keys, recordsExist: true));
        // Entries and head both gone while records exist.
        Assert.NotNull(AuditChain.VerifyHead(0, AuditChain.Genesis, null, Keys, recordsExist: true));
        // A new, empty database is whole.
        Assert.Null(AuditChain.VerifyHead(0, AuditChain.Genesis, null, Keys, recordsExist: false));
        // Entries without a head.
        Assert.NotNull(AuditChain.VerifyHead(4, chain[3].Hash, null, Keys, recordsExist: true));
    }

    [Fact]
    public void Verify_DeletedEntry_IsReportedMissing()
    {
        var chain = Chain(10);
        chain.RemoveAt(6);
        var broken = Verify(chain);
        Assert.Equal(7, broken!.Sequence);
        Assert.Contains("missing", broken.Reason);
    }

    [Fact]
    public void Hash_SurvivesSubMillisecondPrecisionLoss()
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        var c = new AuditContent(1, at, null, null, null, "create", "X", "1", null, null, "{}");
        Assert.Equal(AuditChain.Hash(Key, AuditChain.Genesis, c), AuditChain.Hash(Key, AuditChain.Genesis, c with { At = AuditChain.Truncate(at) }));
    }

    [Fact]
    public void Hash_FieldBoundariesMatter()
    {
        var a = new AuditContent(1, DateTime.UnixEpoch, null, "ab", "c", "create", "X", "1", null, null, null);
        var b = a with { UserName = "a", IpAddress = "bc" };
        Assert.NotEqual(AuditChain.Hash(Key, AuditChain.Genesis, a), AuditChain.Hash(Key, AuditChain.Genesis, b));
        // The secrecy mark and the subject are signed too: clearing the mark to show a secret entry breaks the chain.
        var secret = a with { SubjectId = Guid.NewGuid(), Secret = true };
        Assert.NotEqual(AuditChain.Hash(Key, AuditChain.Genesis, secret), AuditChain.Hash(Key, AuditChain.Genesis, secret with { Secret = false }));
    }
}
