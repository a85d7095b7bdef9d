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
    /// <param name="fixable">Picks the findings that may be fixed from those shown (with a baseline: the new ones).</param>
    public static (LintResult Result, int Fixed, int FilesChanged) Run(List<InputFile> inputs, ILintConfiguration configuration, LintResult first, List<string> notFixed, Func<IReadOnlyList<Finding>, IReadOnlyList<Finding>>? fixable = null)
    {
        var leftAlone = new HashSet<string>(StringComparer.Ordinal);
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

            result = ManifestLinter.Lint(inputs.Select(i => i.Source).ToList(), configuration);
        }

        return (result, applied, changedFiles.Count);
    }
}
