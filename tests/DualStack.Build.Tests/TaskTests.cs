using Microsoft.Build.Utilities;

namespace DualStack.Build.Tests;

/// <summary>The task classes with a fake build engine: what reaches the log, and the cache between builds.</summary>
public sealed class TaskTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dslint-task-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Findings_are_logged_with_code_position_and_help_link()
    {
        var manifest = Write("k8s/bad.yaml", "a: 1\n---\nb: [1\n");
        var engine = Run(manifest);

        // DS0001 is an error by default: kubectl apply rejects the file too.
        var error = Assert.Single(engine.Errors);
        Assert.Equal("DS0001", error.Code);
        Assert.Equal(manifest, error.File);
        Assert.Equal(4, error.LineNumber);
        Assert.True(error.ColumnNumber >= 1);
        Assert.EndsWith("/rules/DS0001.md", error.HelpLink, StringComparison.Ordinal);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Editorconfig_severity_applies_to_manifests_and_an_error_fails_the_task()
    {
        var manifest = Write("k8s/bad.yaml", "b: [1\n");
        Write(".editorconfig", "root = true\n[*.yaml]\ndotnet_diagnostic.DS0001.severity = error\n");
        var engine = new FakeBuildEngine();
        var cache = Path.Combine(_dir, "obj", "findings");
        var lint = new LintKubernetesManifests
        {
            BuildEngine = engine,
            Manifests = [new TaskItem(manifest)],
            ProjectDirectory = _dir,
            CacheFile = cache,
        };
        Assert.True(lint.Execute());
        var report = new ReportManifestFindings { BuildEngine = engine, CacheFile = cache };

        Assert.False(report.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("DS0001", error.Code);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Severity_none_in_editorconfig_drops_the_finding()
    {
        var manifest = Write("k8s/bad.yaml", "b: [1\n");
        Write(".editorconfig", "root = true\n[*.yaml]\ndotnet_diagnostic.DS0001.severity = none\n");
        var engine = Run(manifest);
        Assert.Empty(engine.Warnings);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void The_cache_replays_the_same_findings_without_relinting()
    {
        Write(".editorconfig", "root = true\n[*.yaml]\ndotnet_diagnostic.DS0001.severity = warning\n");
        var manifest = Write("k8s/bad.yaml", "b: [1\n");
        var cache = Path.Combine(_dir, "obj", "findings");
        var first = Run(manifest, cache);

        // The manifest is gone but the report step reads only the cache, as on an up-to-date build.
        File.Delete(manifest);
        var engine = new FakeBuildEngine();
        Assert.True(new ReportManifestFindings { BuildEngine = engine, CacheFile = cache }.Execute());

        Assert.Equal(first.Warnings.Select(w => (w.Code, w.File, w.LineNumber, w.ColumnNumber, w.Message)),
            engine.Warnings.Select(w => (w.Code, w.File, w.LineNumber, w.ColumnNumber, w.Message)));
    }

    [Fact]
    public void A_bad_ip_families_property_is_a_warning_not_a_crash()
    {
        var manifest = Write("k8s/ok.yaml", "a: 1\n");
        var engine = new FakeBuildEngine();
        var lint = new LintKubernetesManifests
        {
            BuildEngine = engine,
            Manifests = [new TaskItem(manifest)],
            ProjectDirectory = _dir,
            CacheFile = Path.Combine(_dir, "obj", "findings"),
            IpFamilies = "IPv5",
        };
        Assert.True(lint.Execute());
        Assert.Contains(engine.Warnings, w => w.Message!.Contains("\"IPv5\" is not an IP family", StringComparison.Ordinal));
    }

    private FakeBuildEngine Run(string manifest, string? cache = null)
    {
        cache ??= Path.Combine(_dir, "obj", "findings");
        var engine = new FakeBuildEngine();
        var lint = new LintKubernetesManifests
        {
            BuildEngine = engine,
            Manifests = [new TaskItem(manifest)],
            ProjectDirectory = _dir,
            CacheFile = cache,
        };
        Assert.True(lint.Execute());
        new ReportManifestFindings { BuildEngine = engine, CacheFile = cache }.Execute();
        return engine;
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
