using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Manifests.Rendering.Helm;
using DualStack.Manifests.Rendering.Kustomize;
using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Rendering;

/// <summary>
/// A run of <see cref="ManifestLinter"/> that understands rendered input and Kustomize: findings on <c>helm template</c>
/// or <c>kubectl kustomize</c> output are traced to the files that produced them (<see cref="RenderedTrace"/>), and
/// the kustomizations among the inputs are built (<see cref="KustomizePlan"/>): objects their patches change are
/// linted merged, and patch files as partial objects. The engine's checks are unchanged.
/// </summary>
public static class RenderedLint
{
    public static LintResult Lint(IReadOnlyList<RenderingInput> inputs, ILintConfiguration configuration, RenderingOptions options)
    {
        options = Configured(options, configuration);
        var sources = inputs.Select(i => i.Source).ToList();
        var known = inputs.Where(i => i.FullPath is not null && i.Source.Text is not null)
            .GroupBy(i => options.Tree.FullPath(i.FullPath!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Source, StringComparer.Ordinal);
        var kustomize = KustomizePlan.Prepare(KustomizationPaths(inputs.Where(i => i.FullPath is not null).Select(i => i.FullPath!), options), known, options);
        var traces = new RenderedTraces(options, sources.Select(s => s.Path));
        var result = ManifestLinter.Lint(sources.Concat(kustomize.MergedFiles).Select(ManifestInput.FromSource).ToList(), configuration, CheckSet.Registered, traces);
        return Traced(result, traces, kustomize, configuration);
    }

    /// <summary>Lints inputs that are read when the run gets to them (<see cref="ManifestInput"/>); each is read once.</summary>
    public static LintResult Lint(IReadOnlyList<ManifestInput> inputs, ILintConfiguration configuration, RenderingOptions options)
    {
        options = Configured(options, configuration);
        var kustomize = KustomizePlan.Prepare(KustomizationPaths(inputs.Select(i => options.Tree.FullPath(i.Path)), options), new Dictionary<string, SourceFile>(), options);
        var traces = new RenderedTraces(options, inputs.Select(i => i.Path));
        var all = inputs.Concat(kustomize.MergedFiles.Select(ManifestInput.FromSource)).ToList();
        return Traced(ManifestLinter.Lint(all, configuration, CheckSet.Registered, traces), traces, kustomize, configuration);
    }

    /// <summary>True when the text may be rendered output whose findings are traced to other files.</summary>
    public static bool MayBeRendered(SourceFile file) =>
        file.Text is { } text &&
        (text.IndexOf(HelmSourceComments.Marker, StringComparison.Ordinal) >= 0 || text.IndexOf(KustomizeOrigins.Annotation, StringComparison.Ordinal) >= 0);

    /// <summary>True when the text is rendered output whose findings belong to other files, so <c>--fix</c> must leave it alone.</summary>
    public static string? RenderedBy(SourceFile file) =>
        file.Text is not { } text ? null
        : HelmSourceComments.Find(text).Count > 0 ? "rendered Helm output (# Source: comments)"
        : text.IndexOf(KustomizeOrigins.Annotation, StringComparison.Ordinal) >= 0 ? $"rendered kustomize output ({KustomizeOrigins.Annotation} annotations)"
        : null;

    // Files read besides the inputs (kustomize bases and patches, chart templates) get the size limit configured for
    // their path, as inputs do.
    private static RenderingOptions Configured(RenderingOptions options, ILintConfiguration configuration) =>
        options with { Tree = options.Tree.ReadingWith(path => SourceFileReader.For(configuration.OptionsFor(path))) };

    private static List<string> KustomizationPaths(IEnumerable<string> fullPaths, RenderingOptions options) =>
        fullPaths.Where(KustomizationFile.IsKustomizationName).Select(options.Tree.FullPath).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();

    private static LintResult Traced(LintResult result, RenderedTraces traces, KustomizePlan kustomize, ILintConfiguration configuration)
    {
        var problems = new List<Finding>(kustomize.Problems);
        var afterKustomize = kustomize.Map(result.Findings).ToList();
        var findingsOf = afterKustomize.GroupBy(f => f.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // Each rendered file's findings are mapped in turn, so a file loaded again for a run-wide finding is not kept
        // while the next one is mapped.
        var mapped = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var (trace, traceProblems) in traces.InPathOrder())
        {
            problems.AddRange(traceProblems);
            if (trace is not null)
            {
                mapped[trace.RenderedPath] = findingsOf.TryGetValue(trace.RenderedPath, out var own)
                    ? trace.MapAll(own).Select((f, i) => Reconfigure(f, own[i], configuration)).ToList()
                    : [];
            }
        }

        if (mapped.Count == 0 && kustomize.IsEmpty)
        {
            return result;
        }

        var findings = afterKustomize
            .Where(f => !mapped.ContainsKey(f.File))
            .Concat(mapped.Values.SelectMany(m => m))
            .Concat(problems.Select(p => Reconfigure(p, null, configuration)))
            .Where(f => f.Severity != Severity.None)
            .Distinct()
            .ToList();
        findings.Sort(FindingOrder.Instance);

        // The merged objects are extra inputs of the engine, not files or documents of the user's.
        var merged = kustomize.MergedFiles.Count;
        return result with
        {
            Findings = findings,
            Files = result.Files - merged,
            Documents = result.Documents - merged,
            Objects = Math.Max(0, result.Objects - merged),
        };
    }

    // A finding that moved to another file takes that file's configured severity, as it would have linted there.
    private static Finding Reconfigure(Finding mapped, Finding? original, ILintConfiguration configuration)
    {
        if (original is not null && mapped.File == original.File)
        {
            return mapped;
        }

        return configuration.SeverityFor(mapped.File, mapped.RuleId) is { } configured ? mapped with { Severity = configured } : mapped;
    }
}
