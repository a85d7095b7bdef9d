using DualStack.Manifests.Yaml;

namespace DualStack.Manifests.Rendering;

/// <summary>
/// Files of the linted tree loaded once each, by full path: the run's own texts first (so merged objects see exactly
/// what was linted), else read through <see cref="LintedTree"/>, which refuses anything outside it.
/// </summary>
public sealed class LoadedFiles
{
    private readonly LintedTree _tree;
    private readonly IReadOnlyDictionary<string, SourceFile> _known;
    private readonly Dictionary<string, LoadedFile?> _loaded = new(StringComparer.Ordinal);

    public LoadedFiles(LintedTree tree, IReadOnlyDictionary<string, SourceFile>? known = null)
    {
        _tree = tree;
        _known = known ?? new Dictionary<string, SourceFile>();
    }

    /// <summary>The loaded file, or null when it is outside the tree, missing or unreadable.</summary>
    public LoadedFile? Load(string fullPath)
    {
        var key = _tree.FullPath(fullPath);
        if (!_loaded.TryGetValue(key, out var file))
        {
            var source = _known.TryGetValue(key, out var input) ? input : _tree.TryRead(key, out _);
            file = source?.Text is null ? null : YamlLoader.Load(source);
            _loaded[key] = file;
        }

        return file;
    }
}
