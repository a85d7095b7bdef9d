using DualStack.Cli.Fixing;
using DualStack.Cli.Input;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Cli.Lint;

/// <summary>
/// <c>--fix</c>: applies the text edits of the reported findings to their files (atomically), re-lints, and repeats
/// while edits that overlapped others remain, so a second run finds nothing more to change.
/// </summary>
internal static class FixRunner
{
    private const int MaxPasses = 5;

    /// <returns>The result after the last pass, the number of edits applied and the files changed.</returns>
    public static (LintResult Result, int Fixed, int FilesChanged) Run(List<InputFile> inputs, ILintConfiguration configuration, LintResult first)
    {
        var result = first;
        var applied = 0;
        var changedFiles = new HashSet<string>(StringComparer.Ordinal);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var changedThisPass = 0;
            var byFile = result.Findings
                .Where(f => f.Fix is not null && f.Severity >= Severity.Info)
                .GroupBy(f => f.File, StringComparer.Ordinal);
            foreach (var group in byFile)
            {
                var index = inputs.FindIndex(i => i.DisplayPath == group.Key);
                if (index < 0 || inputs[index] is not { IsStandardInput: false, Text: { } text } input)
                {
                    continue;
                }

                var (newText, count) = FixApplier.Apply(text, group.Select(f => f.Fix!));
                if (count == 0)
                {
                    continue;
                }

                AtomicFile.WriteAllText(input.FullPath, newText, input.Encoding);
                inputs[index] = input with { Text = newText };
                applied += count;
                changedThisPass++;
                changedFiles.Add(input.FullPath);
            }

            if (changedThisPass == 0)
            {
                break;
            }

            result = ManifestLinter.Lint(inputs.Select(i => i.ToSourceFile()).ToList(), configuration);
        }

        return (result, applied, changedFiles.Count);
    }
}
