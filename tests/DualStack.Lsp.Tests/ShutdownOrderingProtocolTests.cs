using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DualStack.Lsp.Tests;

/// <summary>
/// The end of a session as scripted clients and editors on quit send it: initialize, initialized, shutdown and exit in
/// one write, so the server reads <c>exit</c> while <c>shutdown</c> is still being answered. Every round must answer
/// shutdown on stdout and exit with code 0 (LSP 3.17, "exit"), several times over because the failure was a race
/// (before the fix every variant failed within its first three rounds; <see cref="ShutdownOrderingHostTests"/> runs
/// many more rounds in-process).
/// </summary>
public sealed partial class ShutdownOrderingProtocolTests
{
    private const int Rounds = 6;
    private const int Parallel = 4;

    public static TheoryData<bool, bool> Variants => new()
    {
        { false, false },
        { true, false },
        { false, true },
        { true, true },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Shutdown_and_exit_in_one_write_answer_shutdown_and_exit_with_code_0(bool lintInFlight, bool closeInputAfterWrite)
    {
        using var workspace = new TempWorkspace();
        await System.Threading.Tasks.Parallel.ForAsync(0, Rounds, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (round, _) =>
        {
            await using var client = LspClient.Start(workspace.Root);
            var messages = new List<JsonObject>
            {
                Request(1, "initialize", new JsonObject { ["processId"] = null, ["rootUri"] = Uris.Of(workspace.Root), ["capabilities"] = new JsonObject() }),
                Notification("initialized", new JsonObject()),
            };
            if (lintInFlight)
            {
                messages.Add(Notification("textDocument/didOpen", new JsonObject
                {
                    ["textDocument"] = new JsonObject
                    {
                        ["uri"] = workspace.Uri($"svc{round}.yaml"), ["languageId"] = "yaml", ["version"] = 1,
                        ["text"] = Manifests.Lf(Manifests.DualStackService).Replace("PreferDualStack", "Dual"),
                    },
                }));
            }

            messages.Add(Request(2, "shutdown", null));
            messages.Add(Notification("exit", null));
            await client.WriteBytesAsync([.. messages.SelectMany(LspClient.Frame)]);
            if (closeInputAfterWrite)
            {
                client.CloseInput();
            }

            var code = await client.WaitForExitAsync();
            var shutdown = client.Seen.SingleOrDefault(m => m["id"] is JsonValue id && (int)id == 2);
            Assert.True(shutdown is not null, $"round {round}: no shutdown response; stderr:\n{client.Stderr}");
            Assert.True(shutdown.ContainsKey("result") && shutdown["result"] is null, $"round {round}: {shutdown.ToJsonString()}");
            Assert.True(code == 0, $"round {round}: exit code {code}; stderr:\n{client.Stderr}");
            AssertNoStackTrace(client.Stderr);
        });
    }

    [Fact]
    public async Task Exit_without_shutdown_in_one_write_ends_with_code_1()
    {
        using var workspace = new TempWorkspace();
        await using var client = LspClient.Start(workspace.Root);
        await client.WriteBytesAsync(
        [
            .. LspClient.Frame(Request(1, "initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = new JsonObject() })),
            .. LspClient.Frame(Notification("initialized", new JsonObject())),
            .. LspClient.Frame(Notification("exit", null)),
        ]);
        Assert.Equal(1, await client.WaitForExitAsync());
        AssertNoStackTrace(client.Stderr);
    }

    [Fact]
    public async Task A_request_after_shutdown_in_the_same_write_is_refused_and_exit_still_ends_with_code_0()
    {
        using var workspace = new TempWorkspace();
        await using var client = LspClient.Start(workspace.Root);
        await client.WriteBytesAsync(
        [
            .. LspClient.Frame(Request(1, "initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = new JsonObject() })),
            .. LspClient.Frame(Notification("initialized", new JsonObject())),
            .. LspClient.Frame(Request(2, "shutdown", null)),
            .. LspClient.Frame(Request(3, "textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = workspace.Uri("a.yaml") },
                ["range"] = LspClient.Range(0, 0, 0, 0),
            })),
            .. LspClient.Frame(Notification("exit", null)),
        ]);
        Assert.Equal(0, await client.WaitForExitAsync());
        var refused = client.Seen.Single(m => m["id"] is JsonValue id && (int)id == 3);
        Assert.Equal(-32600, (int)refused["error"]!["code"]!);
        AssertNoStackTrace(client.Stderr);
    }

    internal static JsonObject Request(int id, string method, JsonNode? parameters) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters };

    internal static JsonObject Notification(string method, JsonNode? parameters) =>
        new() { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters };

    /// <summary>An unhandled exception prints "Unhandled exception." and "   at Type.Method(...)" lines.</summary>
    internal static void AssertNoStackTrace(string stderr) =>
        Assert.False(StackFrame().IsMatch(stderr) || stderr.Contains("Unhandled exception", StringComparison.Ordinal), "stack trace on stderr:\n" + stderr);

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
