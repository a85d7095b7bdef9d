using DualStack.Cli.Fixing;
using DualStack.Cli.Input;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Cli.Lint;

/// <summary>
/// <c>--fix</c>: the engine's <see cref="FixLoop"/> decides and applies the fixes until stable; the CLI only stores
/// each fixed text, through <see cref="FixedFileWriter"/> (atomically, and only if the file is still what was linted).
/// </summary>
internal static class FixRunner
{
    /// <returns>The result after the last pass, the number of edits applied and the number of files changed.</returns>
    /// <param name="notFixed">Receives one line per file that had fixes but was left alone, with the reason.</param>
    /// <param name="lint">Re-lints the inputs the way the first run did (rendered input traced); default: the engine alone.</param>
    /// <param name="fixable">Picks the findings that may be fixed from those shown (with a baseline: the new ones).</param>
    public static (LintResult Result, int Fixed, int FilesChanged) Run(List<InputFile> inputs, ILintConfiguration configuration, LintResult first, List<string> notFixed, Func<IReadOnlyList<InputFile>, LintResult>? lint = null, Func<IReadOnlyList<Finding>, IReadOnlyList<Finding>>? fixable = null)
    {
        lint ??= files => ManifestLinter.Lint(files.Select(i => i.Source).ToList(), configuration);
        var rendered = ReportRenderedInputs(inputs, notFixed);
        var withheld = new Dictionary<Finding, Finding>(ReferenceEqualityComparer.Instance);
        var outcome = FixLoop.Run(
            inputs.Select(i => i.Source).ToList(),
            WithholdFixes(first, fixable, withheld),
            sources => WithholdFixes(lint(WithSources(inputs, sources)), fixable, withheld),
            index => !inputs[index].IsStandardInput && !rendered.Contains(index),
            (index, lintedText, newText) => FixedFileWriter.TryWrite(inputs[index], lintedText, newText));

        var fixedInputs = WithSources(inputs, outcome.Sources);
        inputs.Clear();
        inputs.AddRange(fixedInputs);
        notFixed.AddRange(outcome.NotFixed.Select(n => $"{n.File.Path}: not fixed: {n.Reason}"));
        var result = withheld.Count == 0 ? outcome.Result : outcome.Result with { Findings = outcome.Result.Findings.Select(f => withheld.TryGetValue(f, out var original) ? original : f).ToList() };
        return (result, outcome.Fixed, outcome.FilesChanged);
    }

    // The loop fixes every finding that carries a fix; with a baseline only the new ones may be fixed, so the others
    // reach it without their fix (and get it back in the final result).
    private static LintResult WithholdFixes(LintResult result, Func<IReadOnlyList<Finding>, IReadOnlyList<Finding>>? fixable, Dictionary<Finding, Finding> withheld)
    {
        if (fixable is null)
        {
            return result;
        }

        var allowed = new HashSet<Finding>(fixable(result.Findings.Where(f => f.Severity >= Severity.Info).ToList()), ReferenceEqualityComparer.Instance);
        return result with
        {
            Findings = result.Findings.Select(f =>
            {
                if (f.Fix is null || allowed.Contains(f))
                {
                    return f;
                }

                var bare = f with { Fix = null };
                withheld[bare] = f;
                return bare;
            }).ToList(),
        };
    }

    private static List<InputFile> WithSources(List<InputFile> inputs, IReadOnlyList<Manifests.SourceFile> sources) =>
        inputs.Select((input, i) => ReferenceEquals(input.Source, sources[i]) ? input : input with { Source = sources[i] }).ToList();

    // Rendered output (helm template, kubectl kustomize) is not the file to fix: its findings name the templates and
    // sources, which --fix does not rewrite (a template is not YAML). Said once per rendered input.
    private static HashSet<int> ReportRenderedInputs(List<InputFile> inputs, List<string> notFixed)
    {
        var rendered = new HashSet<int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (Manifests.Rendering.RenderedLint.RenderedBy(inputs[i].Source) is { } renderer)
            {
                rendered.Add(i);
                notFixed.Add($"{inputs[i].DisplayPath}: not fixed: the input is {renderer}; its findings name the source files, which --fix does not rewrite: change the templates (or values) and render again");
            }
        }

        return rendered;
    }
}
