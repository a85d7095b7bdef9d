namespace DualStack.EndToEnd.Tests;

/// <summary>
/// Real `dotnet build` of the samples against the freshly packed package: analyzer and manifest warnings at exact
/// positions, incremental builds, NoWarn, WarningsAsErrors, editorconfig severities, the switch-off property and
/// malformed YAML (a DS0001 error).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SampleBuildTests
{
    // The warnings samples/WebApp must produce, exactly (file, line, column, id). samples/README.md shows the same list.
    private static readonly string[] ExpectedWebAppWarnings = ExpectedWarnings.WebApp;

    private readonly PackageFixture _package;

    public SampleBuildTests(PackageFixture package) => _package = package;

    [Fact]
    public void Sample_build_reports_the_analyzer_and_manifest_warnings_and_again_when_nothing_changed()
    {
        var project = _package.CopySample("WebApp");
        var first = _package.Build(project);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(ExpectedWebAppWarnings, Diagnostics(first, project));

        // Nothing changed: the compiler skips CoreCompile (and so reports nothing, as for any compiler warning),
        // and the lint target is skipped too, but its findings are replayed from obj/.
        var cache = Path.Combine(project, "obj", "Debug", "net10.0", "dualstack-lint.findings");
        var linted = File.GetLastWriteTimeUtc(cache);
        var second = _package.Build(project);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(ExpectedWebAppWarnings.Where(d => d.StartsWith("k8s/", StringComparison.Ordinal)), Diagnostics(second, project));
        Assert.Equal(linted, File.GetLastWriteTimeUtc(cache));

        // A changed manifest is linted again.
        File.AppendAllText(Path.Combine(project, "k8s", "service.yaml"), "# touched\n");
        var third = _package.Build(project);
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.NotEqual(linted, File.GetLastWriteTimeUtc(cache));
    }

    [Fact]
    public void NoWarn_removes_a_manifest_warning()
    {
        var project = _package.CopySample("WebApp");
        var result = _package.Build(project, "-p:NoWarn=DS2005");
        Assert.True(result.ExitCode == 0, result.ToString());
        var ids = Diagnostics(result, project);
        Assert.DoesNotContain(ids, d => d.EndsWith(" DS2005", StringComparison.Ordinal));
        Assert.Equal(ExpectedWebAppWarnings.Where(d => !d.EndsWith(" DS2005", StringComparison.Ordinal)), ids);
    }

    [Fact]
    public void WarningsAsErrors_turns_a_manifest_warning_into_an_error_and_fails_the_build()
    {
        var project = _package.CopySample("WebApp");
        var result = _package.Build(project, "-p:WarningsAsErrors=DS2005");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(BuildDiagnostic.Parse(result.Output, project), d => d.Id == "DS2005" && d.Severity == "error");
    }

    [Fact]
    public void Editorconfig_severity_applies_to_manifests()
    {
        var project = _package.CopySample("WebApp");
        File.AppendAllText(Path.Combine(project, "..", ".editorconfig"), "\n[*.yaml]\ndotnet_diagnostic.DS2005.severity = none\ndotnet_diagnostic.DS2022.severity = error\n");
        var result = _package.Build(project);
        Assert.NotEqual(0, result.ExitCode);
        var diagnostics = BuildDiagnostic.Parse(result.Output, project);
        Assert.DoesNotContain(diagnostics, d => d.Id == "DS2005");
        Assert.Contains(diagnostics, d => d.Id == "DS2022" && d.Severity == "error");
    }

    [Fact]
    public void Clean_sample_builds_with_no_warnings()
    {
        var project = _package.CopySample("CleanApp");
        var result = _package.Build(project);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(Diagnostics(result, project));
        Assert.Contains("0 Warning(s)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_task_can_be_turned_off()
    {
        var project = _package.CopySample("WebApp");
        var result = _package.Build(project, "-p:DualStackLintEnabled=false");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ExpectedWebAppWarnings.Where(d => d.StartsWith("Program.cs", StringComparison.Ordinal)), Diagnostics(result, project));
    }

    [Fact]
    public void Malformed_yaml_is_a_DS0001_error_as_kubectl_apply_would_reject_it_and_no_crash()
    {
        var project = _package.CopySample("WebApp");
        File.WriteAllText(Path.Combine(project, "k8s", "broken.yaml"), "apiVersion: v1\nkind: Service\nspec: [1, 2\n");
        var result = _package.Build(project);
        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains(BuildDiagnostic.Parse(result.Output, project), d => d.File == "k8s/broken.yaml" && d.Id == "DS0001" && d.Severity == "error");
        Assert.DoesNotContain("Exception", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifests_are_up_to_date_check_inputs_and_design_time_builds_skip_the_lint()
    {
        var project = _package.CopySample("WebApp");
        var restore = DotNet.Run(project, _package.Environment(), "restore", "-p:DualStackLintVersion=" + _package.Version);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        var items = DotNet.Run(project, _package.Environment(), "msbuild", "-getItem:UpToDateCheckInput", "-getItem:KubernetesManifest", "-p:DualStackLintVersion=" + _package.Version);
        Assert.True(items.ExitCode == 0, items.ToString());
        foreach (var manifest in new[] { "deployment.yaml", "microk8s-launch.yaml", "networkpolicy.yaml", "service.yaml" })
        {
            Assert.Contains(Path.Combine(project, "k8s", manifest), items.Output, StringComparison.Ordinal);
        }

        var designTime = _package.Build(project, "-p:DesignTimeBuild=true");
        Assert.DoesNotContain(BuildDiagnostic.Parse(designTime.Output, project), d => d.File.StartsWith("k8s/", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Diagnostics(DotNet.Result result, string project) =>
        BuildDiagnostic.Parse(result.Output, project).Select(d => d.ToString()).ToList();
}
