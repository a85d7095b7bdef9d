namespace DualStack.Cli.Output;

/// <summary>
/// Maps the paths printed in findings (relative to the current directory) to the paths CI systems expect: relative to
/// the repository root (the nearest folder above the current directory holding <c>.git</c>, else the current
/// directory), with forward slashes. SARIF then uses <c>uriBaseId: "%SRCROOT%"</c>, GitHub annotations the plain path.
/// </summary>
internal sealed class ArtifactLocator
{
    private readonly string _currentDirectory;

    public ArtifactLocator(string currentDirectory)
    {
        _currentDirectory = currentDirectory;
        Root = FindRoot(currentDirectory);
    }

    /// <summary>The repository root (absolute, no trailing separator).</summary>
    public string Root { get; }

    /// <summary>The root as a <c>file:</c> URI ending with a slash, for SARIF <c>originalUriBaseIds</c>.</summary>
    public string RootUri => new Uri(Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar).AbsoluteUri;

    /// <summary>The path relative to the root with forward slashes, or null when the file is outside it (or unnamed standard input).</summary>
    public string? RootRelative(string displayPath)
    {
        if (displayPath == Input.InputCollector.StandardInputName)
        {
            return null;
        }

        var full = Path.GetFullPath(displayPath, _currentDirectory);
        var relative = Path.GetRelativePath(Root, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The path for a CI annotation: root-relative when possible, else as printed.</summary>
    public string AnnotationPath(string displayPath) =>
        RootRelative(displayPath) ?? displayPath.Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>SARIF <c>artifactLocation</c>: a root-relative URI with <c>%SRCROOT%</c>, or an absolute <c>file:</c> URI.</summary>
    public (string Uri, string? UriBaseId) SarifLocation(string displayPath)
    {
        if (RootRelative(displayPath) is { } relative)
        {
            return (EscapeSegments(relative), "%SRCROOT%");
        }

        if (displayPath == Input.InputCollector.StandardInputName)
        {
            return (Uri.EscapeDataString(displayPath), null);
        }

        return (new Uri(Path.GetFullPath(displayPath, _currentDirectory)).AbsoluteUri, null);
    }

    private static string EscapeSegments(string relative) =>
        string.Join("/", relative.Split('/').Select(Uri.EscapeDataString));

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName.TrimEnd(Path.DirectorySeparatorChar) is { Length: > 0 } trimmed ? trimmed : dir.FullName;
            }
        }

        return start;
    }
}
