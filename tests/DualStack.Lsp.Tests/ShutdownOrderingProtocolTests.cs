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
            var session = OneWriteSession(workspace, lintInFlight ? $"svc{round}.yaml" : null);
            await client.WriteBytesAsync(session);
            if (closeInputAfterWrite)
            {
                client.CloseInput();
            }

            var code = await client.WaitForExitAsync();
            AssertShutdownAnsweredAndCode0(round, client.Seen, code, client.Stderr);
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

    /// <summary>initialize, initialized, a didOpen of a Service with a finding when <paramref name="openDocument"/>
    /// is given (its lint is then in flight at shutdown), shutdown (id 2) and exit, framed back to back.</summary>
    internal static byte[] OneWriteSession(TempWorkspace workspace, string? openDocument)
    {
        var messages = new List<JsonObject>
        {
            Request(1, "initialize", new JsonObject { ["processId"] = null, ["rootUri"] = Uris.Of(workspace.Root), ["capabilities"] = new JsonObject() }),
            Notification("initialized", new JsonObject()),
        };
        if (openDocument is not null)
        {
            messages.Add(Notification("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject
                {
                    ["uri"] = workspace.Uri(openDocument), ["languageId"] = "yaml", ["version"] = 1,
                    ["text"] = Manifests.Lf(Manifests.DualStackService).Replace("PreferDualStack", "Dual"),
                },
            }));
        }

        messages.Add(Request(2, "shutdown", null));
        messages.Add(Notification("exit", null));
        return [.. messages.SelectMany(LspClient.Frame)];
    }

    internal static void AssertShutdownAnsweredAndCode0(int round, IEnumerable<JsonObject> output, int code, string log)
    {
        var shutdown = output.SingleOrDefault(m => m["id"] is JsonValue id && (int)id == 2);
        Assert.True(shutdown is not null, $"round {round}: no shutdown response; log:\n{log}");
        Assert.True(shutdown.ContainsKey("result") && shutdown["result"] is null, $"round {round}: {shutdown.ToJsonString()}");
        Assert.True(code == 0, $"round {round}: exit code {code}; log:\n{log}");
        AssertNoStackTrace(log);
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
