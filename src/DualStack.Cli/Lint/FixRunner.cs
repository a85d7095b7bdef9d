using DualStack.Cli.Fixing;
using DualStack.Cli.Input;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Cli.Lint;

/// <summary>
/// <c>--fix</c>: applies the text edits of the reported findings to their files with the engine's
/// <see cref="FixApplier"/> (atomically), re-lints, and repeats while fixes that overlapped others remain, so a second
/// run finds nothing more to change.
/// </summary>
internal static class FixRunner
{
    private const int MaxPasses = 5;

    /// <returns>The result after the last pass, the number of edits applied and the number of files changed.</returns>
    /// <param name="notFixed">Receives one line per file that had fixes but was left alone, with the reason.</param>
    /// <param name="lint">Re-lints the inputs the way the first run did (rendered input traced); default: the engine alone.</param>
    /// <param name="fixable">Picks the findings that may be fixed from those shown (with a baseline: the new ones).</param>
    public static (LintResult Result, int Fixed, int FilesChanged) Run(List<InputFile> inputs, ILintConfiguration configuration, LintResult first, List<string> notFixed, Func<IReadOnlyList<InputFile>, LintResult>? lint = null, Func<IReadOnlyList<Finding>, IReadOnlyList<Finding>>? fixable = null)
    {
        lint ??= files => ManifestLinter.Lint(files.Select(i => i.Source).ToList(), configuration);
        var leftAlone = new HashSet<string>(StringComparer.Ordinal);
        ReportRenderedInputs(inputs, leftAlone, notFixed);
        var result = first;
        var applied = 0;
        var changedFiles = new HashSet<string>(StringComparer.Ordinal);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var changedThisPass = 0;
            var shown = result.Findings.Where(f => f.Severity >= Severity.Info).ToList();
            var byFile = (fixable is null ? shown : fixable(shown))
                .Where(f => f.Fix is not null)
                .GroupBy(f => f.File, StringComparer.Ordinal);
            foreach (var group in byFile)
            {
                var index = inputs.FindIndex(i => i.DisplayPath == group.Key);
                if (index < 0 || inputs[index] is not { IsStandardInput: false, Source.Text: { } text } input || leftAlone.Contains(input.FullPath))
                {
                    continue;
                }

                var edits = group.Select(f => f.Fix!).Distinct().ToList();
                var newText = FixApplier.Apply(text, edits, out var skipped);
                if (newText == text)
                {
                    continue;
                }

                if (FixedFileWriter.TryWrite(input, text, newText) is { } reason)
                {
                    leftAlone.Add(input.FullPath);
                    notFixed.Add($"{input.DisplayPath}: not fixed: {reason}");
                    continue;
                }

                inputs[index] = input with { Source = input.Source with { Text = newText } };
                applied += edits.Count - skipped.Count;
                changedThisPass++;
                changedFiles.Add(input.FullPath);
            }

            if (changedThisPass == 0)
            {
                break;
            }

            result = lint(inputs);
        }

        return (result, applied, changedFiles.Count);
    }

    // Rendered output (helm template, kubectl kustomize) is not the file to fix: its findings name the templates and
    // sources, which --fix does not rewrite (a template is not YAML). Said once per rendered input.
    private static void ReportRenderedInputs(List<InputFile> inputs, HashSet<string> leftAlone, List<string> notFixed)
    {
        foreach (var input in inputs)
        {
            if (Manifests.Rendering.RenderedLint.RenderedBy(input.Source) is { } rendered)
            {
                leftAlone.Add(input.FullPath);
                notFixed.Add($"{input.DisplayPath}: not fixed: the input is {rendered}; its findings name the source files, which --fix does not rewrite: change the templates (or values) and render again");
            }
        }
    }
}
