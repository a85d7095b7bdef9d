using System.Collections.Concurrent;
using DualStack.Manifests.Checks;
using DualStack.Manifests.Cluster;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Engine;

/// <summary>
/// The one entry point of the manifest engine, shared by the MSBuild task and the CLI: files (path and text) and
/// configuration in, findings out. Files are loaded and checked in parallel; the output order is deterministic.
/// </summary>
public static class ManifestLinter
{
    public static LintResult Lint(IReadOnlyList<SourceFile> files, LintOptions options) =>
        Lint(files, new FixedConfiguration(options));

    public static LintResult Lint(IReadOnlyList<SourceFile> files, ILintConfiguration configuration)
    {
        var loaded = new LoadedFile[files.Count];
        Parallel.For(0, files.Count, i => loaded[i] = YamlLoader.Load(files[i]));

        // The cluster is one for the run: its model is built from all configuration files before any check.
        var runOptions = files.Count > 0 ? configuration.OptionsFor(files[0].Path) : LintOptions.Default;
        var cluster = ClusterModelBuilder.Build(loaded, runOptions);

        var raw = new ConcurrentBag<Finding>();
        foreach (var file in loaded)
        {
            foreach (var finding in file.Findings)
            {
                raw.Add(finding);
            }
        }

        var objectsPerFile = new List<KubeObject>[loaded.Length];
        Parallel.For(0, loaded.Length, i =>
        {
            var fileOptions = FileOptions(configuration, loaded[i].File.Path, cluster);
            var context = new CheckContext(fileOptions, cluster, raw.Add);
            var objects = new List<KubeObject>();
            foreach (var document in loaded[i].Documents)
            {
                foreach (var check in CheckRegistry.DocumentChecks)
                {
                    check.Check(document, context);
                }

                foreach (var obj in KubeObjectReader.Read(document))
                {
                    objects.Add(obj);
                    foreach (var check in CheckRegistry.ObjectChecks)
                    {
                        check.Check(obj, context);
                    }
                }
            }

            objectsPerFile[i] = objects;
        });

        var allObjects = objectsPerFile.SelectMany(o => o).ToList();
        var runContext = new RunCheckContext(FileOptions(configuration, files.Count > 0 ? files[0].Path : string.Empty, cluster), cluster, raw.Add);
        foreach (var check in CheckRegistry.RunChecks)
        {
            check.Check(allObjects, runContext);
        }

        var findings = raw
            .Select(f => ApplyConfiguredSeverity(f, configuration))
            .Where(f => f.Severity != Severity.None)
            .ToList();
        findings.Sort(FindingOrder.Instance);

        return new LintResult(
            findings,
            files.Count,
            loaded.Sum(f => f.Documents.Count),
            cluster.Sources.ToList());
    }

    // The cluster's families, when configuration files define them, replace the configured default.
    private static LintOptions FileOptions(ILintConfiguration configuration, string path, ClusterModel cluster)
    {
        var options = configuration.OptionsFor(path);
        return options.IpFamiliesFromCommandLine || !cluster.FamiliesFromConfiguration
            ? options
            : options with { IpFamilies = cluster.Families };
    }

    private static Finding ApplyConfiguredSeverity(Finding finding, ILintConfiguration configuration) =>
        configuration.SeverityFor(finding.File, finding.RuleId) is { } configured
            ? finding with { Severity = configured }
            : finding;
}
