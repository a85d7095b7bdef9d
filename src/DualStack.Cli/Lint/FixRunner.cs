using DualStack.Cli.Fixing;
using DualStack.Cli.Input;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;

namespace DualStack.Cli.Lint;

/// <summary>
/// <c>--fix</c>: the engine's <see cref="FixLoop"/> decides and applies the fixes until stable; the CLI only stores
/// each fixed text, through <see cref="FixedFileWriter"/> (atomically, and only if the file is still what was linted).
/// </summary>
internal static class FixRunner
{
    /// <returns>The result after the last pass, the number of edits applied and the number of files changed.</returns>
    /// <param name="notFixed">Receives one line per file that had fixes but was left alone, with the reason.</param>
    public static (LintResult Result, int Fixed, int FilesChanged) Run(List<InputFile> inputs, ILintConfiguration configuration, LintResult first, List<string> notFixed)
    {
        var outcome = FixLoop.Run(
            inputs.Select(i => i.Source).ToList(),
            configuration,
            first,
            index => !inputs[index].IsStandardInput,
            (index, lintedText, newText) => FixedFileWriter.TryWrite(inputs[index], lintedText, newText));

        for (var i = 0; i < inputs.Count; i++)
        {
            inputs[i] = inputs[i] with { Source = outcome.Sources[i] };
        }

        notFixed.AddRange(outcome.NotFixed.Select(n => $"{n.File.Path}: not fixed: {n.Reason}"));
        return (outcome.Result, outcome.Fixed, outcome.FilesChanged);
    }
}
