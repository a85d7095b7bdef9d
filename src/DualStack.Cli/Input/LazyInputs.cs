using DualStack.Manifests;
using DualStack.Manifests.Configuration;

namespace DualStack.Cli.Input;

/// <summary>
/// The inputs of a lint run without <c>--fix</c>, read by the engine when it gets to each file rather than all at
/// once, so the run holds the texts of the files being checked, not of every file. Standard input is read at once
/// (it can be read only once). Rendered output is traced while the engine has it (RenderedLint), not read again.
/// </summary>
internal sealed class LazyInputs
{
    public LazyInputs(
        IReadOnlyList<string> paths,
        InputCollector collector,
        Func<Stream> standardInput,
        string? stdinFileName,
        string currentDirectory,
        ILintConfiguration configuration)
    {
        var inputs = new List<ManifestInput>(paths.Count);
        foreach (var path in paths)
        {
            if (path == InputCollector.StandardInputName)
            {
                var display = string.IsNullOrEmpty(stdinFileName) ? InputCollector.StandardInputName : stdinFileName!;
                var options = configuration.OptionsFor(InputReader.ConfigurationPath(path, stdinFileName, currentDirectory));
                using var stream = standardInput();
                var source = SourceFileReader.For(options).Read(stream, display);
                inputs.Add(new ManifestInput(source.Path, source.Text?.Length ?? 0, () => source));
                continue;
            }

            var shown = collector.DisplayPath(path);
            if (collector.ListingErrors.TryGetValue(path, out var listingError))
            {
                inputs.Add(ManifestInput.FromSource(SourceFile.Unreadable(shown, listingError)));
                continue;
            }

            var reader = SourceFileReader.For(configuration.OptionsFor(path));
            inputs.Add(new ManifestInput(shown, SizeOf(path), () => reader.Read(path, shown)));
        }

        Inputs = inputs;
    }

    public IReadOnlyList<ManifestInput> Inputs { get; }

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 0;
        }
    }
}
