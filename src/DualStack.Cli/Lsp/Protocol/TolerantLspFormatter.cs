using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace DualStack.Cli.Lsp.Protocol;

/// <summary>
/// The System.Text.Json formatter with one difference: a message it cannot use never ends the connection.
/// </summary>
/// <remarks>
/// StreamJsonRpc disconnects when a message body is not JSON, not a JSON-RPC message, or a response to a request it
/// never sent; an editor (or a fuzzer) sending one bad message would then lose its language server. Here such a body
/// becomes the notification <see cref="LspMethods.InvalidMessage"/>, which the server logs and otherwise ignores (a
/// request without a readable id cannot be answered anyway). The framing (Content-Length) is intact in all these
/// cases, so the next message is read normally.
/// </remarks>
internal sealed class TolerantLspFormatter : SystemTextJsonFormatter, IJsonRpcMessageTextFormatter
{
    // Ids of the requests this server sent (client/registerCapability): only responses to those are passed on.
    private readonly ConcurrentDictionary<RequestId, byte> _pendingOutgoing = new();

    public TolerantLspFormatter()
    {
        var options = new System.Text.Json.JsonSerializerOptions();
        LspJson.Configure(options);
        JsonSerializerOptions = options;
    }

    JsonRpcMessage IJsonRpcMessageFormatter.Deserialize(ReadOnlySequence<byte> contentBuffer) =>
        ((IJsonRpcMessageTextFormatter)this).Deserialize(contentBuffer, Encoding);

    JsonRpcMessage IJsonRpcMessageTextFormatter.Deserialize(ReadOnlySequence<byte> contentBuffer, Encoding encoding)
    {
        JsonRpcMessage message;
        try
        {
            message = Deserialize(contentBuffer, encoding);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Invalid("the message is not a JSON-RPC message: " + ex.Message);
        }

        switch (message)
        {
            case JsonRpcRequest request when string.IsNullOrEmpty(request.Method):
                return Invalid("a request without a method name");
            case JsonRpcResult result when !_pendingOutgoing.TryRemove(result.RequestId, out _):
                return Invalid($"a response to request {result.RequestId} that the server never sent");
            case JsonRpcError error when !_pendingOutgoing.TryRemove(error.RequestId, out _):
                return Invalid($"an error response to request {error.RequestId} that the server never sent");
            default:
                return message;
        }
    }

    void IJsonRpcMessageFormatter.Serialize(IBufferWriter<byte> bufferWriter, JsonRpcMessage message)
    {
        if (message is JsonRpcRequest { IsResponseExpected: true } request)
        {
            _pendingOutgoing.TryAdd(request.RequestId, 0);
        }

        Serialize(bufferWriter, message);
    }

    // The replacement is an ordinary notification, parsed by the base formatter so StreamJsonRpc sees its own types.
    private JsonRpcMessage Invalid(string reason)
    {
        var text = System.Text.Json.JsonSerializer.Serialize(new
        {
            jsonrpc = "2.0",
            method = LspMethods.InvalidMessage,
            @params = new { reason },
        });
        return Deserialize(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text)), Encoding.UTF8);
    }
}
