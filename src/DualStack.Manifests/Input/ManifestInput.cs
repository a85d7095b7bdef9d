using DualStack.Manifests.Yaml;

namespace DualStack.Manifests;

/// <summary>
/// One input of a run, read only when the engine gets to it (and again when its checks must be redone), so a run
/// holds the text and tree of the files it is working on, not of every file: memory follows the largest files, not
/// the sum of all of them.
/// </summary>
public sealed class ManifestInput
{
    private readonly Func<LoadedFile> _load;

    /// <param name="path">The path findings name; inputs are checked in the ordinal order of these paths.</param>
    /// <param name="size">The size in bytes when known (0 when not): the engine keeps the total being worked on bounded by it.</param>
    /// <param name="read">Reads the input; called once, or twice when its checks must be redone against the run's cluster model.</param>
    public ManifestInput(string path, long size, Func<SourceFile> read)
        : this(path, size, () => YamlLoader.Load(read()))
    {
    }

    private ManifestInput(string path, long size, Func<LoadedFile> load)
    {
        Path = path;
        Size = size;
        _load = load;
    }

    public string Path { get; }

    public long Size { get; }

    /// <summary>An input whose text is already in memory.</summary>
    public static ManifestInput FromSource(SourceFile file) =>
        new(file.Path, file.Text?.Length ?? 0, () => file);

    /// <summary>An input that is already loaded (the language server's open documents).</summary>
    public static ManifestInput FromLoaded(LoadedFile file) =>
        new(file.File.Path, file.File.Text?.Length ?? 0, () => file);

    internal LoadedFile Load() => _load();
}
