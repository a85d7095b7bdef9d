namespace DualStack.Manifests.Baseline;

/// <summary>
/// The file names in a baseline are relative to its root: the nearest folder at or above the baseline file that holds
/// <c>.git</c> (the repository), else the baseline file's own folder. The root depends only on where the baseline is,
/// so <c>dslint lint</c> run from any folder and <c>dotnet build</c> of any project read the same names.
/// </summary>
public static class BaselinePaths
{
    /// <summary>The root folder (absolute) for a baseline file at <paramref name="baselinePath"/>.</summary>
    public static string RootFor(string baselinePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(baselinePath))!;
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return folder;
    }

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="root"/> with <c>/</c> separators (<c>../</c> steps when it is
    /// outside); a name that is not a rooted path (standard input's <c>&lt;stdin&gt;</c>) is kept as it is.
    /// </summary>
    public static string Relative(string root, string path)
    {
        if (!Path.IsPathRooted(path))
        {
            return path.Replace('\\', '/');
        }

        var from = Segments(root);
        var to = Segments(Path.GetFullPath(path));
        var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var common = 0;
        while (common < from.Length && common < to.Length && string.Equals(from[common], to[common], comparison))
        {
            common++;
        }

        if (common == 0)
        {
            // Another drive: no relative form exists.
            return path.Replace('\\', '/');
        }

        var steps = Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common));
        return string.Join("/", steps);
    }

    private static string[] Segments(string path) =>
        path.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
}
