using Resolute.Domain.Audit;

namespace Resolute.Tests.Domain.Audit;

public class AuditChainTests
{
    private static List<(AuditContent Content, string PreviousHash, string Hash)> Chain(int n)
    {
        var list = new List<(AuditContent, string, string)>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var c = new AuditContent(i, new DateTime(2026, 11, 27, 8, 0, i, 123, DateTimeKind.Utc), Guid.NewGuid(), "vanphong", "127.0.0.1",
                "update", "Organisation", Guid.NewGuid().ToString(), null, "{\"ShortName\":\"cũ\"}", "{\"ShortName\":\"mới\"}");
            var hash = AuditChain.Hash(previous, c);
            list.Add((c, previous, hash));
            previous = hash;
        }
        return list;
    }

    private static AuditChain.Break? Verify(IEnumerable<(AuditContent, string, string)> entries)
    {
        var previous = AuditChain.Genesis;
        long expected = 1;
        return AuditChain.Verify(entries, ref previous, ref expected);
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
        chain[4] = (forged, chain[4].PreviousHash, AuditChain.Hash(chain[4].PreviousHash, forged));
        Assert.Equal(6, Verify(chain)!.Sequence);
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
        Assert.Equal(AuditChain.Hash(AuditChain.Genesis, c), AuditChain.Hash(AuditChain.Genesis, c with { At = AuditChain.Truncate(at) }));
    }

    [Fact]
    public void Hash_FieldBoundariesMatter()
    {
        var a = new AuditContent(1, DateTime.UnixEpoch, null, "ab", "c", "create", "X", "1", null, null, null);
        var b = a with { UserName = "a", IpAddress = "bc" };
        Assert.NotEqual(AuditChain.Hash(AuditChain.Genesis, a), AuditChain.Hash(AuditChain.Genesis, b));
    }
}
