using System.Text;
using DualStack.Cli.Lsp.Protocol;
using StreamJsonRpc.Protocol;

namespace DualStack.Lsp.Tests;

/// <summary>
/// Broken framing where the bytes arrive in pieces. The protocol test sends its broken headers in separate writes,
/// so how they reach the server depends on timing; here the pieces are fixed, so the case that once hung CI is
/// always the one tested.
/// </summary>
public sealed class ResyncingFramingTests
{
    [Fact]
    public async Task A_header_without_CR_that_arrived_in_two_pieces_is_skipped_and_the_next_message_read()
    {
        // The first piece ends mid-line, so the reader has examined everything it had before the bad line is seen;
        // everything after it is already buffered, and nothing more will come until the server answers.
        var body = "{\"jsonrpc\":\"2.0\",\"method\":\"still/serving\"}";
        var input = new PiecewiseStream(
            "Content-Len",
            "gth: 12\ngarbage line\r\nContent-Length: " + Encoding.UTF8.GetByteCount(body) + "\r\n\r\n" + body);
        var log = new List<string>();
        var handler = new ResyncingMessageHandler(Stream.Null, input, new TolerantLspFormatter(), new UnansweredRequests(), log.Add);

        var read = handler.ReadAsync(CancellationToken.None).AsTask();
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.True(finished == read, "the handler waited for more input instead of reading the buffered message; log: " + string.Join(" / ", log));
        var request = Assert.IsAssignableFrom<JsonRpcRequest>(await read);
        Assert.Equal("still/serving", request.Method);
        Assert.Contains(log, line => line.StartsWith("ignored a malformed header", StringComparison.Ordinal));
    }

    /// <summary>Hands out its pieces one per read, then blocks like a client that waits for a reply.</summary>
    private sealed class PiecewiseStream(params string[] pieces) : Stream
    {
        private readonly Queue<byte[]> _pieces = new(pieces.Select(Encoding.ASCII.GetBytes));

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_pieces.Count == 0)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            var piece = _pieces.Dequeue();
            piece.CopyTo(buffer);
            return piece.Length;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
