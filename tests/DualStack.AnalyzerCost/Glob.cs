using System.Text.RegularExpressions;

namespace DualStack.AnalyzerCost;

/// <summary>MSBuild-style item globs (<c>*</c>, <c>?</c>, <c>**</c>) for Compile Include/Remove, C# files only.</summary>
internal static class Glob
{
    public static IEnumerable<string> Expand(string baseDirectory, string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        if (normalized.Contains("$(", StringComparison.Ordinal) || normalized.Contains("@(", StringComparison.Ordinal))
        {
            return [];
        }

        var full = Path.GetFullPath(Path.Combine(baseDirectory, normalized));
        var wildcard = full.IndexOfAny(['*', '?']);
        if (wildcard < 0)
        {
            return full.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && File.Exists(full) ? [full] : [];
        }

        var root = full[..(full.LastIndexOf('/', wildcard) + 1)];
        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = ToRegex(full[root.Length..]);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => matcher.IsMatch(f[root.Length..]))
            .Select(Path.GetFullPath);
    }

    /// <summary>A relative glob as a regular expression over '/'-separated relative paths.</summary>
    internal static Regex ToRegex(string glob)
    {
        var pattern = Regex.Escape(glob)
            .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
    }
}
