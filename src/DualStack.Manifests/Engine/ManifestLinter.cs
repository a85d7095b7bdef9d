using System.Collections.Concurrent;
using DualStack.Manifests.Checks;
using DualStack.Manifests.Cluster;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Suppression;
using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Engine;

/// <summary>
/// The one entry point of the manifest engine, shared by the MSBuild task and the CLI: files (path and text) and
/// configuration in, findings out. Files are loaded and checked in parallel; the output order is deterministic.
/// </summary>
/// <remarks>
/// A run never throws for its input: loading problems are DS0001-DS0003, and an exception inside a check becomes a
/// DS0002 "internal error" finding on the file being checked, so one bug cannot hide every other finding.
/// Suppressions (comments and the object annotation) are applied after the checks and before configured severities,
/// so a suppression of a rule that editorconfig turned off still counts as used. Identical findings (two checks, or
/// one check twice, reporting the same thing at the same place) are reported once.
/// </remarks>
public static class ManifestLinter
{
    public static LintResult Lint(IReadOnlyList<SourceFile> files, LintOptions options) =>
        Lint(files, new FixedConfiguration(options));

    public static LintResult Lint(IReadOnlyList<SourceFile> files, ILintConfiguration configuration) =>
        Lint(files, configuration, CheckSet.Registered);

    public static LintResult Lint(IReadOnlyList<SourceFile> files, LintOptions options, CheckSet checks) =>
        Lint(files, new FixedConfiguration(options), checks);

    public static LintResult Lint(IReadOnlyList<SourceFile> files, ILintConfiguration configuration, CheckSet checks)
    {
        var loaded = new LoadedFile[files.Count];
        Parallel.For(0, files.Count, i => loaded[i] = YamlLoader.Load(files[i]));
        return Lint(loaded, [], configuration, checks);
    }

    /// <summary>
    /// Lints files that are already loaded, against a cluster model built from them together with
    /// <paramref name="clusterContext"/>: cluster configuration files that define the cluster but are not checked or
    /// reported themselves (the language server lints one open document against its workspace's cluster this way).
    /// The model reads all of them in path order, as a run over the same files would.
    /// </summary>
    public static LintResult Lint(IReadOnlyList<LoadedFile> files, IReadOnlyList<LoadedFile> clusterContext, ILintConfiguration configuration, CheckSet checks)
    {
        // Inputs in path order: the cluster model takes ranges from the first file that defines them, and the result
        // of a run must not depend on the order its inputs were named in.
        var loaded = files.OrderBy(f => f.File.Path, StringComparer.Ordinal).ToArray();
        var raw = new ConcurrentBag<Finding>();
        foreach (var file in loaded)
        {
            foreach (var finding in file.Findings)
            {
                raw.Add(finding);
            }
        }

        // The cluster is one for the run: its model is built from all configuration files before any check. Its
        // families count only when a configuration file defines them (FileOptions); otherwise each file's own apply.
        ClusterModel cluster;
        try
        {
            cluster = ClusterModelBuilder.Build(ClusterInputs(loaded, clusterContext), LintOptions.Default);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            cluster = ClusterModel.FromOptions(LintOptions.Default);
            raw.Add(InputFindings.InternalError(FirstPath(loaded), "while reading the cluster configuration", ex));
        }

        var contexts = new ConcurrentDictionary<string, CheckContext>(StringComparer.Ordinal);
        CheckContext ContextFor(string path) =>
            contexts.GetOrAdd(path, p => new CheckContext(FileOptions(configuration, p, cluster), cluster, raw.Add));

        var objectsPerFile = new List<KubeObject>[loaded.Length];
        var suppressionsPerFile = new IReadOnlyList<SuppressionDirective>[loaded.Length];
        Parallel.For(0, loaded.Length, i =>
        {
            objectsPerFile[i] = CheckFile(loaded[i], checks, ContextFor(loaded[i].File.Path), raw);
            suppressionsPerFile[i] = ReadSuppressions(loaded[i], objectsPerFile[i], raw);
        });

        var allObjects = objectsPerFile.SelectMany(o => o).ToList();
        var runContext = new RunCheckContext(cluster, ContextFor);
        foreach (var check in checks.RunChecks)
        {
            try
            {
                check.Check(allObjects, runContext);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                raw.Add(InputFindings.InternalError(FirstPath(loaded), $"in check {check.GetType().Name}", ex));
            }
        }

        var findings = SuppressionFilter.Apply(raw, suppressionsPerFile.SelectMany(s => s).ToList())
            .Select(f => ApplyConfiguredSeverity(f, configuration))
            .Where(f => f.Severity != Severity.None)
            .Distinct()
            .ToList();
        findings.Sort(FindingOrder.Instance);

        return new LintResult(
            findings,
            loaded.Length,
            loaded.Sum(f => f.Documents.Count),
            cluster.Sources.ToList(),
            CountLinted(allObjects, cluster));
    }

