using DualStack.Cli.Lsp.Protocol;
using StreamJsonRpc;

namespace DualStack.Cli.Lsp;

/// <summary>
/// Runs the language server over two streams (standard input and output for <c>dslint lsp</c>): LSP base-protocol
/// framing (Content-Length headers) and JSON-RPC 2.0 by StreamJsonRpc. Ends on <c>exit</c>, when the input ends or
/// when the output is closed; nothing but protocol messages is written to <paramref name="output"/>.
/// </summary>
internal static class LspServerHost
{
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log)
    {
        void Log(string message)
        {
            lock (log)
            {
                log.WriteLine("dslint lsp: " + message);
                log.Flush();
            }
        }

        var unanswered = new UnansweredRequests();
        var server = new LanguageServer(Log, unanswered);
        var handler = new ResyncingMessageHandler(output, input, new TolerantLspFormatter(), unanswered, Log);
        using var rpc = new JsonRpc(handler);
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { DisposeOnDisconnect = false });
        rpc.Disconnected += (_, e) =>
        {
            if (e.Reason is not DisconnectedReason.LocallyDisposed and not DisconnectedReason.RemotePartyTerminated)
            {
                Log($"connection lost: {e.Description}");
            }
        };
        server.Attach(rpc);
        rpc.StartListening();

        var finished = await Task.WhenAny(server.ExitRequested, rpc.Completion, handler.OutputLost).ConfigureAwait(false);
        server.Stop();
        if (finished == server.ExitRequested)
        {
            return await server.ExitRequested.ConfigureAwait(false);
        }

        if (finished == handler.OutputLost)
        {
            Log("the output is closed; stopping");
            return 1;
        }

        // End of input: a clean end after shutdown, an error otherwise (the editor went away).
        return server.ShutdownRequested ? 0 : 1;
    }
}
