using System.Text.Json;
using System.Xml.Linq;

namespace DualStack.Cli.Tests.Plan;

/// <summary>The plan resolves configuration as lint does (.editorconfig by path, the command line over it), and the SVG stays legible.</summary>
public sealed class PlanConfigurationTests
{
    private const string K3s = "cluster-cidr: 10.42.0.0/16,fd00:42::/56\nservice-cidr: 10.43.0.0/16,fd00:43::/64\n";

    [Fact]
    public void Editorconfig_kubernetes_version_decides_the_service_size_limit_and_the_command_line_overrides_it()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n[*.yaml]\ndualstack_lint.kubernetes_version = 1.33\n");
        folder.Write("config.yaml", K3s);

        var fromEditorconfig = Limit(Dslint.Run(folder.Path, "plan", "config.yaml", "--format", "json"));
        var fromCommandLine = Limit(Dslint.Run(folder.Path, "plan", "config.yaml", "--format", "json", "--kubernetes-version", "1.36"));

        Assert.Equal(("1.33", true, true), fromEditorconfig);
        Assert.Equal(("1.36", false, false), fromCommandLine);
    }

    [Fact]
    public void Plan_and_lint_agree_on_the_too_large_service_range()
    {
        using var folder = new TempFolder();
        folder.Write("config.yaml", K3s);

        var plan = Dslint.Run(folder.Path, "plan", "config.yaml", "--kubernetes-version", "1.33");
        var lint = Dslint.Run(folder.Path, "lint", "config.yaml", "--kubernetes-version", "1.33");

        Assert.Contains(plan.StdoutLines, l => l.StartsWith("Service size limit", StringComparison.Ordinal) && l.Contains("too large: kube-apiserver up to 1.33 needs /108 or longer (≤ 2^20) [DS3002]", StringComparison.Ordinal));
        Assert.Contains(lint.StdoutLines, l => l.StartsWith("config.yaml:2:28: error DS3002:", StringComparison.Ordinal));
    }

    [Fact]
    public void Svg_text_is_at_least_11_px_and_fits_the_picture()
    {
        var svg = XDocument.Parse(Dslint.Run(RepositoryPaths.Root, "plan", "docs/examples/kubeadm-dual-stack.yaml", "--format", "svg").Stdout);
        var width = (double)svg.Root!.Attribute("width")!;
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.True((int)t.Attribute("font-size")! >= 11, t.ToString()));

        // A generous 7.5 px per character at 12 px: every label starts and (estimated) ends inside the picture.
        Assert.All(texts, t => Assert.True(
            (double)t.Attribute("x")! >= 0 && (double)t.Attribute("x")! + (t.Value.Length * 7.5 * (int)t.Attribute("font-size")! / 12) <= width + 40,
            t.ToString()));
    }

    private static (string Version, bool Enforced, bool TooLarge) Limit(DslintResult result)
    {
        using var json = JsonDocument.Parse(result.Stdout);
        var limit = json.RootElement.GetProperty("plans")[1].GetProperty("service").GetProperty("sizeLimit");
        return (json.RootElement.GetProperty("kubernetesVersion").GetString()!, limit.GetProperty("enforced").GetBoolean(), limit.GetProperty("tooLarge").GetBoolean());
    }
}
