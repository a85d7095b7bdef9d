using DualStack.Cli.Input;
using DualStack.Manifests.Configuration;
using DualStack.Manifests.Engine;
using DualStack.Manifests.Rendering;

namespace DualStack.Cli.Lint;

/// <summary>
/// How <c>dslint lint</c> runs the engine: through <see cref="RenderedLint"/>, so Helm and kustomize output is traced
/// to its sources and kustomizations are understood. What may be read besides the inputs is the current folder, the
/// folders given and the folders of the files given, and the <c>--chart</c> folder.
/// </summary>
internal static class RenderedInputs
{
    public static Func<IReadOnlyList<InputFile>, LintResult> Linter(LintSettings settings, string currentDirectory, ILintConfiguration configuration)
    {
        var options = Options(settings, currentDirectory);
        return inputs => RenderedLint.Lint(inputs.Select(i => new RenderingInput(i.Source, i.IsStandardInput ? null : i.FullPath)).ToList(), configuration, options);
    }

    /// <summary>The same run over inputs read when the engine gets to them (lint without <c>--fix</c>).</summary>
    public static LintResult LintLazily(LazyInputs inputs, LintSettings settings, string currentDirectory, ILintConfiguration configuration) =>
        RenderedLint.Lint(inputs.Inputs, configuration, Options(settings, currentDirectory));

    private static RenderingOptions Options(LintSettings settings, string currentDirectory)
    {
        var roots = new List<string>();
        foreach (var path in settings.Paths.Where(p => p != "-" && p.Length > 0))
        {
            var full = Path.GetFullPath(path, currentDirectory);
            roots.Add(Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full);
        }

        if (settings.RenderedFrom is { } renderedFrom)
        {
            var full = Path.GetFullPath(renderedFrom, currentDirectory);
            if (!Directory.Exists(full))
            {
                throw new CommandLine.CliException($"--chart: the folder '{renderedFrom}' does not exist");
            }

            roots.Add(full);
        }

        return new RenderingOptions(new LintedTree(currentDirectory, roots), settings.RenderedFrom is null ? null : Path.GetFullPath(settings.RenderedFrom, currentDirectory));
    }
}
