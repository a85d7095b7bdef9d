using DualStack.Manifests.Checks;
using DualStack.Manifests.Cluster;
using DualStack.Manifests.Cluster.Config;
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
/// <para>
/// Memory follows the largest files, not the run: each file is read, parsed and checked, and only its findings,
/// suppressions and the compact summaries of <see cref="ISummaryCheck"/>s are kept. The cluster model needs every
/// configuration file of the run before any check, so files are checked first against a provisional model that
/// records what was read of it; only the cluster configuration documents are kept for the model (with their file's
/// text), and a file whose checks read a part of the model that the configuration files then changed is read and
/// checked again. The common runs (no cluster configuration, or configuration that does not change what the other files'
/// checks read) read every file once.
/// </para>
/// </remarks>
public static class ManifestLinter
{
    // Input bytes being worked on at once, beyond the first file: a parsed tree is tens of times its text, so a few
    // large files are checked one after the other while small ones go in parallel.
    private const long InFlightBudget = 20 * 1024 * 1024;

    // Runs of at most this many input bytes are checked on one thread (see ForEachInput).
    private const long SmallRun = 256 * 1024;

    // Files from this size on are followed by a full collection (see ReleaseLargeFile).
    private const long LargeFile = 4 * 1024 * 1024;

    public static LintResult Lint(IReadOnlyList<SourceFile> files, LintOptions options) =>
        Lint(files, new FixedConfiguration(options));

    public static LintResult Lint(IReadOnlyList<SourceFile> files, ILintConfiguration configuration) =>
        Lint(files, configuration, CheckSet.Registered);

    public static LintResult Lint(IReadOnlyList<SourceFile> files, LintOptions options, CheckSet checks) =>
        Lint(files, new FixedConfiguration(options), checks);

    public static LintResult Lint(IReadOnlyList<SourceFile> files, ILintConfiguration configuration, CheckSet checks) =>
        Lint(files.Select(ManifestInput.FromSource).ToList(), [], configuration, checks, observer: null);

    /// <summary>Lints inputs that are read when the run gets to them (see <see cref="ManifestInput"/>).</summary>
    public static LintResult Lint(IReadOnlyList<ManifestInput> inputs, ILintConfiguration configuration, CheckSet checks) =>
        Lint(inputs, [], configuration, checks, observer: null);

    /// <summary>Lints inputs read as the run gets to them, showing each checked file to <paramref name="observer"/>.</summary>
    public static LintResult Lint(IReadOnlyList<ManifestInput> inputs, ILintConfiguration configuration, CheckSet checks, IFileObserver observer) =>
        Lint(inputs, [], configuration, checks, observer);

    /// <summary>
    /// Lints files that are already loaded, against a cluster model built from them together with
    /// <paramref name="clusterContext"/>: cluster configuration files that define the cluster but are not checked or
    /// reported themselves (the language server lints one open document against its workspace's cluster this way).
    /// The model reads all of them in path order, as a run over the same files would.
    /// </summary>
    public static LintResult Lint(IReadOnlyList<LoadedFile> files, IReadOnlyList<LoadedFile> clusterContext, ILintConfiguration configuration, CheckSet checks) =>
        Lint(files.Select(ManifestInput.FromLoaded).ToList(), clusterContext, configuration, checks, observer: null);

    private static LintResult Lint(IReadOnlyList<ManifestInput> unordered, IReadOnlyList<LoadedFile> clusterContext, ILintConfiguration configuration, CheckSet checks, IFileObserver? observer)
    {
        // Inputs in path order: the cluster model takes ranges from the first file that defines them, and the result
        // of a run must not depend on the order its inputs were named in.
        var inputs = unordered.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        var outcomes = new FileOutcome[inputs.Length];
        var gate = new InFlightGate(InFlightBudget);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };

        // First pass: every file is read once. Files with cluster configuration are kept for the model and checked
        // after it; the others are checked now, against a provisional model, and dropped.
        ForEachInput(inputs, parallel, i =>
        {
            using (gate.Enter(inputs[i].Size))
            {
                var loaded = inputs[i].Load();
                outcomes[i] = Check(loaded, checks, configuration, ClusterModel.Provisional(LintOptions.Default)) with
                {
                    Kept = ClusterConfiguration(loaded),
                };
                Observe(observer, i, loaded, outcomes[i], inputs[i]);
            }

            ReleaseLargeFile(inputs[i]);
        });

        var kept = outcomes.Where(o => o.Kept is not null).Select(o => o.Kept!).ToList();
        var runFindings = new List<Finding>();
        ClusterModel cluster;
        try
        {
            cluster = ClusterModelBuilder.Build(ClusterInputs(kept, clusterContext), LintOptions.Default);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            cluster = ClusterModel.FromOptions(LintOptions.Default);
            runFindings.Add(InputFindings.InternalError(FirstPath(inputs), "while reading the cluster configuration", ex));
        }

