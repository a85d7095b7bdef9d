using DualStack.Manifests;
using DualStack.Manifests.Configuration;

namespace DualStack.Cli.Input;

/// <summary>
/// Reads the collected inputs through the engine's <see cref="SourceFileReader"/> (size limit, binary and encoding
/// checks, the same in every front end), in parallel; the order of the list is kept.
/// </summary>
internal static class InputReader
{
    /// <param name="paths">Absolute paths, or <see cref="InputCollector.StandardInputName"/> for standard input.</param>
    /// <param name="collector">Gives the display paths.</param>
    /// <param name="standardInput">Opens standard input when it is among the paths.</param>
    /// <param name="stdinFileName">The name standard input is reported and configured as, or null for <c>&lt;stdin&gt;</c>.</param>
    /// <param name="currentDirectory">Resolves <paramref name="stdinFileName"/>.</param>
    public static IReadOnlyList<InputFile> Read(
        IReadOnlyList<string> paths,
        InputCollector collector,
        Func<Stream> standardInput,
        string? stdinFileName,
        string currentDirectory,
        ILintConfiguration configuration)
    {
        var files = new InputFile[paths.Count];
        var stdinIndex = -1;
        for (var i = 0; i < paths.Count; i++)
        {
            if (paths[i] == InputCollector.StandardInputName)
            {
                stdinIndex = i;
            }
        }

        if (stdinIndex >= 0)
        {
            var display = string.IsNullOrEmpty(stdinFileName) ? InputCollector.StandardInputName : stdinFileName!;
            var configPath = ConfigurationPath(paths[stdinIndex], stdinFileName, currentDirectory);
            using var stream = standardInput();
            var source = SourceFileReader.For(configuration.OptionsFor(configPath)).Read(stream, display);
            files[stdinIndex] = new InputFile(source, configPath, IsStandardInput: true);
        }

        Parallel.For(0, paths.Count, i =>
        {
            if (i == stdinIndex)
            {
                return;
            }

            var display = collector.DisplayPath(paths[i]);
            var source = collector.ListingErrors.TryGetValue(paths[i], out var listingError)
                ? SourceFile.Unreadable(display, listingError)
                : SourceFileReader.For(configuration.OptionsFor(paths[i])).Read(paths[i], display);
            files[i] = new InputFile(source, paths[i], IsStandardInput: false);
        });

        return files;
    }

    /// <summary>
    /// The path an input's configuration (.editorconfig) is looked up by: its own, or for standard input the path of its
    /// <c>--stdin-filename</c> (default <c>stdin.yaml</c>) in the current folder.
    /// </summary>
    public static string ConfigurationPath(string path, string? stdinFileName, string currentDirectory) =>
        path == InputCollector.StandardInputName
            ? Path.GetFullPath(string.IsNullOrEmpty(stdinFileName) ? "stdin.yaml" : stdinFileName!, currentDirectory)
            : path;
}
