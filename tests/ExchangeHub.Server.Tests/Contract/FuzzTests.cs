using System.Diagnostics;
using System.Globalization;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Contract;

/// <summary>
/// Issue 13: raw bytes through the real gRPC stack to every method of every service, as a hostile or broken client
/// would send them — valid messages truncated, with bytes flipped, with invalid UTF-8 in a string field, with random
/// tags appended, and random bytes. Bounded (EXCHANGEHUB_FUZZ_MESSAGES; by default 20,000 on SQLite, 4,000 on PostgreSQL; fixed seed). No call answers
/// UNKNOWN or INTERNAL; every INVALID_ARGUMENT names a field (BadRequest) and a reason (ErrorInfo); the feed rows stored
/// are exactly the records the replies counted as accepted; the audit chain verifies at the end.
/// </summary>
public abstract class FuzzTests(StorageProvider provider, int defaultCount)
{
    private const int Seed = 1313;
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
    private static readonly string[] FeedTables =
        ["units", "contribution_lines", "settlement_statuses", "skill_certificates", "training_subsidy_payments", "transfer_requests"];

    /// <summary>EXCHANGEHUB_FUZZ_MESSAGES, else 20,000 on SQLite and 4,000 on PostgreSQL (each call's audit entry is a network round trip there: 20,000 took over 5 minutes on 2 shared cores).</summary>
    private int Count => int.TryParse(Environment.GetEnvironmentVariable("EXCHANGEHUB_FUZZ_MESSAGES"), CultureInfo.InvariantCulture, out var n)
        ? n : defaultCount;