        // Second pass: any file whose first check read a part of the model that the configuration files changed.
        ForEachInput(inputs, parallel, i =>
        {
            if (outcomes[i].StillHolds(cluster))
            {
                return;
            }

            using (gate.Enter(inputs[i].Size))
            {
                var loaded = inputs[i].Load();
                outcomes[i] = Check(loaded, checks, configuration, cluster) with { Kept = outcomes[i].Kept };
                Observe(observer, i, loaded, outcomes[i], inputs[i]);
            }

            ReleaseLargeFile(inputs[i]);
        });

        var runContext = new RunCheckContext(cluster, path => ContextFor(configuration, path, cluster, runFindings.Add));
        foreach (var check in checks.RunChecks)
        {
            Guarded(runFindings, inputs, check, () => check.Check(ObjectsOf(kept), runContext));
        }

        for (var c = 0; c < checks.SummaryChecks.Count; c++)
        {
            var check = checks.SummaryChecks[c];
            var summaries = outcomes.SelectMany(o => o.Summaries[c]).ToList();
            Guarded(runFindings, inputs, check, () => check.Check(summaries, runContext));
        }

        var findings = SuppressionFilter.Apply(outcomes.SelectMany(o => o.Findings).Concat(runFindings), outcomes.SelectMany(o => o.Suppressions).ToList())
            .Select(f => ApplyConfiguredSeverity(f, configuration))
            .Where(f => f.Severity != Severity.None)
            .Distinct()
            .ToList();
        findings.Sort(FindingOrder.Instance);

