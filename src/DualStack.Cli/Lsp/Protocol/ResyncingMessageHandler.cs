using System.Buffers;
using System.IO.Pipelines;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace DualStack.Cli.Lsp.Protocol;

/// <summary>
/// LSP framing (<c>Content-Length</c> headers) that survives a broken header: StreamJsonRpc ends the connection on one,
/// which would end the server. Here a malformed header line is logged and skipped, and reading resumes at the next
/// line, so the next well-formed message is read normally.
/// </summary>
internal sealed class ResyncingMessageHandler : HeaderDelimitedMessageHandler
{
    private readonly Action<string> _log;
    private readonly RewindablePipeReader _input;

    public ResyncingMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, Action<string> log)
        : this(PipeWriter.Create(output), new RewindablePipeReader(PipeReader.Create(input)), formatter, log)
    {
    }

    private ResyncingMessageHandler(PipeWriter output, RewindablePipeReader input, IJsonRpcMessageFormatter formatter, Action<string> log)
        : base(output, input, formatter)
    {
        _input = input;
        _log = log;
    }

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
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