    [Fact]
    [Trait("issue", "13")]
    public async Task EveryMethod_MalformedOrRandomBytes_NeverUnknownOrInternal_AcceptedEqualStored_ChainVerifies()
    {
        await using var hub = await TestHub.StartAsync(provider, HubFixture.ExtraAgencies);
        var methods = Methods().ToList();
        var channels = new Dictionary<string, GrpcChannel>(StringComparer.Ordinal);
        var random = new Random(Seed);
        var accepted = 0L;
        var seen = new Dictionary<StatusCode, int>();
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Count; i++)
        {
            var method = methods[i % methods.Count];
            var (payload, mutation) = Mutate(method, random);
            var token = TokenFor(method);
            if (!channels.TryGetValue(token, out var channel))
            {
                channels[token] = channel = hub.Channel(token);
            }
            var (status, details, reply) = await CallAsync(channel, method, payload);
            seen[status.StatusCode] = seen.GetValueOrDefault(status.StatusCode) + 1;
            var fault = Check(status, details, method, payload, mutation);
            if (fault is not null && failures.Count < 20)
            {
                failures.Add(fault);
            }
            if (status.StatusCode == StatusCode.OK && reply is not null && method.IsClientStreaming
                && FeedReceipts.SummaryOf(method.OutputType.Parser.ParseFrom(reply)) is { } summary)
            {
                accepted += summary.Accepted;
                if (summary.AuditSequence <= 0 || summary.AuditEntryHash.Length != 64)
                {
                    failures.Add($"{method.FullName}: reply without its audit entry");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        var stored = 0L;
        foreach (var table in FeedTables)
        {
            stored += await hub.Database.ScalarAsync($"SELECT COUNT(*) FROM {table}");
        }
        Assert.Equal(accepted, stored);
        var verification = await hub.Services.GetRequiredService<Server.Audit.AuditTrail>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.Intact, $"audit chain broken at {verification.FirstBreak}");
        Assert.True(seen.ContainsKey(StatusCode.InvalidArgument), "no malformed message was refused");
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), $"{Count} messages took {watch.Elapsed}; lower EXCHANGEHUB_FUZZ_MESSAGES");
    }

    private static string? Check(Grpc.Core.Status status, Google.Rpc.Status? details, MethodDescriptor method, byte[] payload, string mutation)
    {
        var where = $"{method.FullName} ({mutation}, bytes {Convert.ToHexStringLower(payload.AsSpan(0, Math.Min(payload.Length, 32)))})";
        switch (status.StatusCode)
        {
            case StatusCode.Unknown or StatusCode.Internal:
                return $"{where}: {status.StatusCode} {status.Detail}";
            case StatusCode.InvalidArgument:
                var field = details?.Details.Where(d => d.Is(BadRequest.Descriptor)).Select(d => d.Unpack<BadRequest>())
                    .SelectMany(b => b.FieldViolations).FirstOrDefault()?.Field;
                var reason = details?.Details.Where(d => d.Is(ErrorInfo.Descriptor)).Select(d => d.Unpack<ErrorInfo>()).FirstOrDefault()?.Reason;
                return string.IsNullOrEmpty(field) || string.IsNullOrEmpty(reason) ? $"{where}: INVALID_ARGUMENT without field or reason: {status.Detail}" : null;
            default:
                return null;
        }
    }

    /// <summary>One message for <paramref name="method"/>: a valid one mutated, or random bytes.</summary>
    private static (byte[] Payload, string Mutation) Mutate(MethodDescriptor method, Random random)
    {
        var valid = Valid(method).ToByteArray();
        switch (random.Next(6))
        {
            case 0 when valid.Length > 1:
                return (valid[..random.Next(1, valid.Length)], "truncated");
            case 1 when valid.Length > 0:
                var flipped = (byte[])valid.Clone();
                for (var k = 0; k < 1 + random.Next(3); k++)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }
                return (flipped, "flipped");
            case 2:
                // Field 1 as a length-delimited string holding bytes that are not UTF-8.
                return ([.. valid, 0x0a, 0x03, 0xed, 0xa0, 0x80], "invalid utf-8");
            case 3:
                var tag = new byte[1 + random.Next(4)];
                random.NextBytes(tag);
                return ([.. valid, .. tag], "random tag");
            case 4:
                return (valid, "valid");
            default:
                var bytes = new byte[random.Next(1, 24)];
                random.NextBytes(bytes);
                return (bytes, "random");
        }
    }

    /// <summary>A valid request of the method's type: for a feed, one batch of one valid record; otherwise a plausible one.</summary>
    private static IMessage Valid(MethodDescriptor method) => method.InputType.ClrType.Name switch
    {
        nameof(PushUnitsRequest) => new PushUnitsRequest { Units = { Records.Unit("fz-u") } },
        nameof(PushContributionsRequest) => new PushContributionsRequest { Lines = { Records.Line("fz-l") } },
        nameof(PushSettlementsRequest) => new PushSettlementsRequest { Statuses = { Records.Settlement("fz-s") } },
        nameof(PushTransferRequestsRequest) => new PushTransferRequestsRequest { Requests = { Records.Transfer("fz-t") } },
        nameof(PushCertificatesRequest) => new PushCertificatesRequest { Certificates = { Records.Certificate("fz-c") } },
        nameof(PushTrainingSubsidyPaymentsRequest) => new PushTrainingSubsidyPaymentsRequest { Payments = { Records.TrainingPayment("fz-p", "fz-c") } },
        nameof(GetRefundDecisionRequest) => new GetRefundDecisionRequest { Uscc = Ids.Uscc(1), ProgramYear = 2024 },
        nameof(GetTransferRequest) => new GetTransferRequest { TransferId = "fz-t" },
        _ => (IMessage)Activator.CreateInstance(method.InputType.ClrType)!,
    };

    private static async Task<(Grpc.Core.Status Status, Google.Rpc.Status? Details, byte[]? Reply)> CallAsync(GrpcChannel channel, MethodDescriptor descriptor, byte[] payload)
    {
        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var method = new Method<byte[], byte[]>(type, descriptor.Service.FullName, descriptor.Name, Bytes, Bytes);
        var invoker = channel.CreateCallInvoker();
        // A watch never ends by itself: a short deadline ends it (DEADLINE_EXCEEDED is an answer like any other).
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(descriptor.Name == "WatchTransferUpdates" ? 0.3 : 30));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    return (Grpc.Core.Status.DefaultSuccess, null, await invoker.AsyncUnaryCall(method, null, options, payload));
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(method, null, options))
                    {
                        await call.RequestStream.WriteAsync(payload);
                        await call.RequestStream.CompleteAsync();
                        return (Grpc.Core.Status.DefaultSuccess, null, await call.ResponseAsync);
                    }
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, payload))
                    {
                        while (await call.ResponseStream.MoveNext(CancellationToken.None))
                        {
                        }
                        return (Grpc.Core.Status.DefaultSuccess, null, null);
                    }
                default:
                    throw new NotSupportedException(descriptor.FullName);
            }
        }
        catch (RpcException ex)
        {
            return (ex.Status, ex.GetRpcStatus(), null);
        }
    }

    /// <summary>Every method of every exchangehub.v1 service the hub maps.</summary>
    private static IEnumerable<MethodDescriptor> Methods() => typeof(TaxFeedService).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor")?.GetValue(null))
        .OfType<Google.Protobuf.Reflection.ServiceDescriptor>()
        .Where(s => s.File.Package == "exchangehub.v1")
        .OrderBy(s => s.FullName, StringComparer.Ordinal)
        .SelectMany(s => s.Methods);

    /// <summary>A token of an agency allowed to call the method (the call must reach the handler to be fuzzed).</summary>
    private static string TokenFor(MethodDescriptor method) => MethodRoles.Allowed($"/{method.Service.FullName}/{method.Name}") switch
    {
        var roles when roles.Contains(Roles.TaxBureau) => TestHub.TaxToken,
        var roles when roles.Contains(Roles.MarketRegulation) => TestHub.MarketToken,
        var roles when roles.Contains(Roles.TransferSystem) => TestHub.TransferToken,
        var roles when roles.Contains(Roles.SkillCertification) => TestHub.SkillToken,
        _ => TestHub.OperatorToken,
    };
}

[Trait("storage", "sqlite")]
public sealed class SqliteFuzzTests() : FuzzTests(StorageProvider.Sqlite, 20_000);

[Trait("storage", "postgres")]
public sealed class PostgresFuzzTests() : FuzzTests(StorageProvider.Postgres, 4_000);
