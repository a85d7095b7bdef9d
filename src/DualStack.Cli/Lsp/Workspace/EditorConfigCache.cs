using System.Text;
using DualStack.Manifests.Configuration;
using DualStack.Rules;

namespace DualStack.Cli.Lsp.Workspace;

/// <summary>
/// The <c>.editorconfig</c>/<c>.globalconfig</c> configuration of a document, resolved exactly as <c>dslint lint</c>
/// resolves it for the same path. Kept per set of files and their time stamps, so an edited or added config file takes
/// effect at the next lint even when the editor sends no file events.
/// </summary>
internal sealed class EditorConfigCache
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ILintConfiguration> _byFiles = new(StringComparer.Ordinal);
    private readonly Action<string> _log;

    public EditorConfigCache(Action<string> log) => _log = log;

    public ILintConfiguration For(string? localPath)
    {
        if (localPath is null)
        {
            return new FixedConfiguration(LintOptions.Default);
        }

        IReadOnlyList<string> files;
        try
        {
            files = ConfigurationFiles.Discover([localPath]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _log($"cannot look for .editorconfig files of {localPath}: {ex.Message}");
            return new FixedConfiguration(LintOptions.Default);
        }

        var key = Key(files);
        lock (_gate)
        {
            if (_byFiles.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        // The one configuration step of every front end; it never throws and reports unreadable files as problems.
        var resolved = ConfigurationResolver.Resolve(new ConfigurationRequest { InputPaths = [localPath] });
        var configuration = resolved.Configuration;
        foreach (var problem in resolved.Problems)
        {
            _log("configuration: " + problem);
        }

        lock (_gate)
        {
            // Old entries belong to config files as they were; they are never asked for again.
            if (_byFiles.Count > 64)
            {
                _byFiles.Clear();
            }

            _byFiles[key] = configuration;
        }

        return configuration;
    }

    private static string Key(IReadOnlyList<string> files)
    {
        var key = new StringBuilder();
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            key.Append(file).Append('|').Append(info.Exists ? info.LastWriteTimeUtc.Ticks : 0).Append('|').Append(info.Exists ? info.Length : 0).Append('\n');
        }

        return key.ToString();
    }
}
