using System.Text;
using System.Text.Json.Nodes;

namespace DualStack.Lsp.Tests;

/// <summary>Bad input and odd clients: protocol errors or silence, never an exit or a byte off-protocol on stdout.</summary>
public sealed class RobustnessProtocolTests
{
    [Fact]
    public async Task Malformed_messages_unknown_methods_and_stray_responses_leave_the_server_running()
    {
        using var workspace = new TempWorkspace();
        await using var client = LspClient.Start(workspace.Root);

        // Before initialize: requests are refused with ServerNotInitialized.
        var early = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = workspace.Uri("a.yaml") },
            ["range"] = LspClient.Range(0, 0, 0, 0),
        });
        Assert.Equal(-32002, (int)early["error"]!["code"]!);

        await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = new JsonObject() });
        await client.NotifyAsync("initialized", new JsonObject());

        await client.SendRawAsync(Encoding.UTF8.GetBytes("{this is not json"));
        await client.SendRawAsync(Encoding.UTF8.GetBytes("[1, 2, 3]"));
        await client.SendRawAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\": \"2.0\"}"));
        await client.SendRawAsync([0xFF, 0xFE, 0x00, 0x01]);
        await client.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 4242, ["result"] = "nobody asked" });
        await client.NotifyAsync("$/someUnknownNotification", new JsonObject());
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = workspace.Uri("never-opened.yaml"), ["version"] = 3 },
            ["contentChanges"] = new JsonArray(LspClient.FullChange("kind: Service")),
        });
        await client.NotifyAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = "wrong shape" });
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = 987654 });

        // Broken framing: a header line without \r, a line that is no header, headers without Content-Length, an empty body.
        await client.WriteBytesAsync(Encoding.ASCII.GetBytes("Content-Length: 12\n"));
        await client.WriteBytesAsync(Encoding.ASCII.GetBytes("garbage line\r\n"));
        await client.WriteBytesAsync(Encoding.ASCII.GetBytes("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"));
        await client.WriteBytesAsync(Encoding.ASCII.GetBytes("Content-Length: 0\r\n\r\n"));

        var unknown = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "x" });
        Assert.Equal(-32601, (int)unknown["error"]!["code"]!);
        var badParams = await client.RequestAsync("textDocument/codeAction", new JsonObject { ["textDocument"] = 5 });
        Assert.NotNull(badParams["error"]);

        // Still serving.
        var uri = workspace.Uri("svc.yaml");
        await client.OpenAsync(uri, Manifests.Lf(Manifests.DualStackService).Replace("PreferDualStack", "Dual"));
        Assert.Equal(["DS2001"], Manifests.Codes(await client.DiagnosticsAsync(uri)));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
        Assert.Contains("ignored", client.Stderr);
    }

    [Fact]
    public async Task Binary_and_huge_documents_get_one_clear_finding()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);

        var binary = workspace.Uri("image.yaml");
        await client.OpenAsync(binary, "apiVersion: v1\0\0\u0001binary");
        var binaryDiagnostics = await client.DiagnosticsAsync(binary);
        Assert.Equal(["DS0002"], Manifests.Codes(binaryDiagnostics));
        Assert.Contains("binary", (string)binaryDiagnostics[0]!["message"]!);

        var huge = workspace.Uri("huge.yaml");
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n");
        while (text.Length < 11 * 1024 * 1024)
        {
            text.Append("  k").Append(text.Length).Append(": ").Append('x', 200).Append('\n');
        }

        await client.OpenAsync(huge, text.ToString());
        var hugeDiagnostics = await client.DiagnosticsAsync(huge);
        Assert.Equal(["DS0002"], Manifests.Codes(hugeDiagnostics));
        Assert.Contains("size limit", (string)hugeDiagnostics[0]!["message"]!);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1_and_requests_after_shutdown_are_refused()
    {
        using var workspace = new TempWorkspace();
        await using (var client = await LspClient.StartInitializedAsync(workspace.Root))
        {
            await client.NotifyAsync("exit", null);
            Assert.Equal(1, await client.WaitForExitAsync());
        }

        await using (var client = await LspClient.StartInitializedAsync(workspace.Root))
        {
            await client.RequestAsync("shutdown", null);
            var after = await client.RequestAsync("textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = workspace.Uri("a.yaml") },
                ["range"] = LspClient.Range(0, 0, 0, 0),
            });
            Assert.Equal(-32600, (int)after["error"]!["code"]!);
            await client.NotifyAsync("exit", null);
            Assert.Equal(0, await client.WaitForExitAsync());
        }
    }

    [Fact]
    public async Task A_client_that_disappears_ends_the_server()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        var uri = workspace.Uri("web.yaml");
        await client.OpenAsync(uri, Manifests.Lf(Manifests.WebApp));

        // Half a message, then the pipe closes.
        await client.WriteBytesAsync(Encoding.ASCII.GetBytes("Content-Length: 500\r\n\r\n{\"jsonrpc\""));
        client.CloseInput();
        Assert.Equal(1, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task A_newer_edit_cancels_the_older_runs_so_only_the_last_version_is_published()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root, debounceMilliseconds: 1000);
        var uri = workspace.Uri("svc.yaml");
        var text = Manifests.Lf(Manifests.DualStackService);
        await client.OpenAsync(uri, text);
        await client.DiagnosticsAsync(uri, version: 1);

        // Ten edits in a burst, each well inside the debounce: the runs of versions 2-10 are cancelled.
        for (var version = 2; version <= 11; version++)
        {
            var policy = version == 11 ? "SingleStack" : "PreferDualStack";
            await client.ChangeAsync(uri, version, LspClient.FullChange(text.Replace("PreferDualStack", policy)));
        }

        // A request can be cancelled too; the answer is its result or RequestCancelled, and the server carries on.
        await client.SendAsync(new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = 777, ["method"] = "textDocument/codeAction",
            ["params"] = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["range"] = LspClient.Range(0, 0, 9, 0) },
        });
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = 777 });
        var answer = await client.WaitForAsync(m => m["id"] is JsonValue id && (int)id == 777);
        Assert.True(answer["result"] is not null || (int)answer["error"]!["code"]! == -32800, answer.ToJsonString());

        // The version 11 diagnostics may have come before the answer above (and been passed over while waiting for it).
        var last = client.Seen.LastOrDefault(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (int?)m["params"]!["version"] == 11)?["params"]!["diagnostics"]!.AsArray()
            ?? await client.DiagnosticsAsync(uri, version: 11);
        Assert.Equal(["DS2005"], Manifests.Codes(last));
        var published = client.Seen.Where(m => (string?)m["method"] == "textDocument/publishDiagnostics").Select(m => (int?)m["params"]!["version"]).ToList();
        Assert.Equal([1, 11], published);
        await client.ShutdownAndExitAsync();
    }
}