        return new LintResult(
            findings,
            inputs.Length,
            outcomes.Sum(o => o.Documents),
            cluster.Sources.ToList(),
            outcomes.Sum(o => o.Objects) + ConfigurationDocumentsThatAreNotObjects(kept, cluster));
    }

    // A small run (an editor's save, a pre-commit hook on a few files) is checked on this thread: starting the
    // parallel loop's workers costs more CPU than checking the files (about 15 ms for one small file, measured).
    private static void ForEachInput(ManifestInput[] inputs, ParallelOptions parallel, Action<int> body)
    {
        if (inputs.Length == 1 || inputs.Sum(i => i.Size) <= SmallRun)
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, inputs.Length, parallel, body);
    }

    // The documents of a file that the cluster model reads (its text stays with them: positions and fixes need it), or
    // null when there are none. A file whose recognition fails is kept whole, so the model's own reading reports it.
    private static LoadedFile? ClusterConfiguration(LoadedFile file)
    {
        try
        {
            var documents = file.Documents.Where(d => ConfigRecognizer.Recognize(d) is not null).ToList();
            return documents.Count == 0 ? null : file with { Documents = documents, Findings = [] };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return file with { Findings = [] };
        }
    }

    // The observer sees the file while its tree is at hand; its failure is the file's internal error, not the run's.
    private static void Observe(IFileObserver? observer, int index, LoadedFile loaded, FileOutcome outcome, ManifestInput input)
    {
        if (observer is null)
        {
            return;
        }

        try
        {
            observer.Checked(index, loaded, outcome.Findings, input.Load);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            outcome.Findings.Add(InputFindings.InternalError(loaded.File.Path, "while tracing rendered output", ex));
        }
    }

    // A large file's tree is garbage once it is checked; collected now, the next large file reuses the memory instead
    // of the heap growing with every one of them until the collector's own budget is reached.
    private static void ReleaseLargeFile(ManifestInput input)
    {
        if (input.Size >= LargeFile)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
    }

    // Checks one file against a cluster model: its loading findings, document and object checks, summaries and
    // suppressions. The tree is not kept.
    private static FileOutcome Check(LoadedFile file, CheckSet checks, ILintConfiguration configuration, ClusterModel cluster)
    {
        var findings = new List<Finding>(file.Findings);
        var options = configuration.OptionsFor(file.File.Path);
        var context = new CheckContext(FileOptions(options, cluster), cluster, findings.Add);
        var summaries = checks.SummaryChecks.Select(_ => new List<object>()).ToArray();
        var objects = new List<KubeObject>();
        foreach (var document in file.Documents)
        {
            foreach (var check in checks.DocumentChecks)
            {
                Guard(findings, check, document, null, () => check.Check(document, context));
            }

            List<KubeObject> documentObjects;
            try
            {
                documentObjects = KubeObjectReader.Read(document).ToList();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                findings.Add(InternalErrorAt(document, null, "while reading Kubernetes objects", ex));
                continue;
            }

            foreach (var obj in documentObjects)
            {
                objects.Add(obj);
                foreach (var check in checks.ObjectChecks)
                {
                    Guard(findings, check, document, obj, () => check.Check(obj, context));
                }

                for (var c = 0; c < checks.SummaryChecks.Count; c++)
                {
                    var check = checks.SummaryChecks[c];
                    var keep = summaries[c];
                    Guard(findings, check, document, obj, () => check.Summarize(obj, context, keep.Add));
                }
            }
        }

        var suppressions = ReadSuppressions(file, objects, findings);
        return new FileOutcome(file.Documents.Count)
        {
            Findings = findings,
            Suppressions = suppressions,
            Summaries = summaries,
            Objects = objects.Count,
            Options = options,
            Cluster = cluster,
        };
    }

    private static IReadOnlyList<KubeObject> ObjectsOf(List<LoadedFile> files) =>
        files.SelectMany(f => f.Documents).SelectMany(d => KubeObjectReader.Read(d)).ToList();

    // Configuration documents that are not objects themselves (a MicroK8s launch configuration, k3s) count as linted.
    private static int ConfigurationDocumentsThatAreNotObjects(List<LoadedFile> kept, ClusterModel cluster)
    {
        var objectDocuments = new HashSet<LoadedDocument>(kept.SelectMany(f => f.Documents).Where(d => KubeObjectReader.Read(d).Any()));
        return cluster.ConfigDocuments.Count(c => !objectDocuments.Contains(c.Document));
    }

    // A problem of the whole run (the cluster model, a run check) is reported on the first input in path order.
    private static string FirstPath(ManifestInput[] inputs) => inputs.Length > 0 ? inputs[0].Path : "<no input>";

    private static IReadOnlyList<LoadedFile> ClusterInputs(List<LoadedFile> kept, IReadOnlyList<LoadedFile> clusterContext) =>
        clusterContext.Count == 0
            ? kept
            : kept.Concat(clusterContext).OrderBy(f => f.File.Path, StringComparer.Ordinal).ToList();

    private static CheckContext ContextFor(ILintConfiguration configuration, string path, ClusterModel cluster, Action<Finding> report) =>
        new(FileOptions(configuration.OptionsFor(path), cluster), cluster, report);

    private static void Guarded(List<Finding> findings, ManifestInput[] inputs, object check, Action run)
    {
        try
        {
            run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            findings.Add(InputFindings.InternalError(FirstPath(inputs), $"in check {check.GetType().Name}", ex));
        }
    }

    private static void Guard(List<Finding> findings, object check, LoadedDocument document, KubeObject? obj, Action run)
    {
        try
        {
            run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            findings.Add(InternalErrorAt(document, obj, $"in check {check.GetType().Name}", ex));
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

    private static List<SuppressionDirective> ReadSuppressions(LoadedFile file, List<KubeObject> objects, List<Finding> findings)
    {
        var suppressions = new List<SuppressionDirective>();
        try
        {
            var comments = CommentSuppressions.Read(file.File, findings);

            // A skipped template has no findings but DS0003; its suppression comments are meant for the rendered
            // output (comments survive rendering), so only a file-wide DS0003 suppression applies here.
            suppressions.AddRange(file.Findings.Any(f => f.RuleId == RuleIds.TemplateSkipped)
                ? comments.Where(s => s.Scope == SuppressionScope.File && s.RuleId == RuleIds.TemplateSkipped)
                : comments);
            foreach (var obj in objects)
            {
                suppressions.AddRange(AnnotationSuppressions.Read(obj, findings));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            findings.Add(InputFindings.InternalError(file.File.Path, "while reading suppressions", ex));
        }

        return suppressions;
    }

    // The cluster's families, when configuration files define them, replace the configured default.
    // (Read without recording it: the options are compared on their own.)
    private static LintOptions FileOptions(LintOptions options, ClusterModel cluster) =>
        options.IpFamiliesFromCommandLine || cluster.FamiliesDefinedByConfiguration is not { } families
            ? options
            : options with { IpFamilies = families };

    private static Finding ApplyConfiguredSeverity(Finding finding, ILintConfiguration configuration) =>
        configuration.SeverityFor(finding.File, finding.RuleId) is { } configured
            ? finding with { Severity = configured }
            : finding;

    /// <summary>What is kept of one file: findings, suppressions, summaries and counts, and its cluster configuration documents.</summary>
    private sealed record FileOutcome(int Documents)
    {
        public LoadedFile? Kept { get; init; }

        public List<Finding> Findings { get; init; } = [];

        public List<SuppressionDirective> Suppressions { get; init; } = [];

        public List<object>[] Summaries { get; init; } = [];

        public int Objects { get; init; }

        // The options and the model the file was checked with.
        public LintOptions? Options { get; init; }

        public ClusterModel? Cluster { get; init; }

        // The findings of a check against the provisional model hold when the run's model gives the file the same
        // options and agrees with every part of the model its checks read.
        public bool StillHolds(ClusterModel run) =>
            Options is { } options && Cluster is { } provisional
            && FileOptions(options, provisional).Equals(FileOptions(options, run))
            && provisional.AgreesWith(run);
    }
}
