using System.Buffers;
using System.IO.Pipelines;

namespace DualStack.Cli.Lsp.Protocol;

/// <summary>
/// A pipe reader that can end a read its caller abandoned by throwing. StreamJsonRpc throws on a malformed header
/// without advancing the reader; if an earlier read of the same header had examined everything (the line arrived in
/// pieces), the next read would wait for new bytes while the following messages sit unread in the buffer, and the
/// server would stop answering. <see cref="Rewind"/> marks nothing as consumed or examined, so the next read returns
/// the buffered bytes at once.
/// </summary>
internal sealed class RewindablePipeReader(PipeReader inner) : PipeReader
{
    private ReadOnlySequence<byte>? _unadvanced;

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
        _unadvanced = result.Buffer;
        return result;
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!inner.TryRead(out result))
        {
            return false;
        }

        _unadvanced = result.Buffer;
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed)
    {
        _unadvanced = null;
        inner.AdvanceTo(consumed);
    }

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        _unadvanced = null;
        inner.AdvanceTo(consumed, examined);
    }

    /// <summary>Ends a read that was never advanced, consuming and examining nothing.</summary>
    public void Rewind()
    {
        if (_unadvanced is { } buffer)
        {
            _unadvanced = null;
            inner.AdvanceTo(buffer.Start, buffer.Start);
        }
    }

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);
}
