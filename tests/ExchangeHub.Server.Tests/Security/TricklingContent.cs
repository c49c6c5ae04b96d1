using System.Net;

namespace ExchangeHub.Server.Tests.Security;

/// <summary>A gRPC request body that announces a 1,000-byte message and then sends one byte of it every <c>interval</c>.</summary>
public sealed class TricklingContent(TimeSpan interval) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(new byte[] { 0, 0, 0, 0x03, 0xE8 });
        await stream.FlushAsync();
        for (var i = 0; i < 1000; i++)
        {
            await Task.Delay(interval);
            await stream.WriteAsync(new byte[] { 0x0a });
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
