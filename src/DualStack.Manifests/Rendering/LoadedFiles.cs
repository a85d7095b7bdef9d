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
    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);

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
            string? problem = null;
            var source = _known.TryGetValue(key, out var input) ? input : _tree.TryRead(key, out problem);
            if (source is { Text: null })
            {
                problem = source.ReadError;
            }

            file = source?.Text is null ? null : YamlLoader.Load(source);
            _loaded[key] = file;
            if (file is null)
            {
                _problems[key] = problem ?? "the file could not be read";
            }
        }

        return file;
    }

    /// <summary>
    /// Why <see cref="Load"/> gave null for <paramref name="fullPath"/> (the reader's words: too large, binary, not
    /// UTF-8, no permission), so that a finding about a reference to the file can say it; null when it loaded.
    /// </summary>
    public string? ProblemOf(string fullPath) => _problems.TryGetValue(_tree.FullPath(fullPath), out var problem) ? problem : null;
}
