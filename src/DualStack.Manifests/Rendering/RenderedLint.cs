using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Manifests.Rendering.Helm;
using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Rendering;

/// <summary>
/// A run of <see cref="ManifestLinter"/> that understands rendered input and Kustomize: findings on <c>helm template</c>
/// or <c>kubectl kustomize</c> output are traced to the files that produced them (<see cref="RenderedTrace"/>).
/// The engine's checks are unchanged; this step only decides which file and line a finding names.
/// </summary>
public static class RenderedLint
{
    public static LintResult Lint(IReadOnlyList<RenderingInput> inputs, ILintConfiguration configuration, RenderingOptions options)
    {
        var sources = inputs.Select(i => i.Source).ToList();
        return Traced(ManifestLinter.Lint(sources, configuration), sources, configuration, options);
    }

    /// <summary>
    /// Lints inputs that are read when the run gets to them (<see cref="ManifestInput"/>); <paramref name="rendered"/>
    /// gives, after the run, the inputs whose text <see cref="MayBeRendered"/>, read again one by one for tracing.
    /// </summary>
    public static LintResult Lint(IReadOnlyList<ManifestInput> inputs, Func<IEnumerable<SourceFile>> rendered, ILintConfiguration configuration, RenderingOptions options) =>
        Traced(ManifestLinter.Lint(inputs, configuration, CheckSet.Registered), rendered(), configuration, options);

    /// <summary>True when the text may be rendered output whose findings are traced to other files.</summary>
    public static bool MayBeRendered(SourceFile file) =>
        file.Text is { } text && text.IndexOf(HelmSourceComments.Marker, StringComparison.Ordinal) >= 0;

    private static LintResult Traced(LintResult result, IEnumerable<SourceFile> sources, ILintConfiguration configuration, RenderingOptions options)
    {
        var problems = new List<Finding>();
        var findingsOf = result.Findings.GroupBy(f => f.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // Each rendered file's findings are mapped as soon as it is traced, so its tree is not kept while the next one
        // is read: a run holds one rendered file at a time, however many there are.
        var mapped = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (source.Text is null || mapped.ContainsKey(source.Path))
            {
                continue;
            }

            if (Trace(source, options, problems) is { } trace)
            {
                mapped[source.Path] = findingsOf.TryGetValue(source.Path, out var own)
                    ? own.Select(f => Reconfigure(trace.Map(f), f, configuration)).ToList()
                    : [];
            }
        }

        if (mapped.Count == 0 && problems.Count == 0)
        {
            return result;
        }

        var findings = result.Findings
            .Where(f => !mapped.ContainsKey(f.File))
            .Concat(mapped.Values.SelectMany(m => m))
            .Concat(problems.Select(p => Reconfigure(p, null, configuration)))
            .Where(f => f.Severity != Severity.None)
            .Distinct()
            .ToList();
        findings.Sort(FindingOrder.Instance);
        return result with { Findings = findings };
    }

    /// <summary>True when the text is rendered output whose findings belong to other files, so <c>--fix</c> must leave it alone.</summary>
    public static string? RenderedBy(SourceFile file) =>
        file.Text is { } text && HelmSourceComments.Find(text).Count > 0 ? "rendered Helm output (# Source: comments)" : null;

    private static RenderedTrace? Trace(SourceFile source, RenderingOptions options, List<Finding> problems)
    {
        if (MayBeRendered(source))
        {
            return HelmChart.Trace(YamlLoader.Load(source), options, problems);
        }

        return null;
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
