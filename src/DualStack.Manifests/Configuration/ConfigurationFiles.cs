using System.Text.RegularExpressions;

namespace DualStack.Manifests.Configuration;

/// <summary>Finding and checking the .editorconfig and .globalconfig files that apply to a run's inputs.</summary>
public static class ConfigurationFiles
{
    // A property line as the editorconfig format (and Roslyn) reads it: key, '=' or ':', value, optional comment.
    private static readonly Regex Property = new(@"^\s*(?<key>[\w\.\-]+)\s*[=:]\s*(?<value>.*?)\s*([#;].*)?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Every <c>.editorconfig</c> and <c>.globalconfig</c> in the folder of each input and in all folders above it,
    /// sorted, as the .NET SDK hands them to the compiler. <c>root = true</c> is not applied here: Roslyn's
    /// <c>AnalyzerConfigSet</c> applies it to .editorconfig files only, while global configs apply whatever lies below.
    /// </summary>
    public static IReadOnlyList<string> Discover(IEnumerable<string> inputPaths)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputPaths)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(input));
            while (!string.IsNullOrEmpty(dir) && visited.Add(dir!))
            {
                foreach (var name in new[] { ".editorconfig", ".globalconfig" })
                {
                    var candidate = Path.Combine(dir!, name);
                    if (File.Exists(candidate))
                    {
                        found.Add(candidate);
                    }
                }

                dir = Path.GetDirectoryName(dir);
            }
        }

        return found.ToList();
    }

    /// <summary>
    /// The mistakes in one configuration file's text: unknown <c>dualstack_lint.*</c> keys and bad values of the keys
    /// dslint reads, each with its line. Every line is checked, whichever files its section matches, so a mistake is
    /// reported once however many inputs it applies to.
    /// </summary>
    public static IEnumerable<ConfigurationProblem> Check(string path, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';' or '[')
            {
                continue;
            }

            var match = Property.Match(line);
            if (match.Success && ConfigurationKeys.CheckFileSetting(match.Groups["key"].Value, match.Groups["value"].Value) is { } problem)
            {
                yield return new ConfigurationProblem(problem, IsError: false, path, i + 1);
            }
        }
    }
}
