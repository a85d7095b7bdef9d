using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using static DualStack.Lsp.Tests.ShutdownOrderingProtocolTests;

namespace DualStack.Lsp.Tests;

/// <summary>
/// How a session ends when the client misbehaves around the end: garbage between the last messages, requests after
/// exit, a pipe closed without exit, a Content-Length no client means. The server answers what it can, ends promptly
/// with the exit code LSP prescribes, and never prints a stack trace.
/// </summary>
public sealed class SessionEndRobustnessTests
{
    /// <summary>Far above what the server takes to end, far below the client's timeout.</summary>
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(8);

    private static readonly JsonObject Initialize = Request(1, "initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = new JsonObject() });

    [Fact]
    public async Task Garbage_between_the_last_messages_is_skipped_and_shutdown_still_answered()
    {
        using var workspace = new TempWorkspace();
        await using var client = LspClient.Start(workspace.Root);
        await client.WriteBytesAsync(
        [
            .. LspClient.Frame(Initialize),
            .. Encoding.ASCII.GetBytes("garbage line\r\n"),
            .. LspClient.Frame(Notification("initialized", new JsonObject())),
            .. Encoding.ASCII.GetBytes("\r\n\0\u0001\u0002 binary\n"),
            .. LspClient.Frame(Request(2, "shutdown", null)),
            .. Encoding.ASCII.GetBytes("Content-Length: nonsense\r\n"),
            .. LspClient.Frame(Notification("exit", null)),
        ]);

        Assert.Equal(0, await ExitCodeAsync(client));
        Assert.Contains(client.Seen, m => m["id"] is JsonValue id && (int)id == 2 && m.ContainsKey("result"));
        Assert.Contains("ignored", client.Stderr);
        AssertNoStackTrace(client.Stderr);
    }

    [Fact]
    public async Task Requests_after_exit_do_not_keep_the_server_or_change_its_exit_code()
    {
        using var workspace = new TempWorkspace();
        await using var client = LspClient.Start(workspace.Root);
        var afterExit = Enumerable.Range(3, 20).SelectMany(id => LspClient.Frame(Request(id, "textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = workspace.Uri("a.yaml") },
            ["range"] = LspClient.Range(0, 0, 0, 0),
        })));
        await client.WriteBytesAsync(
        [
            .. LspClient.Frame(Initialize),
            .. LspClient.Frame(Notification("initialized", new JsonObject())),
            .. LspClient.Frame(Request(2, "shutdown", null)),
            .. LspClient.Frame(Notification("exit", null)),
            .. afterExit,
            .. LspClient.Frame(Notification("exit", null)),
        ]);

        Assert.Equal(0, await ExitCodeAsync(client));
        Assert.Contains(client.Seen, m => m["id"] is JsonValue id && (int)id == 2 && m.ContainsKey("result"));
        AssertNoStackTrace(client.Stderr);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Input_closed_without_exit_ends_the_server_promptly_with_code_1(bool requestPending)
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        var uri = workspace.Uri("web.yaml");
        await client.OpenAsync(uri, Manifests.Lf(Manifests.WebApp));
        if (requestPending)
        {
            await client.SendAsync(Request(50, "textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri },
                ["range"] = LspClient.Range(0, 0, 40, 0),
            }));
        }

        client.CloseInput();
        Assert.Equal(1, await ExitCodeAsync(client));
        AssertNoStackTrace(client.Stderr);
    }

    [Fact]
    public async Task Shutdown_before_initialize_and_a_second_shutdown_are_refused_as_the_specification_says()
    {
        using var workspace = new TempWorkspace();
        await using var client = LspClient.Start(workspace.Root);
        var early = await client.RequestAsync("shutdown", null);
        Assert.Equal(-32002, (int)early["error"]!["code"]!);

        await client.RequestAsync("initialize", Initialize["params"]!.DeepClone());
        await client.NotifyAsync("initialized", new JsonObject());
        var first = await client.RequestAsync("shutdown", null);
        Assert.True(first.ContainsKey("result") && first["result"] is null, first.ToJsonString());
        var second = await client.RequestAsync("shutdown", null);
        Assert.Equal(-32600, (int)second["error"]!["code"]!);
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await ExitCodeAsync(client));
        AssertNoStackTrace(client.Stderr);
    }

    [Fact]
    public async Task A_client_that_stops_reading_ends_the_server_promptly_with_code_1()
    {
        using var workspace = new TempWorkspace();
        await using var client = LspClient.Start(workspace.Root, readOutput: false);

        // The answer to initialize cannot be written; the input stays open, so only that failure can end the server.
        await client.WriteBytesAsync([.. LspClient.Frame(Initialize), .. LspClient.Frame(Notification("initialized", new JsonObject()))]);
        Assert.Equal(1, await ExitCodeAsync(client));
        AssertNoStackTrace(client.Stderr);
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("2147483648")]
    [InlineData("-5")]
    public async Task A_Content_Length_no_client_means_is_reported_and_the_server_carries_on(string length)
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        await client.WriteBytesAsync(Encoding.ASCII.GetBytes($"Content-Length: {length}\r\n\r\n"));

        var after = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = workspace.Uri("a.yaml") },
            ["range"] = LspClient.Range(0, 0, 0, 0),
        });
        Assert.NotNull(after["result"]);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
        Assert.Contains("ignored", client.Stderr);
        AssertNoStackTrace(client.Stderr);
    }

    [Fact]
    public async Task A_huge_Content_Length_then_the_pipe_closing_ends_the_server_promptly_with_code_1()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        await client.WriteBytesAsync(Encoding.ASCII.GetBytes("Content-Length: 2000000000\r\n\r\n{\"jsonrpc\":\"2.0\""));
        await client.WriteBytesAsync(new byte[4 * 1024 * 1024]);
        client.CloseInput();

        Assert.Equal(1, await ExitCodeAsync(client));
        AssertNoStackTrace(client.Stderr);
    }

    [Fact]
    public async Task An_oversized_message_is_dropped_as_it_arrives_instead_of_being_held_in_memory()
    {
        const int Length = 256 * 1024 * 1024;
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        await client.WriteBytesAsync(Encoding.ASCII.GetBytes($"Content-Length: {Length}\r\n\r\n"));
        var chunk = new byte[1024 * 1024];
        chunk.AsSpan().Fill((byte)'x');
        for (var sent = 0; sent < Length; sent += chunk.Length)
        {
            await client.WriteBytesAsync(chunk);
        }

        // The framing is intact after it: the next message is read normally.
        var after = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = workspace.Uri("a.yaml") },
            ["range"] = LspClient.Range(0, 0, 0, 0),
        });
        Assert.NotNull(after["result"]);
        var peak = PeakResidentBytes(client.Process);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
        Assert.True(peak is null or < Length / 2, $"the server held {peak / (1024 * 1024)} MiB at its peak");
        Assert.Contains($"ignored a message of {Length} bytes", client.Stderr);
        AssertNoStackTrace(client.Stderr);
    }

    // VmHWM of /proc/PID/status (Linux): the most memory the process ever had resident.
    private static long? PeakResidentBytes(Process process)
    {
        var status = $"/proc/{process.Id}/status";
        return File.Exists(status)
            ? File.ReadLines(status).Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
                .Select(l => long.Parse(l["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024).FirstOrDefault()
            : null;
    }

    private static async Task<int> ExitCodeAsync(LspClient client)
    {
        var clock = Stopwatch.StartNew();
        var code = await client.WaitForExitAsync();
        Assert.True(clock.Elapsed < Promptly, $"the server took {clock.Elapsed} to end; stderr:\n{client.Stderr}");
        return code;
    }
}
