using DualStack.Manifests;

namespace DualStack.Cli.Input;

/// <summary>
/// The inputs of a lint run without <c>--fix</c>, read by the engine when it gets to each file rather than all at
/// once, so the run holds the texts of the files being checked, not of every file. Standard input is read at once
/// (it can be read only once). Rendered output is traced while the engine has it (RenderedLint), not read again.
/// </summary>
internal sealed class LazyInputs
{
    /// <param name="paths">Absolute paths, or <see cref="InputCollector.StandardInputName"/> for standard input.</param>
    /// <param name="source">How each input is read.</param>
    public LazyInputs(IReadOnlyList<string> paths, InputSource source)
    {
        var inputs = new List<ManifestInput>(paths.Count);
        foreach (var path in paths)
        {
            if (path == InputCollector.StandardInputName)
            {
                var text = source.ReadStandardInput();
                inputs.Add(ManifestInput.FromSource(text));
            }
            else if (source.Collector.ListingErrors.ContainsKey(path))
            {
                inputs.Add(ManifestInput.FromSource(source.ReadFile(path)));
            }
            else
            {
                inputs.Add(new ManifestInput(source.Collector.DisplayPath(path), SizeOf(path), () => source.ReadFile(path)));
            }
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
