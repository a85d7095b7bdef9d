namespace DualStack.Manifests.Rendering;

/// <summary>
/// The folders a run may read besides its inputs: the current directory and the folders named on the command line
/// (and a chart or kustomization folder given explicitly). Rendering reads templates, kustomization resources and
/// patch bases only through here, so a <c># Source:</c> comment or a kustomization can never make the tool read a file
/// elsewhere: paths are normalised first (no <c>..</c> escapes), and symbolic links below a root are not followed.
/// </summary>
public sealed class LintedTree
{
    private readonly string[] _roots;
    private readonly Func<string, SourceFileReader> _readerFor;

    public LintedTree(string currentDirectory, IEnumerable<string> roots)
        : this(Normalize(currentDirectory), roots.Select(Normalize).Append(Normalize(currentDirectory)).Distinct(StringComparer.Ordinal).ToArray(), _ => SourceFileReader.Default)
    {
    }

    private LintedTree(string currentDirectory, string[] roots, Func<string, SourceFileReader> readerFor)
    {
        CurrentDirectory = currentDirectory;
        _roots = roots;
        _readerFor = readerFor;
    }

    public string CurrentDirectory { get; }

    /// <summary>
    /// The same tree, reading each file with the reader <paramref name="readerFor"/> gives for its full path (the
    /// size limit configured for it), as the run's own inputs are read.
    /// </summary>
    public LintedTree ReadingWith(Func<string, SourceFileReader> readerFor) => new(CurrentDirectory, _roots, readerFor);

    /// <summary>An absolute, normalised form of <paramref name="path"/> (relative paths count from the current directory).</summary>
    public string FullPath(string path) => Normalize(Path.IsPathRooted(path) ? path : Path.Combine(CurrentDirectory, path));

    /// <summary>True when <paramref name="fullPath"/> lies below one of the roots with no symbolic link on the way.</summary>
    public bool Contains(string fullPath)
    {
        var path = Normalize(fullPath);
        foreach (var root in _roots)
        {
            if (IsBelow(path, root) && !HasLinkBelow(root, path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a file of the tree, or returns null with the reason when it is outside, missing or not readable.</summary>
    public SourceFile? TryRead(string fullPath, out string? problem)
    {
        var path = Normalize(fullPath);
        if (!Contains(path))
        {
            problem = "it is outside the linted folders (or reached through a symbolic link), so it is not read";
            return null;
        }

        if (!File.Exists(path))
        {
            problem = Directory.Exists(path) ? "it is a folder, not a file" : "the file does not exist";
            return null;
        }

        var file = _readerFor(path).Read(path, Display(path));
        problem = file.Text is null ? file.ReadError : null;
        return file.Text is null ? null : file;
    }

    public bool FileExists(string fullPath) => Contains(fullPath) && File.Exists(Normalize(fullPath));

    public bool DirectoryExists(string fullPath) => Contains(fullPath) && Directory.Exists(Normalize(fullPath));

    /// <summary>The path to print: relative to the current directory when below it, else absolute (as the CLI prints inputs).</summary>
    public string Display(string fullPath)
    {
        var path = Normalize(fullPath);
        return IsBelow(path, CurrentDirectory) && path.Length > CurrentDirectory.Length
            ? path.Substring(CurrentDirectory.Length).TrimStart(Path.DirectorySeparatorChar)
            : path;
    }

    public static bool IsBelow(string path, string root) =>
        path == root ||
        (path.StartsWith(root, StringComparison.Ordinal) &&
         (root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) || path[root.Length] == Path.DirectorySeparatorChar));

    private static string Normalize(string path) =>
        Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar) is { Length: > 0 } trimmed ? trimmed : Path.GetFullPath(path);

    private static bool HasLinkBelow(string root, string path)
    {
        var current = path;
        while (current.Length > root.Length)
        {
            try
            {
                if ((File.Exists(current) || Directory.Exists(current)) &&
                    (File.GetAttributes(current) & FileAttributes.ReparsePoint) != 0)
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return true;
            }

            current = Path.GetDirectoryName(current) ?? root;
        }

        return false;
    }
}
