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
    public void Editorconfig_mistakes_are_reported_with_file_and_line_and_the_run_goes_on()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n[*.yaml]\ndualstack_lint.ip_families = IPv5\ndualstack_lint.kubernetes_version = 1.99\n");
        folder.Write("app/.editorconfig", "[*.yaml]\ndualstack_lint.ip_family = IPv4\ndotnet_diagnostic.DS2005.severity = info\ndotnet_diagnostic.DS9999.severity = error\n");
        folder.Write("app/a.yaml", Samples.Clean);

        var result = Dslint.Run(folder.Path, "lint");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "dslint: warning: .editorconfig:3: dualstack_lint.ip_families: \"IPv5\" is not an IP family; use IPv4 or IPv6",
                "dslint: warning: .editorconfig:4: dualstack_lint.kubernetes_version: 1.99 is newer than the newest known version 1.36; use 1.36 until dslint knows 1.99",
                "dslint: warning: app/.editorconfig:2: unknown key \"dualstack_lint.ip_family\" (did you mean dualstack_lint.ip_families?); dslint reads dualstack_lint.exclude, dualstack_lint.ip_families, dualstack_lint.kubernetes_version and dualstack_lint.max_file_size",
                "dslint: warning: app/.editorconfig:3: dotnet_diagnostic.DS2005.severity: \"info\" is not a severity the compiler reads; use none, silent, suggestion, warning, error or default",
                "dslint: warning: app/.editorconfig:4: dotnet_diagnostic.DS9999.severity: unknown rule \"DS9999\"; run 'dslint rules' for the list",
            ],
            result.StderrLines.Where(l => l.StartsWith("dslint: warning: ", StringComparison.Ordinal) && l.Contains("editorconfig", StringComparison.Ordinal)));
    }

    [Fact]
    public void Command_line_families_and_version_win_over_editorconfig_values()
    {
        using var folder = new TempFolder();
        folder.Write(".editorconfig", "root = true\n[*.yaml]\ndualstack_lint.ip_families = IPv4\n");
        folder.Write("a.yaml", ServiceWithoutPolicy);

        Assert.DoesNotContain(InputTests.JsonFindings(Dslint.Run(folder.Path, "lint", "--format", "json")), f => f.RuleId == "DS2005");
        Assert.Contains(InputTests.JsonFindings(Dslint.Run(folder.Path, "lint", "--format", "json", "--ip-families", "IPv6,IPv4")), f => f.RuleId == "DS2005");
    }

    [Fact]
    public void A_globalconfig_above_a_root_editorconfig_applies_as_it_does_for_the_compiler()
    {
        using var folder = new TempFolder();
        folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.DS0001.severity = none\n");
        folder.Write("app/.editorconfig", "root = true\n[*.yaml]\nindent_style = space\n");
        folder.Write("app/a.yaml", Samples.Broken);

        var result = Dslint.Run(folder.Path, "lint", "app", "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.StdoutLines);
    }

    [Fact]
    public void An_empty_folder_is_linted_without_a_crash()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "empty"));

        var result = Dslint.Run(folder.Path, "lint", "empty");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("0 files", result.Stdout, StringComparison.Ordinal);
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
