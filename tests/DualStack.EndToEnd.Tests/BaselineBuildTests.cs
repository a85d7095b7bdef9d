namespace DualStack.EndToEnd.Tests;

/// <summary>
/// <c>DualStackLintBaseline</c> in a real <c>dotnet build</c>: the file <c>dslint lint --write-baseline</c> writes (its
/// format is pinned by the CLI tests) hides the findings it accepts, setting or editing it re-lints an up-to-date
/// project, and a missing baseline fails every build until it is fixed.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class BaselineBuildTests
{
    private readonly PackageFixture _package;

    public BaselineBuildTests(PackageFixture package) => _package = package;

    [Fact]
    public void The_baseline_hides_accepted_manifest_findings_and_a_change_to_it_relints()
    {
        // A repository: the baseline at its root names files relative to the root, as dslint writes them.
        var project = _package.CopySample("WebApp");
        var root = Path.GetDirectoryName(project)!;
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        var baseline = Path.Combine(root, "dslint-baseline.json");
        File.WriteAllText(baseline, Baseline(
            """{ "ruleId": "DS2022", "file": "WebApp/k8s/networkpolicy.yaml", "object": "NetworkPolicy/shop/web-ingress", "field": "spec.ingress[0].from[0].ipBlock.cidr", "count": 1 }""",
            """{ "ruleId": "DS2005", "file": "WebApp/k8s/service.yaml", "object": "Service/shop/web", "field": "spec.ipFamilyPolicy", "count": 1 }"""));

        var without = _package.Build(project);
        Assert.True(without.ExitCode == 0, without.ToString());
        Assert.Equal(ManifestWarnings, ManifestDiagnostics(without, project));

        // Up to date, but the property is new: the manifests are linted again, with the baseline.
        var with = _package.Build(project, "-p:DualStackLintBaseline=../dslint-baseline.json", "-v:n");
        Assert.True(with.ExitCode == 0, with.ToString());
        Assert.Equal(["k8s/deployment.yaml(20,22): warning DS2030", "k8s/microk8s-launch.yaml(11,1): warning DS3009"], ManifestDiagnostics(with, project));
        Assert.Contains("DualStack.Lint: 2 manifest findings accepted by the baseline ../dslint-baseline.json not reported", with.Output, StringComparison.Ordinal);

        // An edited baseline re-lints too: the entry taken out is reported again.
        File.WriteAllText(baseline, Baseline(
            """{ "ruleId": "DS2005", "file": "WebApp/k8s/service.yaml", "object": "Service/shop/web", "field": "spec.ipFamilyPolicy", "count": 1 }"""));
        var edited = _package.Build(project, "-p:DualStackLintBaseline=../dslint-baseline.json");
        Assert.True(edited.ExitCode == 0, edited.ToString());
        Assert.Equal(
            ["k8s/deployment.yaml(20,22): warning DS2030", "k8s/microk8s-launch.yaml(11,1): warning DS3009", "k8s/networkpolicy.yaml(13,19): warning DS2022"],
            ManifestDiagnostics(edited, project));
    }

    [Fact]
    public void A_missing_baseline_fails_the_build_every_time()
    {
        var project = _package.CopySample("WebApp");

        var first = _package.Build(project, "-p:DualStackLintBaseline=missing.json");
        var second = _package.Build(project, "-p:DualStackLintBaseline=missing.json");

        foreach (var result in new[] { first, second })
        {
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("error : DualStack.Lint configuration: DualStackLintBaseline: the baseline file 'missing.json' does not exist; create it with 'dslint lint --write-baseline FILE' or clear the property", result.Output, StringComparison.Ordinal);
            Assert.Empty(ManifestDiagnostics(result, project));
        }
    }

    private static string[] ManifestWarnings => ExpectedWarnings.WebApp.Where(d => d.StartsWith("k8s/", StringComparison.Ordinal)).ToArray();

    private static string Baseline(params string[] entries) =>
        "{\n  \"tool\": \"dslint\",\n  \"baselineVersion\": 1,\n  \"findings\": [\n    " + string.Join(",\n    ", entries) + "\n  ]\n}\n";

    // -v:n prefixes lines with the node number ("1>"); the diagnostics are the same.
    private static IReadOnlyList<string> ManifestDiagnostics(DotNet.Result result, string project) =>
        BuildDiagnostic.Parse(System.Text.RegularExpressions.Regex.Replace(result.Output, @"(?m)^\s*\d+>", string.Empty), project).Where(d => d.File.EndsWith(".yaml", StringComparison.Ordinal)).Select(d => d.ToString()).ToList();
}
