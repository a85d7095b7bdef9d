using System.Text.Json.Nodes;

namespace DualStack.Lsp.Tests;

/// <summary>The workspace counts: editorconfig by path, and the cluster model from the workspace's cluster configuration.</summary>
public sealed class WorkspaceProtocolTests
{
    [Fact]
    public async Task Editorconfig_severities_apply_by_path_and_a_changed_file_takes_effect()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".editorconfig", "root = true\n[prod/*.yaml]\ndotnet_diagnostic.DS2005.severity = error\n");
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        var prod = workspace.Uri("prod/svc.yaml");
        var dev = workspace.Uri("dev/svc.yaml");
        var service = Manifests.Lf(Manifests.DualStackService).Replace("  ipFamilyPolicy: PreferDualStack\n", "");

        await client.OpenAsync(prod, service);
        Assert.Equal(1, (int)(await client.DiagnosticsAsync(prod, version: 1)).Single()!["severity"]!);
        await client.OpenAsync(dev, service);
        Assert.Equal(2, (int)(await client.DiagnosticsAsync(dev, version: 1)).Single()!["severity"]!);

        // The file changes on disk; the editor reports it (workspace/didChangeWatchedFiles): DS2005 is off everywhere.
        workspace.Write(".editorconfig", "root = true\n[*.yaml]\ndotnet_diagnostic.DS2005.severity = none\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = workspace.Uri(".editorconfig"), ["type"] = 2 }),
        });
        var after = await client.DiagnosticsOfEachAsync(prod, dev);
        Assert.Empty(after[prod]);
        Assert.Empty(after[dev]);
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task The_cluster_model_comes_from_the_workspace_config_and_follows_disk_and_editor_changes()
    {
        using var workspace = new TempWorkspace();
        var kindPath = workspace.Write("cluster/kind.yaml", Manifests.KindCluster("ipv4"));
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        var svc = workspace.Uri("apps/svc.yaml");
        var service = Manifests.Lf(Manifests.DualStackService).Replace("  ipFamilyPolicy: PreferDualStack\n", "");

        // An IPv4-only kind cluster: a single-stack Service is right there.
        await client.OpenAsync(svc, service);
        Assert.Empty(await client.DiagnosticsAsync(svc, version: 1));

        // The cluster file becomes dual-stack on disk.
        File.WriteAllText(kindPath, Manifests.KindCluster("dual"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = workspace.Uri("cluster/kind.yaml"), ["type"] = 2 }),
        });
        var dual = await client.DiagnosticsAsync(svc, d => d.Count > 0);
        Assert.Equal(["DS2005"], Manifests.Codes(dual));
        Assert.Contains("dual-stack", (string)dual[0]!["message"]!);

        // Edited in the editor (not saved): IPv6-only. The open Service follows the editor's text.
        var kindUri = workspace.Uri("cluster/kind.yaml");
        await client.OpenAsync(kindUri, Manifests.KindCluster("dual"));
        await client.DiagnosticsAsync(kindUri, version: 1);
        await client.ChangeAsync(kindUri, 2, LspClient.FullChange(Manifests.KindCluster("ipv6")));
        Assert.Empty(await client.DiagnosticsAsync(svc));

        // Closing the unsaved file brings back the disk version (dual).
        await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = kindUri } });
        Assert.Equal(["DS2005"], Manifests.Codes(await client.DiagnosticsAsync(svc, d => d.Count > 0)));
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task A_document_gets_the_nearest_cluster_configuration()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("envs/legacy/cluster/kind.yaml", Manifests.KindCluster("ipv4"));
        workspace.Write("envs/modern/cluster/kind.yaml", Manifests.KindCluster("dual"));
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        var service = Manifests.Lf(Manifests.DualStackService).Replace("  ipFamilyPolicy: PreferDualStack\n", "");

        var legacy = workspace.Uri("envs/legacy/svc.yaml");
        var modern = workspace.Uri("envs/modern/svc.yaml");
        await client.OpenAsync(legacy, service);
        Assert.Empty(await client.DiagnosticsAsync(legacy, version: 1));
        await client.OpenAsync(modern, service);
        Assert.Equal(["DS2005"], Manifests.Codes(await client.DiagnosticsAsync(modern, version: 1)));
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task The_server_asks_a_capable_client_to_watch_config_files_and_accepts_its_answer()
    {
        using var workspace = new TempWorkspace();
        await using var client = LspClient.Start(workspace.Root);
        await client.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = Uris.Of(workspace.Root),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } },
            },
        });
        await client.NotifyAsync("initialized", new JsonObject());

        var register = await client.WaitForAsync(m => (string?)m["method"] == "client/registerCapability");
        var registration = register["params"]!["registrations"]![0]!;
        Assert.Equal("workspace/didChangeWatchedFiles", (string)registration["method"]!);
        var globs = registration["registerOptions"]!["watchers"]!.AsArray().Select(w => (string)w!["globPattern"]!).ToList();
        Assert.Equal(["**/*.{yaml,yml,json}", "**/.editorconfig", "**/.globalconfig"], globs);

        // The answer to the server's own request is a response it expects, not a stray one.
        await client.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = register["id"]!.DeepClone(), ["result"] = null });
        var uri = workspace.Uri("svc.yaml");
        await client.OpenAsync(uri, Manifests.Lf(Manifests.DualStackService));
        Assert.Empty(await client.DiagnosticsAsync(uri));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
        Assert.DoesNotContain("never sent", client.Stderr);
    }
}
