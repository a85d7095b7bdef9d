using System.Text.Json.Nodes;

namespace DualStack.Lsp.Tests;

/// <summary>Open, change and close documents against the real server process; diagnostics as the editor gets them.</summary>
public sealed class DocumentProtocolTests
{
    [Fact]
    public async Task Open_publishes_diagnostics_with_exact_ranges_rule_codes_links_and_object_context()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        var uri = workspace.Uri("k8s/web.yaml");
        var text = Manifests.Lf(Manifests.WebApp);

        await client.OpenAsync(uri, text);
        var diagnostics = await client.DiagnosticsAsync(uri, d => d.Count > 0, version: 1);

        Assert.Equal(["DS2030", "DS2005"], Manifests.Codes(diagnostics));
        var listen = diagnostics[0]!;
        Assert.Equal(16, (int)listen["range"]!["start"]!["line"]!);
        Assert.Equal("\"http://0.0.0.0:8080\"", Manifests.TextOf(text, listen["range"]!));
        Assert.Equal(2, (int)listen["severity"]!);
        Assert.Equal("https://github.com/dualstack-lint/dualstack-lint/blob/main/rules/DS2030.md", (string)listen["codeDescription"]!["href"]!);
        Assert.Equal("dslint", (string)listen["source"]!);
        Assert.EndsWith("[Deployment/web spec.template.spec.containers[0].env[0].value]", (string)listen["message"]!);

        var service = diagnostics[1]!;
        Assert.Equal(22, (int)service["range"]!["start"]!["line"]!);
        Assert.EndsWith("[Service/web spec.ipFamilyPolicy]", (string)service["message"]!);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Ranges_count_utf16_code_units_after_characters_outside_the_basic_plane()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        var uri = workspace.Uri("web.yaml");

        // "😀" is two UTF-16 code units: a server counting code points would start the range one character early.
        var text = Manifests.Lf(Manifests.WebApp).Replace("{name: ASPNETCORE_URLS,", "{x-note: \"😀😀\", name: ASPNETCORE_URLS,");
        await client.OpenAsync(uri, text);
        var diagnostics = await client.DiagnosticsAsync(uri, d => d.Count > 0);

        var listen = diagnostics.Single(d => (string)d!["code"]! == "DS2030")!;
        Assert.Equal("\"http://0.0.0.0:8080\"", Manifests.TextOf(text, listen["range"]!));
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Incremental_and_full_changes_relint_the_current_text()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        var uri = workspace.Uri("api.yaml");
        var text = Manifests.Lf(Manifests.DualStackService);

        await client.OpenAsync(uri, text);
        Assert.Empty(await client.DiagnosticsAsync(uri, version: 1));

        // Delete line 5 ("  ipFamilyPolicy: PreferDualStack\n") with a range edit: the Service becomes single-stack.
        await client.ChangeAsync(uri, 2, LspClient.RangeChange(5, 0, 6, 0, ""));
        var afterDelete = await client.DiagnosticsAsync(uri, version: 2);
        Assert.Equal(["DS2005"], Manifests.Codes(afterDelete));
        Assert.Equal(4, (int)afterDelete[0]!["range"]!["start"]!["line"]!);

        // Two range edits in one notification apply in order: type the policy back, then rename the Service.
        await client.ChangeAsync(
            uri,
            3,
            LspClient.RangeChange(5, 0, 5, 0, "  ipFamilyPolicy: RequireDualStack\n"),
            LspClient.RangeChange(3, 8, 3, 11, "backend"));
        Assert.Empty(await client.DiagnosticsAsync(uri, version: 3));

        await client.ChangeAsync(uri, 4, LspClient.FullChange(text.Replace("PreferDualStack", "DualStack")));
        var invalid = await client.DiagnosticsAsync(uri, version: 4);
        Assert.Equal(["DS2001"], Manifests.Codes(invalid));
        Assert.Equal(1, (int)invalid[0]!["severity"]!);

        await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        Assert.Empty(await client.DiagnosticsAsync(uri));
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Yaml_that_is_not_kubernetes_stays_silent_and_a_broken_manifest_shows_its_syntax_error()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);

        // A CI workflow with an IPv4 literal: not Kubernetes, not cluster configuration.
        var workflow = workspace.Uri(".github/workflows/ci.yml");
        await client.OpenAsync(workflow, "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      HOST: 0.0.0.0\n    steps: [ {run: make\n");
        Assert.Empty(await client.DiagnosticsAsync(workflow));

        var manifest = workspace.Uri("svc.yaml");
        await client.OpenAsync(manifest, Manifests.Lf(Manifests.DualStackService));
        Assert.Empty(await client.DiagnosticsAsync(manifest, version: 1));
        await client.ChangeAsync(manifest, 2, LspClient.RangeChange(3, 8, 3, 8, "[unclosed"));
        var broken = await client.DiagnosticsAsync(manifest, version: 2);
        Assert.Equal(["DS0001"], Manifests.Codes(broken));
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Save_relints_and_files_that_are_not_yaml_or_json_get_nothing()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        var notes = workspace.Uri("notes.txt");
        await client.OpenAsync(notes, Manifests.WebApp);
        var json = workspace.Uri("svc.json");
        await client.OpenAsync(json, """{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "a"}, "spec": {"ports": [{"port": 80}]}}""");
        Assert.Equal(["DS2005"], Manifests.Codes(await client.DiagnosticsAsync(json, version: 1)));

        await client.NotifyAsync("textDocument/didSave", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = json } });
        Assert.Equal(["DS2005"], Manifests.Codes(await client.DiagnosticsAsync(json, version: 1)));

        await client.DrainAsync(TimeSpan.FromMilliseconds(300));
        Assert.DoesNotContain(client.Seen, m => (string?)m["params"]?["uri"] == notes);
        await client.ShutdownAndExitAsync();
    }
}
