using Microsoft.Build.Utilities;

namespace DualStack.Build.Tests;

/// <summary>
/// <c>DualStackLintBaseline</c> in the task, with a fake build engine: accepted findings are not logged, new ones are,
/// and a missing baseline is an error that leaves no cache behind (so the next build fails again instead of replaying
/// an empty list). The real <c>dotnet build</c> is in DualStack.EndToEnd.Tests.
/// </summary>
public sealed class BaselineTaskTests : IDisposable
{
    private const string ServiceWithoutPolicy = "apiVersion: v1\nkind: Service\nmetadata:\n  name: {0}\nspec:\n  ports:\n  - port: 80\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("dslint-task-baseline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Baselined_findings_are_not_logged_and_new_ones_are()
    {
        var old = Write("k8s/old.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, ServiceWithoutPolicy, "old"));
        var fresh = Write("k8s/new.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, ServiceWithoutPolicy, "new"));
        Write("baseline.json", """
            {
              "tool": "dslint",
              "baselineVersion": 1,
              "findings": [
                { "ruleId": "DS2005", "file": "k8s/old.yaml", "object": "Service/old", "field": "spec.ipFamilyPolicy", "count": 1 },
                { "ruleId": "DS2005", "file": "k8s/gone.yaml", "object": "Service/gone", "field": "spec.ipFamilyPolicy", "count": 1 }
              ]
            }
            """);

        var (engine, succeeded) = Lint([old, fresh], "baseline.json");

        Assert.True(succeeded);
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("DS2005", fresh), (warning.Code, warning.File));
        Assert.Contains(engine.Messages, m => m.Message == "DualStack.Lint: 1 manifest finding accepted by the baseline baseline.json not reported; 1 baselined finding no longer occurs (rewrite the baseline with 'dslint lint --write-baseline baseline.json')");
    }

    [Fact]
    public void A_missing_baseline_is_an_error_and_leaves_no_cache()
    {
        var manifest = Write("k8s/old.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, ServiceWithoutPolicy, "old"));
        Write("obj/findings", "# dualstack-lint findings v1\n");

        var (engine, succeeded) = Lint([manifest], "missing.json");

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("DualStack.Lint configuration: DualStackLintBaseline: the baseline file 'missing.json' does not exist; create it with 'dslint lint --write-baseline FILE' or clear the property", error.Message);
        Assert.Equal(Path.Combine(_dir, "missing.json"), error.File);
        Assert.Empty(engine.Warnings);
        Assert.False(File.Exists(Path.Combine(_dir, "obj", "findings")));
    }

    [Fact]
    public void A_corrupt_baseline_is_an_error_naming_the_problem()
    {
        var manifest = Write("k8s/old.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, ServiceWithoutPolicy, "old"));
        Write("baseline.json", "{ \"tool\": \"dslint\", \"baselineVersion\": 1, \"findings\": [ {\"ruleId\": 1}");

        var (engine, succeeded) = Lint([manifest], "baseline.json");

        Assert.False(succeeded);
        Assert.StartsWith("DualStack.Lint configuration: DualStackLintBaseline: the baseline 'baseline.json' is not a valid dslint baseline: line ", Assert.Single(engine.Errors).Message, StringComparison.Ordinal);
    }

    private (FakeBuildEngine Engine, bool Succeeded) Lint(string[] manifests, string baseline)
    {
        var engine = new FakeBuildEngine();
        var cache = Path.Combine(_dir, "obj", "findings");
        var lint = new LintKubernetesManifests
        {
            BuildEngine = engine,
            Manifests = manifests.Select(m => new TaskItem(m)).ToArray(),
            ProjectDirectory = _dir,
            CacheFile = cache,
            Baseline = baseline,
        };
        var succeeded = lint.Execute();
        if (succeeded)
        {
            new ReportManifestFindings { BuildEngine = engine, CacheFile = cache }.Execute();
        }

        return (engine, succeeded);
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
