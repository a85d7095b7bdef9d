using DualStack.Manifests.Configuration;
using DualStack.Rules;

namespace DualStack.Manifests.Engine;

/// <summary>
/// Fix until stable, for every front end: applies the fixes of the reported findings to each file with
/// <see cref="FixApplier"/>, hands the new text to the front end to store, re-lints, and repeats while fixes that
/// overlapped others remain, so a second run finds nothing more to change. Storing is the front end's (the CLI writes
/// files atomically; an editor would apply workspace edits): a file it refuses is left alone for the rest of the run.
/// </summary>
public static class FixLoop
{
    /// <summary>Passes at most: each pass applies every non-overlapping fix, so real files settle in one or two.</summary>
    public const int MaxPasses = 5;

    /// <summary>Stores the fixed text of input <paramref name="index"/>; returns null when stored, else why not.</summary>
    public delegate string? FixedTextWriter(int index, string lintedText, string newText);

    /// <summary>Runs the loop with the registered checks under <paramref name="configuration"/>.</summary>
    public static FixLoopResult Run(
        IReadOnlyList<SourceFile> sources, ILintConfiguration configuration, LintResult first, Func<int, bool> canFix, FixedTextWriter write) =>
        Run(sources, first, files => ManifestLinter.Lint(files, configuration), canFix, write);

    /// <param name="sources">The inputs as linted; fixed texts replace them in the result's <see cref="FixLoopResult.Sources"/>.</param>
    /// <param name="first">The result of linting <paramref name="sources"/>.</param>
    /// <param name="lint">Lints the inputs again after a pass, as the run did the first time.</param>
    /// <param name="canFix">False for inputs that cannot be changed (standard input): they are skipped silently.</param>
    /// <param name="write">Stores a fixed text.</param>
    public static FixLoopResult Run(
        IReadOnlyList<SourceFile> sources, LintResult first, Func<IReadOnlyList<SourceFile>, LintResult> lint, Func<int, bool> canFix, FixedTextWriter write)
    {
        var current = sources.ToList();
        var leftAlone = new HashSet<int>();
        var notFixed = new List<(SourceFile File, string Reason)>();
        var changedFiles = new HashSet<int>();
        var result = first;
        var applied = 0;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var changedThisPass = 0;
            var byFile = result.Findings
                .Where(f => f.Fix is not null && f.Severity >= Severity.Info)
                .GroupBy(f => f.File, StringComparer.Ordinal);
            foreach (var group in byFile)
            {
                var index = current.FindIndex(s => s.Path == group.Key);
                if (index < 0 || leftAlone.Contains(index) || !canFix(index) || current[index].Text is not { } text)
                {
                    continue;
                }

                var edits = group.Select(f => f.Fix!).Distinct().ToList();
                var newText = FixApplier.Apply(text, edits, out var skipped);
                if (newText == text)
                {
                    continue;
                }

                if (write(index, text, newText) is { } reason)
                {
                    leftAlone.Add(index);
                    notFixed.Add((current[index], reason));
                    continue;
                }

                current[index] = current[index] with { Text = newText };
                applied += edits.Count - skipped.Count;
                changedThisPass++;
                changedFiles.Add(index);
            }

            if (changedThisPass == 0)
            {
                break;
            }

            result = lint(current);
        }

        return new FixLoopResult(result, applied, changedFiles.Count, current, notFixed);
    }
}

/// <summary>What <see cref="FixLoop.Run"/> did.</summary>
/// <param name="Result">The result of the last lint (after the last pass that changed something).</param>
/// <param name="Fixed">Edits applied.</param>
/// <param name="FilesChanged">Inputs whose text changed.</param>
/// <param name="Sources">The inputs with their fixed texts.</param>
/// <param name="NotFixed">Inputs the front end refused to store, with its reason.</param>
public sealed record FixLoopResult(
    LintResult Result, int Fixed, int FilesChanged, IReadOnlyList<SourceFile> Sources, IReadOnlyList<(SourceFile File, string Reason)> NotFixed);
