using System.Buffers;
using System.IO.Pipelines;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace DualStack.Cli.Lsp.Protocol;

/// <summary>
/// LSP framing (<c>Content-Length</c> headers) that survives a broken header: StreamJsonRpc ends the connection on one,
/// which would end the server. Here a malformed header line is logged and skipped, and reading resumes at the next
/// line, so the next well-formed message is read normally. It also tells <see cref="UnansweredRequests"/> what was read
/// and which responses are on the wire, and holds back the end of the input until every request read was answered.
/// </summary>
internal sealed class ResyncingMessageHandler : HeaderDelimitedMessageHandler
{
    private readonly Action<string> _log;
    private readonly RewindablePipeReader _input;
    private readonly UnansweredRequests _unanswered;
    private readonly List<RequestId> _writtenResponses = [];
    private readonly TaskCompletionSource _outputLost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ResyncingMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, UnansweredRequests unanswered, Action<string> log)
        : this(PipeWriter.Create(output), new RewindablePipeReader(PipeReader.Create(input)), formatter, unanswered, log)
    {
    }

    private ResyncingMessageHandler(PipeWriter output, RewindablePipeReader input, IJsonRpcMessageFormatter formatter, UnansweredRequests unanswered, Action<string> log)
        : base(output, input, formatter)
    {
        _input = input;
        _unanswered = unanswered;
        _log = log;
    }

    /// <summary>Completes when writing to the output failed (the client closed its end): nothing the server says can
    /// arrive any more. StreamJsonRpc only logs a failed response and reads on, so the server would otherwise run
    /// until its input ends, which a client that stopped reading need not ever close.</summary>
    public Task OutputLost => _outputLost.Task;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var message = await ReadResyncingAsync(cancellationToken).ConfigureAwait(false);
        if (message is not null)
        {
            _unanswered.Read(message);
            return message;
        }

        // End of input. StreamJsonRpc disconnects on it and drops responses not yet written, so a client that wrote its
        // last requests and closed the pipe (`printf ... | dslint lsp`) would never see their answers: wait for them.
        try
        {
            await _unanswered.AnsweredSoFar().WaitAsync(UnansweredRequests.AnswerWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _log("the input ended; requests still unanswered after " + UnansweredRequests.AnswerWait.TotalSeconds + " s are dropped");
        }

        return null;
    }

    protected override void Write(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        if (content is JsonRpcResult or JsonRpcError && content is IJsonRpcMessageWithId response)
        {
            lock (_writtenResponses)
            {
                _writtenResponses.Add(response.RequestId);
            }
        }

        base.Write(content, cancellationToken);
    }

    // StreamJsonRpc flushes after every message it writes: the responses written before are now on the wire.
    protected override async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            _outputLost.TrySetResult();
            throw;
        }

        RequestId[] flushed;
        lock (_writtenResponses)
        {
            flushed = [.. _writtenResponses];
            _writtenResponses.Clear();
        }

        foreach (var id in flushed)
        {
            _unanswered.Answered(id);
        }
    }

    private async ValueTask<JsonRpcMessage?> ReadResyncingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (await SkipOversizedMessageAsync(cancellationToken).ConfigureAwait(false))
            {
                case true:
                    continue;
                case false:
                    return null;
            }

            try
            {
                return await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (BadRpcHeaderException ex) when (ex.Message.StartsWith("No Content-Length", StringComparison.Ordinal))
            {
                // The header block was read to its end; the next message starts right after it.
                _log("ignored a message without a Content-Length header");
            }
            catch (ArgumentOutOfRangeException)
            {
                // "Content-Length: 0": the headers were read, and there is no body to skip.
                _log("ignored a message with an empty body");
            }
            catch (BadRpcHeaderException ex)
            {
                // The offending line is still unread (the read that found it was never advanced): drop it and look
                // for the next header there.
                _log("ignored a malformed header: " + ex.Message);
                _input.Rewind();
                if (!await SkipLineAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }
        }
    }

    // Null when the next message is not oversized (nothing was consumed, and the buffered bytes are returned again at
    // once); true when one was dropped; false when the input ended.
    private async ValueTask<bool?> SkipOversizedMessageAsync(CancellationToken cancellationToken)
    {
        var reader = Reader!;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            switch (OversizedMessageHeader.Inspect(result.Buffer, result.IsCompleted, out var length, out var bodyStart))
            {
                case OversizedMessageHeader.Verdict.Incomplete:
                    reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                    continue;
                case OversizedMessageHeader.Verdict.NotOversized:
                    reader.AdvanceTo(result.Buffer.Start, result.Buffer.Start);
                    return null;
            }

            reader.AdvanceTo(bodyStart);
            var dropped = await DropAsync(length, cancellationToken).ConfigureAwait(false);
            _log(dropped
                ? $"ignored a message of {length} bytes (over the {OversizedMessageHeader.MaxMessageBytes} byte limit)"
                : $"the input ended inside a message of {length} bytes");
            return dropped;
        }
    }

    // Consumes count bytes as they arrive, holding none; false when the input ended first.
    private async ValueTask<bool> DropAsync(long count, CancellationToken cancellationToken)
    {
        var reader = Reader!;
        while (count > 0)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var take = Math.Min(count, result.Buffer.Length);
            reader.AdvanceTo(result.Buffer.GetPosition(take));
            count -= take;
            if (count > 0 && result.IsCompleted)
            {
                return false;
            }
        }

        return true;
    }

    // False when the input ended.
    private async ValueTask<bool> SkipLineAsync(CancellationToken cancellationToken)
    {
        var reader = Reader!;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.Buffer.PositionOf((byte)'\n') is { } newline)
            {
                reader.AdvanceTo(result.Buffer.GetPosition(1, newline));
                return true;
            }

            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return false;
            }
        }
    }
}
