using System.Collections.Concurrent;
using DualStack.Manifests;
using DualStack.Manifests.Rendering;

namespace DualStack.Cli.Input;

/// <summary>
/// The inputs of a lint run without <c>--fix</c>, read by the engine when it gets to each file rather than all at
/// once, so the run holds the texts of the files being checked, not of every file. Standard input is read at once
/// (it can be read only once). Files whose text is rendered output are noted, and read again for tracing after the run.
/// </summary>
internal sealed class LazyInputs
{
    private readonly ConcurrentDictionary<string, Func<SourceFile>> _rendered = new(StringComparer.Ordinal);

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
                inputs.Add(Noting(text.Path, text.Text?.Length ?? 0, () => text));
            }
            else if (source.Collector.ListingErrors.ContainsKey(path))
            {
                inputs.Add(ManifestInput.FromSource(source.ReadFile(path)));
            }
            else
            {
                inputs.Add(Noting(source.Collector.DisplayPath(path), SizeOf(path), () => source.ReadFile(path)));
            }
        }

        Inputs = inputs;
    }

    public IReadOnlyList<ManifestInput> Inputs { get; }

    /// <summary>The inputs seen to be rendered output during the run, read again one at a time, in path order.</summary>
    public IEnumerable<SourceFile> Rendered() =>
        _rendered.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value());

    // The engine's read also notes whether the text is rendered output.
    private ManifestInput Noting(string path, long size, Func<SourceFile> read) =>
        new(path, size, () =>
        {
            var source = read();
            if (RenderedLint.MayBeRendered(source))
            {
                _rendered.TryAdd(source.Path, read);
            }

            return source;
        });

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
