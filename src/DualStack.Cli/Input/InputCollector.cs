using DualStack.Cli.CommandLine;

namespace DualStack.Cli.Input;

/// <summary>
/// Turns the command-line paths into the list of inputs: files as named, directories searched recursively for
/// <c>.yaml</c>, <c>.yml</c> and <c>.json</c> (skipping <c>bin</c>, <c>obj</c>, <c>.git</c>, <c>node_modules</c>),
/// and <c>-</c> for standard input. The order is deterministic: arguments in order, each directory's files sorted.
/// Files matched by <c>--exclude</c> (<see cref="ExcludeFilter"/>) or by <c>dualstack_lint.exclude = true</c>
/// (<see cref="ExcludeConfigured"/>) are left out before anything is read, also when named explicitly (pre-commit
/// names every staged file), and listed in <see cref="Excluded"/> for <c>--verbose</c>.
/// </summary>
internal sealed class InputCollector(string currentDirectory, ExcludeFilter? exclude = null)
{
    public const string StandardInputName = "<stdin>";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", "node_modules" };

    private readonly Dictionary<string, string> _listingErrors = new(StringComparer.Ordinal);
    private readonly List<(string Path, string Reason)> _excluded = [];
    private readonly HashSet<string> _excludedPaths = new(StringComparer.Ordinal);
    private readonly ExcludeFilter _exclude = exclude ?? ExcludeFilter.None;

    /// <summary>The files left out by an exclusion (absolute paths), with what excluded them, in the order met.</summary>
    public IReadOnlyList<(string Path, string Reason)> Excluded => _excluded;

    /// <summary>
    /// Folders that could not be listed (permissions, I/O errors), by absolute path, with the reason. They are among the
    /// collected paths so that each becomes a DS0002 finding instead of a silent gap in the run.
    /// </summary>
    public IReadOnlyDictionary<string, string> ListingErrors => _listingErrors;

    /// <summary>The paths (absolute) of the files to read, or <see cref="StandardInputName"/> for <c>-</c>.</summary>
    public IReadOnlyList<string> Collect(IReadOnlyList<string> arguments)
    {
        var paths = arguments.Count == 0 ? ["."] : arguments;
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stdinSeen = false;
        foreach (var argument in paths)
        {
            if (argument == "-")
            {
                if (stdinSeen)
                {
                    throw new CliException("standard input ('-') can be given only once");
                }

                stdinSeen = true;
                result.Add(StandardInputName);
                continue;
            }

            if (argument.Length == 0)
            {
                throw new CliException("an empty path was given");
            }

            var full = Path.GetFullPath(argument, currentDirectory);
            if (File.Exists(full))
            {
                if (IsExcludedByGlob(full))
                {
                    continue;
                }

                if (seen.Add(full))
                {
                    result.Add(full);
                }
            }
            else if (Directory.Exists(full))
            {
                foreach (var file in Enumerate(full, _listingErrors))
                {
                    if (!IsExcludedByGlob(file) && seen.Add(file))
                    {
                        result.Add(file);
                    }
                }
            }
            else if (argument.StartsWith("-", StringComparison.Ordinal))
            {
                // System.CommandLine hands unknown options to the PATH argument; a file named like that needs ./ in front.
                throw new CliException($"unknown option '{argument}'; run 'dslint lint --help' for the options");
            }
            else
            {
                throw new CliException($"path '{argument}' does not exist");
            }
        }

        return result;
    }

    /// <summary>
    /// The collected paths without the files the configuration excludes (<c>dualstack_lint.exclude = true</c> for
    /// their path); standard input is kept.
    /// </summary>
    public IReadOnlyList<string> ExcludeConfigured(IReadOnlyList<string> paths, Func<string, bool> isExcluded)
    {
        var kept = new List<string>(paths.Count);
        foreach (var path in paths)
        {
            if (path != StandardInputName && !_listingErrors.ContainsKey(path) && isExcluded(path))
            {
                Exclude(path, "dualstack_lint.exclude = true");
            }
            else
            {
                kept.Add(path);
            }
        }

        return kept;
    }

    /// <summary>The path to print: relative to the current directory when below it, else absolute.</summary>
    public string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(currentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    private bool IsExcludedByGlob(string fullPath)
    {
        if (_exclude.Match(fullPath) is not { } glob)
        {
            return false;
        }

        Exclude(fullPath, $"--exclude '{glob}'");
        return true;
    }

    private void Exclude(string fullPath, string reason)
    {
        if (_excludedPaths.Add(fullPath))
        {
            _excluded.Add((fullPath, reason));
        }
    }

    private static IEnumerable<string> Enumerate(string directory, Dictionary<string, string> listingErrors)
    {
        // Hidden files count (.github/ may hold manifests); symbolic links to directories are not followed (cycles).
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false };
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            List<string> entries;
            List<string> subfolders;
            try
            {
                entries = Directory.EnumerateFiles(dir, "*", options).ToList();
                subfolders = Directory.EnumerateDirectories(dir, "*", options).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                listingErrors[dir] = "the folder could not be listed, so its files were not linted: " + ex.Message.Trim().TrimEnd('.');
                files.Add(dir);
                continue;
            }

            files.AddRange(entries.Where(file => Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase))));
            foreach (var sub in subfolders)
            {
                var info = new DirectoryInfo(sub);
                if (!SkippedDirectories.Contains(info.Name) && info.LinkTarget is null)
                {
                    pending.Push(sub);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
