using DualStack.Cli.CommandLine;
using Microsoft.Extensions.FileSystemGlobbing;

namespace DualStack.Cli.Input;

/// <summary>
/// <c>--exclude GLOB</c> (repeatable): globs relative to the current folder, matched by the .NET SDK's own matcher
/// (<see cref="Matcher"/>: <c>*</c> within a name, <c>**</c> across folders, a pattern naming a folder excludes all
/// below it), case-sensitive except on Windows and macOS. Files outside the current folder and standard input are never
/// excluded by a glob.
/// </summary>
internal sealed class ExcludeFilter
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly string _currentDirectory;
    private readonly List<(string Glob, Matcher Matcher)> _globs;

    private ExcludeFilter(string currentDirectory, List<(string Glob, Matcher Matcher)> globs)
    {
        _currentDirectory = currentDirectory;
        _globs = globs;
    }

    public static ExcludeFilter None { get; } = new(string.Empty, []);

    /// <exception cref="CliException">An empty glob, an absolute one, or one that leaves the current folder (<c>..</c>).</exception>
    public static ExcludeFilter Create(IReadOnlyList<string> globs, string currentDirectory)
    {
        var matchers = new List<(string, Matcher)>();
        foreach (var glob in globs)
        {
            var pattern = glob.Trim().Replace('\\', '/');
            if (pattern.StartsWith("./", StringComparison.Ordinal))
            {
                pattern = pattern.Substring(2);
            }

            pattern = pattern.TrimEnd('/');
            if (pattern.Length == 0)
            {
                throw new CliException("--exclude: an empty glob was given");
            }

            if (Path.IsPathRooted(glob) || pattern.StartsWith('/') || pattern.Split('/').Contains(".."))
            {
                throw new CliException($"--exclude: '{glob}' must be relative to the current folder, without '..' (e.g. 'deploy/vendor/**' or '**/generated/**')");
            }

            // Everything minus the glob: as an exclude pattern, a glob naming a folder takes the whole folder.
            var matcher = new Matcher(PathComparison);
            matcher.AddInclude("**/*");
            matcher.AddExclude(pattern);
            matchers.Add((glob, matcher));
        }

        return new ExcludeFilter(currentDirectory, matchers);
    }

    /// <summary>The glob that excludes the file at <paramref name="fullPath"/>, or null when none does.</summary>
    public string? Match(string fullPath)
    {
        if (_globs.Count == 0)
        {
            return null;
        }

        var relative = Path.GetRelativePath(_currentDirectory, fullPath);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        relative = relative.Replace(Path.DirectorySeparatorChar, '/');
        foreach (var (glob, matcher) in _globs)
        {
            if (!matcher.Match(relative).HasMatches)
            {
                return glob;
            }
        }

        return null;
    }
}
