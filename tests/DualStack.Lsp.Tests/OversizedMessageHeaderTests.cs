using System.Buffers;
using System.Text;
using DualStack.Cli.Lsp.Protocol;
using static DualStack.Cli.Lsp.Protocol.OversizedMessageHeader;

namespace DualStack.Lsp.Tests;

/// <summary>Which header blocks announce a message to drop unread, and which are left to StreamJsonRpc.</summary>
public sealed class OversizedMessageHeaderTests
{
    [Theory]
    [InlineData("Content-Length: 67108865\r\n\r\n{", nameof(Verdict.Oversized))]
    [InlineData("content-length:2000000000\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n", nameof(Verdict.Oversized))]
    [InlineData("Content-Length: 67108864\r\n\r\n{", nameof(Verdict.NotOversized))]
    [InlineData("Content-Length: 52\r\n\r\n{", nameof(Verdict.NotOversized))]
    [InlineData("Content-Length: 2147483648\r\n\r\n", nameof(Verdict.NotOversized))]
    [InlineData("Content-Length: -5\r\n\r\n", nameof(Verdict.NotOversized))]
    [InlineData("garbage line\r\nContent-Length: 2000000000\r\n\r\n", nameof(Verdict.NotOversized))]
    [InlineData("Content-Length: 2000000000\r\n", nameof(Verdict.Incomplete))]
    [InlineData("Content-Len", nameof(Verdict.Incomplete))]
    public void Only_a_well_formed_header_block_over_the_limit_is_oversized(string bytes, string expected)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(bytes));
        var verdict = Inspect(buffer, inputEnded: false, out var length, out var bodyStart);
        Assert.Equal(expected, verdict.ToString());
        if (verdict == Verdict.Oversized)
        {
            Assert.True(length > MaxMessageBytes);
            Assert.Equal(bytes.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4, buffer.Slice(0, bodyStart).Length);
        }
    }

    [Fact]
    public void An_unfinished_header_at_the_end_of_input_or_past_4_KiB_is_left_to_StreamJsonRpc()
    {
        var unfinished = new ReadOnlySequence<byte>("Content-Length: 2000000000\r\n"u8.ToArray());
        Assert.Equal(Verdict.NotOversized, Inspect(unfinished, inputEnded: true, out _, out _));
        var tooLong = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("X-Padding: " + new string('a', 5000) + "\r\nContent-Length: 2000000000\r\n\r\n"));
        Assert.Equal(Verdict.NotOversized, Inspect(tooLong, inputEnded: false, out _, out _));
    }
}
