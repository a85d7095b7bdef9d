using DualStack.Manifests;

namespace DualStack.Cli.Input;

/// <summary>
/// Reads the collected inputs through the engine's <see cref="SourceFileReader"/> (size limit, binary and encoding
/// checks, the same in every front end), in parallel; the order of the list is kept.
/// </summary>
internal static class InputReader
{
    /// <param name="paths">Absolute paths, or <see cref="InputCollector.StandardInputName"/> for standard input.</param>
    /// <param name="source">How each input is read.</param>
    public static IReadOnlyList<InputFile> Read(IReadOnlyList<string> paths, InputSource source)
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
            files[stdinIndex] = new InputFile(source.ReadStandardInput(), source.ConfigurationPath(paths[stdinIndex]), IsStandardInput: true);
        }

        Parallel.For(0, paths.Count, i =>
        {
            if (i != stdinIndex)
            {
                files[i] = new InputFile(source.ReadFile(paths[i]), paths[i], IsStandardInput: false);
            }
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
