namespace DualStack.EndToEnd.Tests;

/// <summary>
/// Issue 14 in `dotnet build`: manifest findings whether or not the C# compiles, a manifest root outside the project,
/// a hint when manifests sit above a project that has none, and help links on manifest findings.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ManifestBuildUxTests
{
    private static readonly string[] ManifestWarnings = ExpectedWarnings.WebApp.Where(d => d.StartsWith("k8s/", StringComparison.Ordinal)).ToArray();

    private readonly PackageFixture _package;

    public ManifestBuildUxTests(PackageFixture package) => _package = package;

    [Fact]
    public void Manifest_findings_appear_when_the_csharp_does_not_compile()
    {
        var project = _package.CopySample("WebApp");
        File.WriteAllText(Path.Combine(project, "Broken.cs"), "class Broken { void M() { int x = } }\n");

        var result = _package.Build(project);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error CS1525", result.Output, StringComparison.Ordinal);
        Assert.Equal(ManifestWarnings, ManifestDiagnostics(result, project));
    }

    [Fact]
    public void Manifest_findings_appear_when_TreatWarningsAsErrors_fails_the_compilation()
    {
        var project = _package.CopySample("WebApp");

        var result = _package.Build(project, "-p:TreatWarningsAsErrors=true");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(BuildDiagnostic.Parse(result.Output, project), d => d.Id == "DS1010" && d.Severity == "error");
        Assert.Equal(
            ManifestWarnings.Select(w => w[..w.IndexOf(": ", StringComparison.Ordinal)]),
            ManifestDiagnostics(result, project).Select(w => w[..w.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Manifest_findings_carry_the_rule_help_link_as_the_compiler_ones_do()
    {
        var project = _package.CopySample("WebApp");

        var result = _package.Build(project);

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = result.Output.Split('\n').First(l => l.Contains("warning DS2005:", StringComparison.Ordinal));
        Assert.Contains("[Service/shop/web spec.ipFamilyPolicy] (https://github.com/dualstack-lint/dualstack-lint/blob/main/rules/DS2005.md)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifests_at_the_repository_root_get_a_hint_and_the_manifest_root_property_lints_them()
    {
        // A repository with the project in src/Api/ and the manifests in k8s/ at the root.
        var sample = _package.CopySample("WebApp");
        var root = Path.GetDirectoryName(sample)!;
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        Directory.Move(Path.Combine(sample, "k8s"), Path.Combine(root, "k8s"));
        Directory.CreateDirectory(Path.Combine(root, "src"));
        var project = Path.Combine(root, "src", "Api");
        Directory.Move(sample, project);

        var unconfigured = _package.Build(project, "-v:n");
        Assert.True(unconfigured.ExitCode == 0, unconfigured.ToString());
        Assert.Empty(ManifestDiagnostics(unconfigured, root));
        Assert.Single(unconfigured.Output.Split('\n'), l => l.Contains(
            $"DualStack.Lint: this project has no Kubernetes manifests, but {Path.Combine(root, "k8s")} above it has some; set DualStackLintManifestRoot (e.g. to ../../) or add KubernetesManifest items to lint them.",
            StringComparison.Ordinal));

        // At the default verbosity the hint stays out of the way.
        var quiet = _package.Build(project);
        Assert.DoesNotContain("DualStack.Lint: this project has no Kubernetes manifests", quiet.Output, StringComparison.Ordinal);

        var configured = _package.Build(project, "-p:DualStackLintManifestRoot=../../");
        Assert.True(configured.ExitCode == 0, configured.ToString());
        Assert.Equal(ManifestWarnings, ManifestDiagnostics(configured, root));
        Assert.DoesNotContain("this project has no Kubernetes manifests", configured.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void No_hint_outside_a_repository()
    {
        // Manifests above the project, but no .git: the search never leaves a repository.
        var project = _package.CopySample("CleanApp");
        Directory.Move(Path.Combine(project, "k8s"), Path.Combine(Path.GetDirectoryName(project)!, "k8s"));

        var result = _package.Build(project, "-v:n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("this project has no Kubernetes manifests", result.Output, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> ManifestDiagnostics(DotNet.Result result, string root) =>
        BuildDiagnostic.Parse(result.Output, root).Where(d => d.File.EndsWith(".yaml", StringComparison.Ordinal)).Select(d => d.ToString()).ToList();
}
