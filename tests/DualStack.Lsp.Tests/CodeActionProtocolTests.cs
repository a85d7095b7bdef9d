using System.Text.Json.Nodes;

namespace DualStack.Lsp.Tests;

/// <summary>Quick fixes: the engine's fixes and suppression comments, applied the way an editor applies them.</summary>
public sealed class CodeActionProtocolTests
{
    [Fact]
    public async Task The_engine_fix_is_a_quickfix_that_edits_only_its_range_and_clears_the_finding()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        var uri = workspace.Uri("web.yaml");
        var text = Manifests.Lf(Manifests.WebApp);
        await client.OpenAsync(uri, text);
        await client.DiagnosticsAsync(uri, d => d.Count == 2);

        var actions = await CodeActionsAsync(client, uri, 22);
        var fix = actions.Single(a => ((string)a!["title"]!).StartsWith("Fix DS2005", StringComparison.Ordinal))!;
        Assert.Equal("quickfix", (string)fix["kind"]!);
        Assert.True((bool)fix["isPreferred"]!);
        Assert.Equal("DS2005", (string)fix["diagnostics"]![0]!["code"]!);
        var edits = fix["edit"]!["changes"]![uri]!.AsArray();
        var edit = Assert.Single(edits)!;

        // An insertion (empty range) inside the Service's spec, not a rewrite of the document.
        Assert.Equal(edit["range"]!["start"]!.ToJsonString(), edit["range"]!["end"]!.ToJsonString());
        Assert.Contains("ipFamilyPolicy: PreferDualStack", (string)edit["newText"]!);

        var fixedText = Manifests.Apply(text, edits);
        Assert.Equal(text.Length + ((string)edit["newText"]!).Length, fixedText.Length);
        await client.ChangeAsync(uri, 2, LspClient.RangeChange(
            (int)edit["range"]!["start"]!["line"]!, (int)edit["range"]!["start"]!["character"]!,
            (int)edit["range"]!["end"]!["line"]!, (int)edit["range"]!["end"]!["character"]!,
            (string)edit["newText"]!));
        // DS2005 is gone; the Service is dual-stack now, so the engine points at its IPv4-only pods (DS2011).
        Assert.Equal(["DS2030", "DS2011"], Manifests.Codes(await client.DiagnosticsAsync(uri, version: 2)));
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task A_suppression_comment_is_offered_above_the_finding_and_silences_it()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        var uri = workspace.Uri("web.yaml");
        var text = Manifests.Lf(Manifests.WebApp);
        await client.OpenAsync(uri, text);
        await client.DiagnosticsAsync(uri, d => d.Count == 2);

        var actions = await CodeActionsAsync(client, uri, 16);
        Assert.DoesNotContain(actions, a => ((string)a!["title"]!).Contains("DS2005", StringComparison.Ordinal));
        var suppress = actions.Single(a => ((string)a!["title"]!).StartsWith("Suppress DS2030", StringComparison.Ordinal))!;
        var edit = Assert.Single(suppress["edit"]!["changes"]![uri]!.AsArray())!;
        Assert.Equal("          # dslint-disable-next-line DS2030 <reason>\n", (string)edit["newText"]!);
        Assert.Equal(16, (int)edit["range"]!["start"]!["line"]!);
        Assert.Equal(0, (int)edit["range"]!["start"]!["character"]!);

        var suppressed = Manifests.Apply(text, suppress["edit"]!["changes"]![uri]!.AsArray());
        await client.ChangeAsync(uri, 2, LspClient.FullChange(suppressed));
        Assert.Equal(["DS2005"], Manifests.Codes(await client.DiagnosticsAsync(uri, version: 2)));
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task No_suppression_comment_is_offered_where_it_would_not_work()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);

        // JSON has no comments.
        var json = workspace.Uri("svc.json");
        await client.OpenAsync(json, """{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "a"}, "spec": {"ports": [{"port": 80}]}}""");
        await client.DiagnosticsAsync(json, d => d.Count == 1);
        var actions = await CodeActionsAsync(client, json, 0);
        Assert.DoesNotContain(actions, a => ((string)a!["title"]!).StartsWith("Suppress", StringComparison.Ordinal));
        await client.ShutdownAndExitAsync();
    }

    [Fact]
    public async Task Code_actions_for_a_document_never_opened_are_empty()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspClient.StartInitializedAsync(workspace.Root);
        Assert.Empty(await CodeActionsAsync(client, workspace.Uri("never-opened.yaml"), 0));
        await client.ShutdownAndExitAsync();
    }

    internal static async Task<JsonArray> CodeActionsAsync(LspClient client, string uri, int line)
    {
        var response = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = LspClient.Range(line, 0, line, 0),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        });
        return response["result"]!.AsArray();
    }
}
