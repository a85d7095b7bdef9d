using DualStack.Manifests;

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
    /// <summary>Configuration (.editorconfig) for standard input is looked up as if it were a file of this name here.</summary>
    public static string StandardInputConfigPath(string? stdinFileName, string currentDirectory) =>
        Path.GetFullPath(string.IsNullOrEmpty(stdinFileName) ? "stdin.yaml" : stdinFileName!, currentDirectory);

    /// <summary>The path each collected input's configuration is looked up by (<see cref="StandardInputConfigPath"/> for standard input).</summary>
    public static IEnumerable<string> ConfigPaths(IEnumerable<string> paths, string? stdinFileName, string currentDirectory) =>
        paths.Select(p => p == InputCollector.StandardInputName ? StandardInputConfigPath(stdinFileName, currentDirectory) : p);

    public static IReadOnlyList<InputFile> Read(
        IReadOnlyList<string> paths,
        InputCollector collector,
        Func<Stream> standardInput,
        string? stdinFileName,
        string currentDirectory)
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
            using var stream = standardInput();
            var source = SourceFileReader.Default.Read(stream, display);

            files[stdinIndex] = new InputFile(source, StandardInputConfigPath(stdinFileName, currentDirectory), IsStandardInput: true);
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
                : SourceFileReader.Default.Read(paths[i], display);
            files[i] = new InputFile(source, paths[i], IsStandardInput: false);
        });

        return files;
    }
}