    // Objects plus configuration documents that are not objects themselves (a MicroK8s launch configuration, k3s).
    private static int CountLinted(List<KubeObject> objects, ClusterModel cluster)
    {
        var objectDocuments = new HashSet<LoadedDocument>(objects.Select(o => o.Document));
        return objects.Count + cluster.ConfigDocuments.Count(c => !objectDocuments.Contains(c.Document));
    }

    // A problem of the whole run (the cluster model, a run check) is reported on the first input in path order.
    private static string FirstPath(LoadedFile[] files) => files.Length > 0 ? files[0].File.Path : "<no input>";

    private static IReadOnlyList<LoadedFile> ClusterInputs(LoadedFile[] loaded, IReadOnlyList<LoadedFile> clusterContext) =>
        clusterContext.Count == 0
            ? loaded
            : loaded.Concat(clusterContext).OrderBy(f => f.File.Path, StringComparer.Ordinal).ToList();

    // Runs the document and object checks of one file; an exception in a check is reported on the document or
    // object it was checking, and the remaining checks still run.
    private static List<KubeObject> CheckFile(LoadedFile file, CheckSet checks, CheckContext context, ConcurrentBag<Finding> raw)
    {
        var objects = new List<KubeObject>();
        foreach (var document in file.Documents)
        {
            foreach (var check in checks.DocumentChecks)
            {
                Guard(raw, check, document, null, () => check.Check(document, context));
            }

            List<KubeObject> documentObjects;
            try
            {
                documentObjects = KubeObjectReader.Read(document).ToList();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                raw.Add(InternalErrorAt(document, null, "while reading Kubernetes objects", ex));
                continue;
            }

            foreach (var obj in documentObjects)
            {
                objects.Add(obj);
                foreach (var check in checks.ObjectChecks)
                {
                    Guard(raw, check, document, obj, () => check.Check(obj, context));
                }
            }
        }

        return objects;
    }

    private static void Guard(ConcurrentBag<Finding> raw, object check, LoadedDocument document, KubeObject? obj, Action run)
    {
        try
        {
            run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            raw.Add(InternalErrorAt(document, obj, $"in check {check.GetType().Name}", ex));
        }
    }

    private static Finding InternalErrorAt(LoadedDocument document, KubeObject? obj, string where, Exception ex)
    {
        var span = document.SpanOf(obj?.Root ?? document.Root);
        return InputFindings.InternalError(document.File.Path, obj is null ? where : $"{where} on {obj.Reference}", ex, span.Line, span.Column) with
        {
            Object = obj?.Reference,
        };
    }

    private static IReadOnlyList<SuppressionDirective> ReadSuppressions(LoadedFile file, List<KubeObject> objects, ConcurrentBag<Finding> raw)
    {
        var problems = new List<Finding>();
        var suppressions = new List<SuppressionDirective>();
        try
        {
            var comments = CommentSuppressions.Read(file.File, problems);

            // A skipped template has no findings but DS0003; its suppression comments are meant for the rendered
            // output (comments survive rendering), so only a file-wide DS0003 suppression applies here.
            suppressions.AddRange(file.Findings.Any(f => f.RuleId == RuleIds.TemplateSkipped)
                ? comments.Where(s => s.Scope == SuppressionScope.File && s.RuleId == RuleIds.TemplateSkipped)
                : comments);
            foreach (var obj in objects)
            {
                suppressions.AddRange(AnnotationSuppressions.Read(obj, problems));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add(InputFindings.InternalError(file.File.Path, "while reading suppressions", ex));
        }

        foreach (var problem in problems)
        {
            raw.Add(problem);
        }

        return suppressions;
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
