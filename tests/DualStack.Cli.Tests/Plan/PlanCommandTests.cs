using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using DualStack.Cli.CommandLine;
using DualStack.Cli.Lint;
using Json.Schema;

namespace DualStack.Cli.Tests.Plan;

/// <summary><c>dslint plan</c> as a process: formats, exit codes, bad input, the JSON schema, the SVG rendered to PNG.</summary>
public sealed class PlanCommandTests
{
    private const string MicroK8s = "docs/examples/microk8s-dual-stack.yaml";
    private const string Kubeadm = "docs/examples/kubeadm-dual-stack.yaml";

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(RepositoryPaths.Root, "docs", "plan.schema.json")));

    [Fact]
    public void Text_plan_of_the_MicroK8s_documentation_configuration()
    {
        var result = Dslint.Run(RepositoryPaths.Root, "plan", MicroK8s);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StdoutLines;
        Assert.Equal("Address plan: dual-stack, IPv4 preferred", lines[0]);
        Assert.Equal($"Family order IPv4,IPv6 from extraCNIEnv.IPv6_SUPPORT, {MicroK8s}:9", lines[1]);
        Assert.Contains("Nodes admitted      512 at 110 pods each                          2^57 at 110 pods each", lines);
        Assert.Contains("Service range       10.153.183.0/24 (256 addresses)               fd99::/108 (1,048,576 addresses)", lines);
        Assert.Contains("kubernetes Service  10.153.183.1 (network + 1)                    —", lines);
        Assert.Equal("  none", lines[^1]);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Readme_shows_the_real_text_and_markdown_output()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).ReplaceLineEndings("\n");

        var text = Dslint.Run(RepositoryPaths.Root, "plan", MicroK8s).Stdout.ReplaceLineEndings("\n");
        Assert.Contains("```text\n$ dslint plan " + MicroK8s + "\n" + text + "```", readme);

        var markdown = Dslint.Run(RepositoryPaths.Root, "plan", Kubeadm, "--format", "markdown", "--nodes", "5000").Stdout.ReplaceLineEndings("\n");
        Assert.Contains(markdown, readme);
    }

    [Fact]
    public void Json_follows_the_committed_schema_and_carries_exact_numbers()
    {
        var result = Dslint.Run(RepositoryPaths.Root, "plan", Kubeadm, "--format", "json", "--nodes", "5000", "--pods-per-node", "100");

        Assert.True(result.ExitCode == 1, result.ToString()); // 5,000 nodes do not fit the IPv4 /12 cut at /24
        AssertValid(result.Stdout);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("IPv4", root.GetProperty("primaryFamily").GetString());
        var v4 = root.GetProperty("plans")[0];
        Assert.Equal("4096", v4.GetProperty("pods").GetProperty("nodes").GetString());
        Assert.Equal("1048576", v4.GetProperty("pods").GetProperty("ranges")[0].GetProperty("size").GetString());
        var v6 = root.GetProperty("plans")[1].GetProperty("pods").GetProperty("allocation");
        Assert.Equal((80, "65536", "281474976710656"), (v6.GetProperty("mask").GetInt32(), v6.GetProperty("nodeRanges").GetString(), v6.GetProperty("addressesPerRange").GetString()));
        var overlap = root.GetProperty("overlaps")[0];
        Assert.Equal(("172.16.0.0/12", "172.17.0.0/16", "DS3004"), (overlap.GetProperty("first").GetProperty("cidr").GetString(), overlap.GetProperty("second").GetProperty("cidr").GetString(), overlap.GetProperty("ruleId").GetString()));
        Assert.False(root.GetProperty("fit").GetProperty("fits").GetBoolean());
        Assert.Equal("nodeRanges", root.GetProperty("fit").GetProperty("families")[0].GetProperty("bindingLimit").GetString());
    }

    [Fact]
    public void Schema_rejects_a_count_written_as_a_number()
    {
        var result = Dslint.Run(RepositoryPaths.Root, "plan", MicroK8s, "--format", "json");
        AssertValid(result.Stdout);

        var node = JsonNode.Parse(result.Stdout)!;
        node["plans"]![0]!["pods"]!["nodes"] = 512;
        Assert.False(Schema.Value.Evaluate(node).IsValid);
    }

    [Fact]
    public void Json_of_broken_input_lists_the_DS0001_finding()
    {
        using var folder = new TempFolder();
        folder.Write("cluster.yaml", "version: 0.1.0\nextraCNIEnv:\n  IPv6_SUPPORT: true\n  IPv6_CLUSTER_CIDR: fd02::/64\n  IPv6_SERVICE_CIDR: fd99::/108\n---\nbroken: [\n");

        var result = Dslint.Run(folder.Path, "plan", "cluster.yaml", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        AssertValid(result.Stdout);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("DS0001", json.RootElement.GetProperty("findings")[0].GetProperty("ruleId").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("plans").GetArrayLength());
    }

    [Fact]
    public void Text_of_broken_input_prints_the_finding_as_lint_does_and_exits_1()
    {
        using var folder = new TempFolder();
        folder.Write("cluster.yaml", "cluster-cidr: 10.42.0.0/16\n---\nbroken: [\n");

        var result = Dslint.Run(folder.Path, "plan", "cluster.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("cluster.yaml:4:1: error DS0001: YAML syntax error", Assert.Single(result.StderrLines));
        Assert.Equal("Address plan: single-stack IPv4", result.StdoutLines[0]);
    }

    [Fact]
    public void No_cluster_configuration_is_one_line_and_exit_2()
    {
        using var folder = new TempFolder();
        folder.Write("service.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n");

        var result = Dslint.Run(folder.Path, "plan", "service.yaml");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(
            "dslint: error: no cluster configuration among the inputs (1 file read); plan needs a MicroK8s launch configuration, kubeadm, kind, KubeProxyConfiguration, k3s/RKE2, Calico or Cilium file",
            Assert.Single(result.StderrLines));
    }

    [Theory]
    [InlineData("--nodes", "0", "dslint: error: --nodes: 0 is not a positive number")]
    [InlineData("--pods-per-node", "-3", "dslint: error: --pods-per-node: -3 is not a positive number")]
    [InlineData("--format", "html", "dslint: error: Argument 'html' not recognized. Must be one of: 'text', 'json', 'markdown', 'svg'")]
    public void Usage_problems_exit_2(string option, string value, string message)
    {
        var result = Dslint.Run(RepositoryPaths.Root, "plan", MicroK8s, option, value);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal(message, result.StderrLines[0]);
    }

    [Fact]
    public void Standard_input_and_output_file()
    {
        using var folder = new TempFolder();
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, MicroK8s));

        var result = Dslint.RunWithInput(folder.Path, yaml, null, "plan", "-", "--format", "markdown", "--output", "plan.md");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.StartsWith("### Address plan: dual-stack, IPv4 preferred\n", folder.Read("plan.md").ReplaceLineEndings("\n"));
        Assert.Contains("| Nodes admitted | 512 at 110 pods each | 2^57 at 110 pods each |", folder.Read("plan.md"));
    }

    [Fact]
    public void Colour_only_on_a_terminal_and_never_with_no_color()
    {
        var (terminal, plain) = (new StringWriter(), new StringWriter());
        var console = new ConsoleStreams(terminal, TextWriter.Null, () => Stream.Null, RepositoryPaths.Root, IsTerminal: true);

        Assert.Equal(0, DslintCommand.Run(["plan", Kubeadm], console));
        Assert.Equal(0, DslintCommand.Run(["plan", Kubeadm, "--no-color"], console with { Out = plain }));

        Assert.Contains("\u001b[1;31m", terminal.ToString()); // the DS3004 overlap in red
        Assert.DoesNotContain('\u001b', plain.ToString());
    }

    [Fact]
    public void Color_option_as_in_lint_always_never_and_auto()
    {
        var (always, never, auto) = (new StringWriter(), new StringWriter(), new StringWriter());
        var pipe = new ConsoleStreams(always, TextWriter.Null, () => Stream.Null, RepositoryPaths.Root, IsTerminal: false);

        Assert.Equal(0, DslintCommand.Run(["plan", Kubeadm, "--color", "always"], pipe));
        Assert.Equal(0, DslintCommand.Run(["plan", Kubeadm, "--color", "never"], pipe with { Out = never, IsTerminal = true }));
        Assert.Equal(0, DslintCommand.Run(["plan", Kubeadm, "--color", "auto"], pipe with { Out = auto }));

        Assert.Contains("\u001b[1;31m", always.ToString());
        Assert.DoesNotContain('\u001b', never.ToString());
        Assert.DoesNotContain('\u001b', auto.ToString());
    }

    [Fact]
    public void Svg_is_well_formed_and_the_committed_example_is_current()
    {
        var result = Dslint.Run(RepositoryPaths.Root, "plan", Kubeadm, "--format", "svg");

        Assert.True(result.ExitCode == 0, result.ToString());
        var svg = XDocument.Parse(result.Stdout);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains(svg.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value.Contains("DS3004", StringComparison.Ordinal));
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "plan-example.svg")).ReplaceLineEndings("\n"),
            result.Stdout.ReplaceLineEndings("\n"));
    }

    [RsvgFact]
    public void Svg_renders_to_a_png_of_the_stated_size()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, Dslint.Run(RepositoryPaths.Root, "plan", MicroK8s, Kubeadm, "--format", "svg", "--output", Path.Combine(folder.Path, "plan.svg")).ExitCode);
        var root = XDocument.Load(Path.Combine(folder.Path, "plan.svg")).Root!;
        var (width, height) = ((int)root.Attribute("width")!, (int)root.Attribute("height")!);

        var png = Path.Combine(folder.Path, "plan.png");
        var render = Dslint.RunProcess(RsvgConvert.Path!, [Path.Combine(folder.Path, "plan.svg"), "-o", png], folder.Path);

        Assert.True(render.ExitCode == 0, render.ToString());
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 1000, $"PNG of {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4));

        // IHDR: width and height as big-endian 32-bit integers at offsets 16 and 20.
        Assert.Equal((width, height), (BigEndian(bytes, 16), BigEndian(bytes, 20)));
        Assert.Equal(PlanSvgWidth, width);
    }

    private const int PlanSvgWidth = 1000;

    private static int BigEndian(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];

    private static void AssertValid(string json)
    {
        var results = Schema.Value.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"));
        Assert.True(results.IsValid, "plan JSON does not follow docs/plan.schema.json:\n" + string.Join("\n", errors) + "\n" + json);
    }
}
