using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace DualStack.Cli.Tests;

/// <summary>SARIF 2.1.0 output: valid against the official schema, exact regions, repo-relative URIs, rule metadata.</summary>
public sealed class SarifTests
{
    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    [Fact]
    public void Sarif_output_validates_against_the_official_2_1_0_schema()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ".git"));
        folder.Write("deploy/app one.yaml", Samples.Broken);
        File.WriteAllBytes(Path.Combine(folder.Path, "deploy", "binary.yaml"), [0, 1, 2]);

        var result = Dslint.RunWithInput(folder.Path, Samples.Broken, null, "lint", "deploy", "-", "--format", "sarif", "--severity", "DS0001=error");

        Assert.Equal(1, result.ExitCode);
        AssertValid(result.Stdout);
    }

    [Fact]
    public void Sarif_without_findings_validates_too()
    {
        using var folder = new TempFolder();
        folder.Write("clean.yaml", Samples.Clean);

        var result = Dslint.Run(folder.Path, "lint", "--format", "sarif");

        Assert.Equal(0, result.ExitCode);
        AssertValid(result.Stdout);
        using var sarif = JsonDocument.Parse(result.Stdout);
        Assert.Equal(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Schema_check_rejects_a_broken_log()
    {
        // Guards the guard: the checked-in schema really constrains what it validates.
        var results = Schema.Value.Evaluate(JsonNode.Parse("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { } } } ] }"""), Options);
        Assert.False(results.IsValid);
        results = Schema.Value.Evaluate(JsonNode.Parse("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ { "level": "fatal", "message": { "text": "m" } } ] } ] }"""), Options);
        Assert.False(results.IsValid);
    }

    [Fact]
    public void Results_carry_rule_index_level_exact_region_and_repo_relative_uri()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ".git"));
        folder.Write("deploy/app.yaml", Samples.Broken);
        Directory.CreateDirectory(Path.Combine(folder.Path, "deploy", "sub"));

        // Run from a sub folder of the repository: the URI is still relative to the repository root.
        var result = Dslint.Run(Path.Combine(folder.Path, "deploy"), "lint", "app.yaml", "--format", "sarif");

        using var sarif = JsonDocument.Parse(result.Stdout);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var sarifResult = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("DS0001", sarifResult.GetProperty("ruleId").GetString());
        var rule = rules[sarifResult.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("DS0001", rule.GetProperty("id").GetString());
        Assert.Equal("error", sarifResult.GetProperty("level").GetString());
        Assert.Equal(Samples.BrokenMessage, sarifResult.GetProperty("message").GetProperty("text").GetString());
        var location = sarifResult.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("deploy/app.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = location.GetProperty("region");
        Assert.Equal(Samples.BrokenLine, region.GetProperty("startLine").GetInt32());
        Assert.Equal(Samples.BrokenColumn, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(Samples.BrokenLine, region.GetProperty("endLine").GetInt32());
        Assert.Equal(Samples.BrokenColumn + 1, region.GetProperty("endColumn").GetInt32());
        Assert.Equal(new Uri(folder.Path + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        var invocation = run.GetProperty("invocations")[0];
        Assert.Equal(1, invocation.GetProperty("exitCode").GetInt32());
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void Rules_have_names_descriptions_help_links_and_default_levels()
    {
        using var folder = new TempFolder();

        var result = Dslint.RunWithInput(folder.Path, Samples.Clean, null, "lint", "-", "--format", "sarif");

        using var sarif = JsonDocument.Parse(result.Stdout);
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var ids = rules.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.DoesNotContain(ids, id => id!.StartsWith("DS1", StringComparison.Ordinal));
        var ds0001 = rules.Single(r => r.GetProperty("id").GetString() == "DS0001");
        Assert.Equal("YamlSyntaxError", ds0001.GetProperty("name").GetString());
        Assert.Equal("YAML syntax error", ds0001.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal(DualStack.Rules.RuleCatalog.Get("DS0001").Description, ds0001.GetProperty("fullDescription").GetProperty("text").GetString());
        var link = "https://github.com/dualstack-lint/dualstack-lint/blob/main/rules/DS0001.md";
        Assert.Equal(link, ds0001.GetProperty("helpUri").GetString());
        Assert.Contains("(" + link + ")", ds0001.GetProperty("help").GetProperty("markdown").GetString());
        Assert.Equal("error", ds0001.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("note", rules.Single(r => r.GetProperty("id").GetString() == "DS0003").GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public void Standard_input_and_files_outside_the_root_get_valid_uris()
    {
        using var folder = new TempFolder();
        var outside = folder.Write("outside/app.yaml", Samples.Broken);
        Directory.CreateDirectory(Path.Combine(folder.Path, "repo", ".git"));

        var result = Dslint.RunWithInput(Path.Combine(folder.Path, "repo"), Samples.Broken, null, "lint", "-", outside, "--format", "sarif");

        AssertValid(result.Stdout);
        using var sarif = JsonDocument.Parse(result.Stdout);
        var uris = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation"))
            .Select(a => (a.GetProperty("uri").GetString(), a.TryGetProperty("uriBaseId", out _)))
            .ToList();
        Assert.Contains(("%3Cstdin%3E", false), uris);
        Assert.Contains((new Uri(outside).AbsoluteUri, false), uris);
    }

    private static EvaluationOptions Options => new()
    {
        OutputFormat = OutputFormat.List,

        // The OASIS schema declares draft-04, which JsonSchema.Net does not implement; the keywords it uses (type,
        // properties, required, enum, items, minimum, $ref to definitions, format) mean the same in draft 7.
        EvaluateAs = SpecVersion.Draft7,
        RequireFormatValidation = true,
    };

    internal static void AssertValid(string sarifText)
    {
        var results = Schema.Value.Evaluate(JsonNode.Parse(sarifText), Options);
        var errors = results.Details
            .Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
            .ToList();
        Assert.True(results.IsValid, "SARIF is not valid:\n" + string.Join("\n", errors) + "\n" + sarifText);
    }

    private static JsonSchema LoadSchema()
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json")))!.AsObject();
        node.Remove("$schema");
        node.Remove("id");
        return JsonSchema.FromText(node.ToJsonString());
    }
}
