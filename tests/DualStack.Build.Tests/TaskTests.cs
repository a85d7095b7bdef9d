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
    public void Editorconfig_max_file_size_applies_to_manifests_by_path()
    {
        var big = "a: 1\n# " + new string('x', 2048) + "\n";
        var limited = Write("k8s/small/big.yaml", big);
        var other = Write("k8s/big.yaml", big);
        Write(".editorconfig", "root = true\n[k8s/small/*.yaml]\ndualstack_lint.max_file_size = 1KB\n");

        var limitedRun = Run(limited, Path.Combine(_dir, "obj", "limited"));
        var otherRun = Run(other, Path.Combine(_dir, "obj", "other"));

        var warning = Assert.Single(limitedRun.Warnings);
        Assert.Equal(("DS0002", limited), (warning.Code, warning.File));
        Assert.Empty(otherRun.Warnings);
        Assert.Contains("over the 1024 bytes size limit; it was not read; raise the limit with --max-file-size or dualstack_lint.max_file_size", warning.Message, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("IpFamilies", "IPv5", "DualStack.Lint configuration: DualStackLintIpFamilies: \"IPv5\" is not an IP family; use IPv4 or IPv6")]
    [InlineData("KubernetesVersion", "1.99", "DualStack.Lint configuration: DualStackLintKubernetesVersion: 1.99 is newer than the newest known version 1.36; use 1.36 until dslint knows 1.99")]
    [InlineData("KubernetesVersion", "1.12", "DualStack.Lint configuration: DualStackLintKubernetesVersion: 1.12 is older than the oldest supported version 1.20")]
    public void A_bad_property_is_a_build_error_with_the_message_dslint_gives_for_its_option(string property, string value, string message)
    {
        var manifest = Write("k8s/ok.yaml", "a: 1\n");
        var engine = new FakeBuildEngine();
        var lint = new LintKubernetesManifests
        {
            BuildEngine = engine,
            Manifests = [new TaskItem(manifest)],
            ProjectDirectory = _dir,
            CacheFile = Path.Combine(_dir, "obj", "findings"),
        };
        typeof(LintKubernetesManifests).GetProperty(property)!.SetValue(lint, value);

        Assert.False(lint.Execute());
        Assert.Equal(message, Assert.Single(engine.Errors).Message);
    }

    [Fact]
    public void Editorconfig_mistakes_are_warnings_at_their_file_and_line_and_the_build_goes_on()
    {
        var editorconfig = Write(".editorconfig", "root = true\n[*.yaml]\ndualstack_lint.ip_family = IPv4\ndualstack_lint.kubernetes_version = 1.99\n");
        var manifest = Write("k8s/ok.yaml", "a: 1\n");
        var engine = Run(manifest);

        Assert.Empty(engine.Errors);
        Assert.Equal(
            [
                (editorconfig, 3, "DualStack.Lint configuration: unknown key \"dualstack_lint.ip_family\" (did you mean dualstack_lint.ip_families?); dslint reads dualstack_lint.exclude, dualstack_lint.ip_families, dualstack_lint.kubernetes_version and dualstack_lint.max_file_size"),
                (editorconfig, 4, "DualStack.Lint configuration: dualstack_lint.kubernetes_version: 1.99 is newer than the newest known version 1.36; use 1.36 until dslint knows 1.99"),
            ],
            engine.Warnings.Select(w => (w.File, w.LineNumber, w.Message)));
    }

    [Fact]
    public void Manifests_excluded_in_editorconfig_are_not_read()
    {
        Write(".editorconfig", "root = true\n[vendor/**]\ndualstack_lint.exclude = true\n");
        var vendored = Write("vendor/bad.yaml", "b: [1\n");
        var own = Write("k8s/bad.yaml", "b: [1\n");
        var engine = new FakeBuildEngine();
        var cache = Path.Combine(_dir, "obj", "findings");
        var lint = new LintKubernetesManifests
        {
            BuildEngine = engine,
            Manifests = [new TaskItem(vendored), new TaskItem(own)],
            ProjectDirectory = _dir,
            CacheFile = cache,
        };

        Assert.True(lint.Execute());
        new ReportManifestFindings { BuildEngine = engine, CacheFile = cache }.Execute();

        Assert.Equal([own], engine.Errors.Select(e => e.File));
    }

    [Fact]
    public void A_kustomize_patch_is_a_partial_object_in_the_build_as_in_dslint_lint()
    {
        // The overlay only turns the base's Service into a LoadBalancer; the base sets ipFamilyPolicy, so the patch
        // must not get DS2005 ("ipFamilyPolicy omitted") as if it were a whole Service.
        var files = KustomizeFixture.Files().Select(f => Write(f.Path, f.Text)).ToArray();
        var cache = Path.Combine(_dir, "obj", "findings");
        var engine = new FakeBuildEngine();
        var lint = new LintKubernetesManifests
        {
            BuildEngine = engine,
            Manifests = files.Select(f => new TaskItem(f)).ToArray(),
            ProjectDirectory = _dir,
            CacheFile = cache,
        };
        Assert.True(lint.Execute());
        new ReportManifestFindings { BuildEngine = engine, CacheFile = cache }.Execute();

        Assert.DoesNotContain(engine.Warnings, w => w.Code == "DS2005");
        Assert.DoesNotContain(engine.Errors, e => e.Code == "DS2005");
    }

    [Fact]
    public void A_Service_without_a_policy_and_without_a_kustomization_still_gets_DS2005_in_the_build()
    {
        var manifest = Write("k8s/lb.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n");
        var engine = Run(manifest);
        Assert.Contains(engine.Warnings, w => w.Code == "DS2005" && w.File == manifest);
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
