using System.Text.Json.Nodes;

namespace DualStack.Lsp.Tests;

/// <summary>Manifest texts the tests open, and helpers to read ranges and apply edits the way an editor does.</summary>
internal static class Manifests
{
    /// <summary>A Deployment listening on 0.0.0.0 (DS2030 on 0-based line 16) and a Service without ipFamilyPolicy (DS2005 on its spec key, line 22).</summary>
    public const string WebApp = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: example/web:1
                  env: [{name: ASPNETCORE_URLS, value: "http://0.0.0.0:8080"}]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
            - port: 80
        """;

    /// <summary>A Service that is dual-stack already: nothing to report.</summary>
    public const string DualStackService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          ipFamilyPolicy: PreferDualStack
          selector:
            app: api
          ports:
            - port: 80
        """;

    public static string KindCluster(string ipFamily) => $"""
        kind: Cluster
        apiVersion: kind.x-k8s.io/v1alpha4
        networking:
          ipFamily: {ipFamily}
        """;

    public static string Lf(string text) => text.Replace("\r\n", "\n");

    public static string[] Lines(string text) => Lf(text).Split('\n');

    /// <summary>The text a diagnostic's range covers (single-line ranges).</summary>
    public static string TextOf(string text, JsonNode range)
    {
        var line = Lines(text)[(int)range["start"]!["line"]!];
        var start = (int)range["start"]!["character"]!;
        var end = (int)range["end"]!["character"]!;
        return line[start..end];
    }

    public static IEnumerable<string> Codes(JsonArray diagnostics) => diagnostics.Select(d => (string)d!["code"]!);

    /// <summary>Applies LSP text edits (UTF-16 positions) to a text with \n line ends.</summary>
    public static string Apply(string text, JsonArray edits)
    {
        var offsets = edits
            .Select(e => (Start: Offset(text, e!["range"]!["start"]!), End: Offset(text, e["range"]!["end"]!), NewText: (string)e["newText"]!))
            .OrderByDescending(e => e.Start)
            .ToList();
        foreach (var (start, end, newText) in offsets)
        {
            text = text[..start] + newText + text[end..];
        }

        return text;
    }

    private static int Offset(string text, JsonNode position)
    {
        var line = (int)position["line"]!;
        var offset = 0;
        for (var i = 0; i < line; i++)
        {
            offset = text.IndexOf('\n', offset) + 1;
        }

        return offset + (int)position["character"]!;
    }
}
