namespace DualStack.Cli.Tests;

/// <summary>.editorconfig found by each input's path (as the compiler and the MSBuild task read it); options override.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public void Editorconfig_severity_applies_by_path()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n\n[lenient/**.yaml]\ndotnet_diagnostic.DS0001.severity = warning\n");
        folder.Write("strict/a.yaml", Samples.Broken);
        folder.Write("lenient/a.yaml", Samples.Broken);

        var result = Dslint.Run(folder.Path, "lint", "--no-color");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("lenient/a.yaml:9:15: warning DS0001:", result.StdoutLines[0]);
        Assert.StartsWith("strict/a.yaml:9:15: error DS0001:", result.StdoutLines[1]);
    }

    [Fact]
    public void Nearest_editorconfig_wins_and_root_stops_the_search()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "[*.yaml]\ndotnet_diagnostic.DS0001.severity = none\n");
        folder.Write("app/.editorconfig", "root = true\n[*.yaml]\ndotnet_diagnostic.DS0001.severity = suggestion\n");
        folder.Write("app/a.yaml", Samples.Broken);
        folder.Write("other/a.yaml", Samples.Broken);

        var result = Dslint.Run(folder.Path, "lint", "--no-color", "--quiet");

        Assert.Equal([$"app/a.yaml:9:15: info DS0001: {Samples.BrokenMessage}"], result.StdoutLines);
    }

    [Fact]
    public void Command_line_severity_overrides_editorconfig()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n[*.yaml]\ndotnet_diagnostic.DS0001.severity = none\n");
        folder.Write("a.yaml", Samples.Broken);

        var result = Dslint.Run(folder.Path, "lint", "--severity", "DS0001=error", "--no-color", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("a.yaml:9:15: error DS0001:", Assert.Single(result.StdoutLines));
    }

    [Fact]
    public void Bad_editorconfig_values_are_reported_on_standard_error_and_the_run_goes_on()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n[*.yaml]\ndualstack_lint.ip_families = IPv5\ndualstack_lint.kubernetes_version = soon\n");
        folder.Write("a.yaml", Samples.Clean);

        var result = Dslint.Run(folder.Path, "lint");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dslint: warning: dualstack_lint.ip_families: \"IPv5\" is not an IP family; use IPv4 or IPv6", result.StderrLines);
        Assert.Contains("dslint: warning: dualstack_lint.kubernetes_version: \"soon\" is not a Kubernetes version such as 1.36", result.StderrLines);
    }

    [Fact]
    public void Command_line_families_and_version_win_over_editorconfig_values()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n[*.yaml]\ndualstack_lint.ip_families = IPv5\ndualstack_lint.kubernetes_version = soon\n");
        folder.Write("a.yaml", Samples.Clean);

        var result = Dslint.Run(folder.Path, "lint", "--ip-families", "IPv6,IPv4", "--kubernetes-version", "1.33");

        // The bad file values are never read because the command line decides both.
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("dslint: warning:", result.Stderr);
    }

    private const string KindIPv4Only = """
        kind: Cluster
        apiVersion: kind.x-k8s.io/v1alpha4
        networking:
          ipFamily: ipv4
        """;

    private const string ServiceWithoutPolicy = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
            - port: 80
        """;

    [Fact]
    public void Cluster_config_among_the_inputs_defines_the_families_and_text_mode_names_it()
    {
        using var folder = new TempFolder();
        folder.Write("cluster/kind.yaml", KindIPv4Only);
        folder.Write("k8s/web.yaml", ServiceWithoutPolicy);

        var text = Dslint.Run(folder.Path, "lint");
        var json = Dslint.Run(folder.Path, "lint", "--format", "json");
        var quiet = Dslint.Run(folder.Path, "lint", "--quiet");

        // An IPv4-only kind cluster: a single-stack Service is right there (no DS2005).
        Assert.DoesNotContain(InputTests.JsonFindings(json), f => f.RuleId == "DS2005");
        Assert.Contains(text.StderrLines, l => l.StartsWith("dslint: cluster model from cluster/kind.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain("cluster model", json.Stderr);
        Assert.DoesNotContain("cluster model", quiet.Stderr);
    }

    [Fact]
    public void Ip_families_option_wins_over_cluster_config_files()
    {
        using var folder = new TempFolder();
        folder.Write("cluster/kind.yaml", KindIPv4Only);
        folder.Write("k8s/web.yaml", ServiceWithoutPolicy);

        var result = Dslint.Run(folder.Path, "lint", "--format", "json", "--ip-families", "IPv4,IPv6");

        Assert.Contains(InputTests.JsonFindings(result), f => f.RuleId == "DS2005" && f.File == "k8s/web.yaml");
    }
}
