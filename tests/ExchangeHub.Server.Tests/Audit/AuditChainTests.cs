using ExchangeHub.AuditLog;

namespace ExchangeHub.Server.Tests.Audit;

/// <summary>The audit library's chain alone: the hash of a known row, and the first break of altered or missing rows.</summary>
public sealed class AuditChainTests
{
    /// <summary>Row 1 of a hub that took one contribution push; its hash was computed once outside .NET and pinned.</summary>
    public static readonly AuditEntry KnownRow = new()
    {
        Sequence = 1,
        OccurredAt = "2024-06-30T02:00:00.000Z",
        AgencyId = "dev-tax",
        Method = "/exchangehub.v1.TaxFeedService/PushContributions",
        Outcome = "OK",
        Detail = "",
        Batches = 1,
        Accepted = 2,
        PayloadSha256 = string.Concat(Enumerable.Repeat("ab", 32)),
        PreviousHash = AuditChain.Genesis,
    };

    [Fact]
    public void HashOf_KnownRow_IsSha256OfTheFieldsOnePerLine()
    {
        Assert.Equal("97c292a8f5ccda1fae1bbf21710583d6f92a75ca9bed87c85e987d67c38dc8ec", AuditChain.HashOf(KnownRow));
    }

    [Fact]
    public void HashOf_CoversEveryFieldButItsOwnHash()
    {
        var hash = AuditChain.HashOf(KnownRow);
        AuditEntry[] changed =
        [
            KnownRow with { Sequence = 2 }, KnownRow with { OccurredAt = "2024-06-30T02:00:00.001Z" }, KnownRow with { AgencyId = "dev-market" },
            KnownRow with { Method = "/x" }, KnownRow with { Outcome = "PermissionDenied" }, KnownRow with { Detail = "d" },
            KnownRow with { Batches = 2 }, KnownRow with { Accepted = 3 }, KnownRow with { Duplicate = 1 }, KnownRow with { Corrected = 1 },
            KnownRow with { Rejected = 1 }, KnownRow with { PayloadSha256 = "cd" }, KnownRow with { PreviousHash = "ff" },
        ];
        Assert.All(changed, row => Assert.NotEqual(hash, AuditChain.HashOf(row)));
        Assert.Equal(hash, AuditChain.HashOf(KnownRow with { Hash = "anything" }));
    }

    [Fact]
    public void FirstBreak_WholeChain_NoneWithCountAndHead()
    {
        var chain = Chain(3);
        Assert.Null(AuditChain.FirstBreak(chain, out var count, out var head));
        Assert.Equal(3, count);
        Assert.Equal(chain[^1].Hash, head);
    }

    [Fact]
    public void FirstBreak_Empty_GenesisHead()
    {
        Assert.Null(AuditChain.FirstBreak([], out var count, out var head));
        Assert.Equal(0, count);
        Assert.Equal(AuditChain.Genesis, head);
    }

    [Fact]
    public void FirstBreak_RowAltered_NamesThatRow()
    {
        var chain = Chain(3);
        chain[1] = chain[1] with { Accepted = 999 };
        var broken = AuditChain.FirstBreak(chain, out _, out _);
        Assert.Equal(new AuditBreak(2, "row 2 was altered: its content no longer matches its hash"), broken);
    }

    [Fact]
    public void FirstBreak_RowAlteredAndRehashed_NamesTheNextRow()
    {
        var chain = Chain(3);
        chain[1] = chain[1] with { Accepted = 999 };
        chain[1] = chain[1] with { Hash = AuditChain.HashOf(chain[1]) };
        var broken = AuditChain.FirstBreak(chain, out _, out _);
        Assert.Equal(new AuditBreak(3, "row 3 does not link to row 2 (previous hash differs)"), broken);
    }

    [Fact]
    public void FirstBreak_RowMissing_NamesTheMissingRow()
    {
        var chain = Chain(3);
        chain.RemoveAt(1);
        var broken = AuditChain.FirstBreak(chain, out _, out _);
        Assert.Equal(new AuditBreak(2, "row 2 is missing: the chain jumps from 1 to 3"), broken);
    }

    /// <summary>Rows 1…<paramref name="rows"/>, each linked to the one before, as the hub appends them.</summary>
    public static List<AuditEntry> Chain(int rows)
    {
        var chain = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var sequence = 1; sequence <= rows; sequence++)
        {
            var row = KnownRow with { Sequence = sequence, Accepted = sequence, PreviousHash = previous };
            row = row with { Hash = AuditChain.HashOf(row) };
            chain.Add(row);
            previous = row.Hash;
        }
        return chain;
    }
}
