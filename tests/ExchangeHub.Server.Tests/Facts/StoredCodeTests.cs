using System.Globalization;
using System.Reflection;
using ExchangeHub.Policy;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Tests.Facts;

/// <summary>
/// Every member of every contract enum the feeds store goes through the write map (<see cref="StoredCode"/>) and, where
/// the policy has the same enum, back through the read map (<see cref="StoredEnums"/>): UNSPECIFIED and unknown numbers
/// throw, every other member keeps today's stored number (the contract's) and comes back as the policy member of the
/// same name. A member added to the contract, the policy or the codes without its map arm fails here.
/// </summary>
public sealed class StoredCodeTests
{
    [Fact]
    public void OrganisationType_EveryMember_RoundTrips() =>
        RoundTrip<V1.OrganisationType, Policy.Refunds.OrganisationType>(typeof(StoredOrganisationType), StoredCode.Of, StoredEnums.OrganisationType);

    [Fact]
    public void RegistrationStatus_EveryMember_RoundTrips() =>
        RoundTrip<V1.RegistrationStatus, Policy.Refunds.RegistrationStatus>(typeof(StoredRegistrationStatus), StoredCode.Of, StoredEnums.RegistrationStatus);

    /// <summary>Issue 13: UNSPECIFIED is a unit not classified yet, stored as NotClassified (0) and read back as no class.</summary>
    [Fact]
    public void SizeClass_EveryMember_RoundTripsUnspecifiedAsNotClassified() =>
        RoundTripOptional<V1.SizeClass, Policy.SizeClass>(StoredSizeClass.NotClassified, StoredCode.Of, StoredEnums.SizeClass);

    [Fact]
    public void SizeClassSource_EveryMember_RoundTripsUnspecifiedAsNotClassified() =>
        RoundTripOptional<V1.SizeClassSource, Policy.Refunds.SizeClassSource>(StoredSizeClassSource.NotClassified, StoredCode.Of, StoredEnums.SizeClassSource);

    [Fact]
    public void SettlementStatus_EveryMember_RoundTrips() =>
        RoundTrip<V1.SettlementStatus, Policy.Refunds.SettlementStatus>(typeof(StoredSettlementStatus), StoredCode.Of, StoredEnums.SettlementStatus);

    [Fact]
    public void RecipientKind_EveryMember_RoundTrips() =>
        RoundTrip<V1.SubsidyRecipientKind, Policy.Skills.RecipientKind>(typeof(StoredRecipientKind), StoredCode.Of, StoredEnums.RecipientKind);

    /// <summary>Stored but read only in SQL (the aggregate, the insured places) or as text: the write map alone.</summary>
    [Fact]
    public void ContributionKind_EveryMember_Stored() => WriteOnly<V1.ContributionKind>(typeof(StoredLineKind), StoredCode.Of);

    [Fact]
    public void TransferDirection_EveryMember_Stored() => WriteOnly<V1.TransferDirection>(typeof(StoredTransferDirection), StoredCode.Of);

    [Fact]
    public void ConsolidationPlace_EveryMember_Stored() => WriteOnly<V1.ConsolidationPlace>(typeof(StoredConsolidationPlace), StoredCode.Of);

