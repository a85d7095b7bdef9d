using System.IO.Pipelines;
using System.Text;
using System.Text.Json.Nodes;
using DualStack.Cli.Lsp;
using static DualStack.Lsp.Tests.ShutdownOrderingProtocolTests;

namespace DualStack.Lsp.Tests;

/// <summary>
/// The shutdown/exit race of <see cref="ShutdownOrderingProtocolTests"/> many more times than starting processes
/// allows: the server host runs in the test process over in-memory streams, which is all that differs from
/// <c>dslint lsp</c> (that passes standard input and output).
/// </summary>
public sealed class ShutdownOrderingHostTests
{
    private const int Rounds = 50;

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Shutdown_and_exit_in_one_write_answer_shutdown_and_end_with_code_0(bool lintInFlight, bool inputEndsAfterExit)
    {
        using var workspace = new TempWorkspace();
        for (var round = 0; round < Rounds; round++)
        {
            var (code, output, log) = await RunAsync(OneWriteSession(workspace, lintInFlight ? "svc.yaml" : null), inputEndsAfterExit);
            AssertShutdownAnsweredAndCode0(round, output, code, log);
        }
    }

    /// <summary>Runs the server over <paramref name="input"/> (left open unless <paramref name="endInput"/>) until it
    /// ends; returns its exit code, the messages it wrote and its log.</summary>
    internal static async Task<(int Code, List<JsonObject> Output, string Log)> RunAsync(byte[] input, bool endInput)
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(input);
        if (endInput)
        {
            await pipe.Writer.CompleteAsync();
        }

        using var output = new MemoryStream();
        using var log = new StringWriter();
        var run = LspServerHost.RunAsync(pipe.Reader.AsStream(), output, log);
        var code = await run.WaitAsync(LspClient.Timeout);
        await pipe.Writer.CompleteAsync();
        return (code, Frames(output.ToArray()), log.ToString());
    }

    private static List<JsonObject> Frames(byte[] bytes)
    {
        var messages = new List<JsonObject>();
        var at = 0;
        while (at < bytes.Length)
        {
            var headerLength = bytes.AsSpan(at).IndexOf("\r\n\r\n"u8);
            var header = Encoding.ASCII.GetString(bytes, at, Math.Max(headerLength, 0));
            Assert.True(headerLength > 0 && header.StartsWith("Content-Length: ", StringComparison.Ordinal), "not a framed message at byte " + at);
            var length = int.Parse(header.AsSpan("Content-Length: ".Length));
            messages.Add(JsonNode.Parse(bytes.AsSpan(at + headerLength + 4, length))!.AsObject());
            at += headerLength + 4 + length;
        }

        return messages;
    }
}
