using DualStack.Manifests;
using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Yaml;

namespace DualStack.Cli.Lsp.Workspace;

/// <summary>
/// The cluster configuration files of the workspace (kind, kubeadm, MicroK8s, k3s, Calico, Cilium, …): found by a scan
/// of the workspace folders, re-read when the editor reports a change on disk, and overridden by the editor's text
/// while such a file is open. Only files that hold cluster configuration are kept, loaded.
/// </summary>
/// <remarks>
/// A document is linted against the configuration nearest to it: the files below its own folder, else below the
/// parent folder, and so on up. A repository with one cluster per environment folder so gets the right cluster for
/// each manifest, and a repository with a single cluster file gets it everywhere.
/// </remarks>
internal sealed class ClusterConfigIndex
{
    /// <summary>Files larger than this are not cluster configuration (those are a few KB).</summary>
    public const long MaxConfigBytes = 1024 * 1024;

    /// <summary>The scan stops after this many YAML/JSON files, so a huge monorepo cannot stall the server.</summary>
    public const int MaxScannedFiles = 20_000;

    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { "node_modules", "bin", "obj", "vendor", "target" };
    private static readonly SourceFileReader Reader = new(MaxConfigBytes);

    private readonly object _gate = new();
    private readonly Dictionary<string, LoadedFile> _onDisk = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoadedFile?> _inEditor = new(StringComparer.Ordinal);

    public static bool IsCandidate(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml" or ".json";

    /// <summary>Reads every cluster configuration file below <paramref name="root"/>; returns how many it found.</summary>
    public int Scan(string root, Action<string> log, CancellationToken cancellationToken)
    {
        var found = 0;
        var scanned = 0;
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0 && scanned < MaxScannedFiles && !cancellationToken.IsCancellationRequested)
        {
            var dir = pending.Pop();
            try
            {
                foreach (var sub in Directory.EnumerateDirectories(dir))
                {
                    var name = Path.GetFileName(sub);
                    if (!name.StartsWith('.') && !SkippedDirectories.Contains(name) && !new DirectoryInfo(sub).Attributes.HasFlag(FileAttributes.ReparsePoint))
                    {
                        pending.Push(sub);
                    }
                }

                foreach (var file in Directory.EnumerateFiles(dir).Where(IsCandidate).Order(StringComparer.Ordinal))
                {
                    scanned++;
                    found += Refresh(file) ? 1 : 0;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                log($"cannot scan {dir}: {ex.Message}");
            }
        }

        if (scanned >= MaxScannedFiles)
        {
            log($"stopped scanning {root} for cluster configuration after {MaxScannedFiles} YAML/JSON files");
        }

        return found;
    }

    /// <summary>Re-reads one file from disk (after a change event); true when it holds cluster configuration.</summary>
    public bool Refresh(string path)
    {
        var loaded = File.Exists(path) ? LoadIfConfig(Reader.Read(path)) : null;
        lock (_gate)
        {
            if (loaded is null)
            {
                return _onDisk.Remove(path);
            }

            _onDisk[path] = loaded;
            return true;
        }
    }

    /// <summary>Whether a disk change of this path may change the cluster (it is or was configuration).</summary>
    public bool Knows(string path)
    {
        lock (_gate)
        {
            return _onDisk.ContainsKey(path) || _inEditor.ContainsKey(path);
        }
    }

    /// <summary>The editor's text of an open file replaces the disk version; null: the open text is not configuration.
    /// Returns true when this changes the cluster other documents see.</summary>
    public bool SetEditorVersion(string path, LoadedFile? loaded)
    {
        lock (_gate)
        {
            var had = _inEditor.TryGetValue(path, out var previous) ? previous : _onDisk.GetValueOrDefault(path);
            _inEditor[path] = loaded;
            return !SameText(had, loaded);
        }
    }

    /// <summary>The file was closed: the disk version counts again. True when the cluster changes.</summary>
    public bool ClearEditorVersion(string path)
    {
        lock (_gate)
        {
            if (!_inEditor.Remove(path, out var previous))
            {
                return false;
            }

            return !SameText(previous, _onDisk.GetValueOrDefault(path));
        }
    }

    /// <summary>The configuration files nearest to <paramref name="documentPath"/>, without the document itself.</summary>
    public IReadOnlyList<LoadedFile> ContextFor(string documentPath)
    {
        List<LoadedFile> effective;
        lock (_gate)
        {
            effective = _onDisk.Where(e => !_inEditor.ContainsKey(e.Key)).Select(e => e.Value)
                .Concat(_inEditor.Values.OfType<LoadedFile>())
                .Where(f => !string.Equals(f.File.Path, documentPath, StringComparison.Ordinal))
                .ToList();
        }

        if (effective.Count == 0)
        {
            return [];
        }

        for (var dir = Path.GetDirectoryName(documentPath); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            var prefix = Path.EndsInDirectorySeparator(dir) ? dir : dir + Path.DirectorySeparatorChar;
            var below = effective.Where(f => f.File.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (below.Count > 0)
            {
                return below;
            }
        }

        return [];
    }

    /// <summary>The loaded file when one of its documents is cluster configuration, else null.</summary>
    public static LoadedFile? LoadIfConfig(SourceFile source)
    {
        var loaded = YamlLoader.Load(source);
        return HoldsConfig(loaded) ? loaded : null;
    }

    public static bool HoldsConfig(LoadedFile loaded) => loaded.Documents.Any(d => ConfigRecognizer.Recognize(d) is not null);

    private static bool SameText(LoadedFile? a, LoadedFile? b) =>
        (a is null && b is null) || (a is not null && b is not null && string.Equals(a.File.Text, b.File.Text, StringComparison.Ordinal));
}