    /// <summary>Two members of one column with the same code would be read back as one.</summary>
    [Fact]
    public void StoredCodes_EachClass_ValuesDistinct()
    {
        var classes = typeof(StoredCode).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(StoredCode).Namespace && t.Name.StartsWith("Stored", StringComparison.Ordinal) && t is { IsAbstract: true, IsSealed: true })
            .Select(t => (Type: t, Codes: Constants(t).ToList()))
            .Where(c => c.Codes.Count > 0)
            .ToList();
        Assert.Contains(classes, c => c.Type == typeof(StoredOrganisationType));
        Assert.Contains(classes, c => c.Type == typeof(StoredLineKind));
        foreach (var (type, codes) in classes)
        {
            foreach (var group in codes.GroupBy(c => c.Value.GetType()))
            {
                var duplicates = group.GroupBy(c => c.Value).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(c => c.Name)));
                Assert.True(!duplicates.Any(), $"{type.Name}: {string.Join("; ", duplicates)} share a code");
            }
        }
    }

    [Fact]
    public void InsuredKindsSql_ListsRegularAndBackPayment() =>
        Assert.Equal(StoredLineKind.InsuredKindsSql, string.Create(CultureInfo.InvariantCulture, $"({StoredLineKind.Regular}, {StoredLineKind.BackPayment})"));

    /// <summary>
    /// The benchmark runs this text in sqlite3 and psql as its baseline: built from the codes, its aggregate is the text it
    /// was, over the lines in force on D and T ("FACTS": received ≤ D, recorded ≤ T, cancelled lines out).
    /// </summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public void MonthAggregateSql_BuiltFromCodes_SameAggregateOverTheLinesInForce(StorageProvider provider)
    {
        var sql = FactsSql.MonthAggregate(provider);

        Assert.StartsWith(
            "SELECT uscc, period, COUNT(DISTINCT CASE WHEN kind IN (1, 2) THEN resident_id END), "
            + "CAST(SUM(CASE WHEN kind = 1 THEN employer_amount_fen ELSE 0 END) AS BIGINT), CAST(SUM(CASE WHEN kind = 1 THEN employee_amount_fen ELSE 0 END) AS BIGINT), "
            + "CAST(SUM(CASE WHEN kind = 2 THEN employer_amount_fen ELSE 0 END) AS BIGINT), CAST(SUM(CASE WHEN kind = 2 THEN employee_amount_fen ELSE 0 END) AS BIGINT), "
            + "CAST(SUM(CASE WHEN kind = 3 THEN employer_amount_fen ELSE 0 END) AS BIGINT), CAST(SUM(CASE WHEN kind = 3 THEN employee_amount_fen ELSE 0 END) AS BIGINT) "
            + "FROM (SELECT uscc, resident_id, period, kind, employer_amount_fen, employee_amount_fen FROM contribution_lines "
            + "WHERE recorded_at_unix_ms <= @t AND received_date <= @d UNION ALL ",
            sql, StringComparison.Ordinal);
        Assert.Contains("WHERE (employer_amount_fen <> 0 OR employee_amount_fen <> 0) GROUP BY uscc, period ORDER BY uscc", sql, StringComparison.Ordinal);
    }

    /// <summary>The write map, then the read map; every policy member is reached by exactly one stored code.</summary>
    private static void RoundTrip<TContract, TPolicy>(Type codes, Func<TContract, int> write, Func<int, TPolicy> read)
        where TContract : struct, Enum
        where TPolicy : struct, Enum
    {
        var reached = new HashSet<TPolicy>();
        foreach (var stored in Write(codes, write))
        {
            var (value, code) = stored;
            var policy = read(code);
            Assert.Equal(UpperSnake.Format(value), UpperSnake.Format(policy));
            Assert.True(reached.Add(policy), $"{typeof(TPolicy).Name}.{policy} is read from two codes");
        }
        Assert.Equal(Enum.GetValues<TPolicy>().ToHashSet(), reached);
        Assert.Throws<InvalidOperationException>(() => read(0));
        Assert.Throws<InvalidOperationException>(() => read(Constants(codes).Where(c => c.Value is int).Max(c => (int)c.Value) + 1));
    }

    private static void RoundTripOptional<TContract, TPolicy>(int notClassified, Func<TContract, int> write, Func<int, TPolicy?> read)
        where TContract : struct, Enum
        where TPolicy : struct, Enum
    {
        var reached = new HashSet<TPolicy>();
        foreach (var value in Enum.GetValues<TContract>())
        {
            var code = write(value);
            if (Convert.ToInt32(value, CultureInfo.InvariantCulture) == 0)
            {
                Assert.Equal((notClassified, null), (code, read(code)));
                continue;
            }
            Assert.Equal(Convert.ToInt32(value, CultureInfo.InvariantCulture), code);
            var policy = read(code) ?? throw new InvalidOperationException($"{value} read back as not classified");
            Assert.Equal(UpperSnake.Format(value), UpperSnake.Format(policy));
            Assert.True(reached.Add(policy), $"{typeof(TPolicy).Name}.{policy} is read from two codes");
        }
        Assert.Equal(Enum.GetValues<TPolicy>().ToHashSet(), reached);
        var undefined = Enum.GetValues<TContract>().Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1;
        Assert.Throws<ArgumentOutOfRangeException>(() => write((TContract)Enum.ToObject(typeof(TContract), undefined)));
        Assert.Throws<InvalidOperationException>(() => read(undefined));
    }

    private static void WriteOnly<TContract>(Type codes, Func<TContract, int> write)
        where TContract : struct, Enum => Assert.NotEmpty(Write(codes, write));

    /// <summary>
    /// UNSPECIFIED and an undefined number throw; every other member is stored as the contract's number (what the
    /// feeds stored before the codes were written out) and as the code of the same name in <paramref name="codes"/>.
    /// </summary>
    private static List<(TContract Value, int Code)> Write<TContract>(Type codes, Func<TContract, int> write)
        where TContract : struct, Enum
    {
        var written = new List<(TContract, int)>();
        foreach (var value in Enum.GetValues<TContract>())
        {
            var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
            if (number == 0)
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => write(value));
                continue;
            }
            var code = write(value);
            Assert.Equal(number, code);
            Assert.Equal(code, Constants(codes).Single(c => c.Name == value.ToString()).Value);
            written.Add((value, code));
        }
        var undefined = Enum.GetValues<TContract>().Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1;
        Assert.Throws<ArgumentOutOfRangeException>(() => write((TContract)Enum.ToObject(typeof(TContract), undefined)));
        Assert.Equal(written.Count, Constants(codes).Count(c => c.Value is int));
        return written;
    }

    private static IEnumerable<(string Name, object Value)> Constants(Type codes) =>
        codes.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (f.Name, f.GetRawConstantValue()!));
}
