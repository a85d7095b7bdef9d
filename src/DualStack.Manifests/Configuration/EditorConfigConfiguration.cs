using System.Collections.Concurrent;
using System.Collections.Immutable;
using DualStack.Rules;
using Microsoft.CodeAnalysis;

namespace DualStack.Manifests.Configuration;

/// <summary>
/// Reads <c>.editorconfig</c> and <c>.globalconfig</c> files exactly as the C# compiler does, through Roslyn's public
/// <see cref="AnalyzerConfigSet"/>: <c>dotnet_diagnostic.ID.severity</c> per file path, and the keys
/// <c>dualstack_lint.ip_families</c> and <c>dualstack_lint.kubernetes_version</c>. Command-line values in the base
/// options win over files.
/// </summary>
public sealed class EditorConfigConfiguration : ILintConfiguration
{
    public const string IpFamiliesKey = "dualstack_lint.ip_families";
    public const string KubernetesVersionKey = "dualstack_lint.kubernetes_version";

    private readonly AnalyzerConfigSet _set;
    private readonly LintOptions _baseOptions;
    private readonly bool _familiesFromCommandLine;
    private readonly bool _versionFromCommandLine;
    private readonly ConcurrentDictionary<string, AnalyzerConfigOptionsResult> _cache = new(StringComparer.Ordinal);

    /// <param name="configFiles">Paths of editorconfig and global config files to apply.</param>
    /// <param name="baseOptions">Options from the command line or MSBuild properties.</param>
    /// <param name="familiesFromCommandLine">True when <paramref name="baseOptions"/> families were given explicitly and must win.</param>
    /// <param name="versionFromCommandLine">True when the Kubernetes version was given explicitly and must win.</param>
    /// <param name="problems">Receives a message per config value that could not be understood.</param>
    public EditorConfigConfiguration(IEnumerable<string> configFiles, LintOptions baseOptions, bool familiesFromCommandLine, bool versionFromCommandLine, ICollection<string>? problems = null)
    {
        var configs = new List<AnalyzerConfig>();
        foreach (var path in configFiles.Distinct(StringComparer.Ordinal))
        {
            var full = Path.GetFullPath(path);
            configs.Add(AnalyzerConfig.Parse(File.ReadAllText(full), full));
        }

        _set = AnalyzerConfigSet.Create(configs, out var diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            problems?.Add(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        _baseOptions = baseOptions;
        _familiesFromCommandLine = familiesFromCommandLine;
        _versionFromCommandLine = versionFromCommandLine;
        Problems = problems;
    }

    private ICollection<string>? Problems { get; }

    /// <summary>
    /// The <c>.editorconfig</c> files that apply to the given inputs: every one in the input's folder and its parents,
    /// up to and including the first that says <c>root = true</c>, outermost first.
    /// </summary>
    public static IReadOnlyList<string> DiscoverEditorConfigs(IEnumerable<string> inputPaths)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputPaths)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(input));
            while (!string.IsNullOrEmpty(dir) && visited.Add(dir!))
            {
                var candidate = Path.Combine(dir!, ".editorconfig");
                if (File.Exists(candidate))
                {
                    found.Add(candidate);
                    if (IsRoot(candidate))
                    {
                        break;
                    }
                }

                var global = Path.Combine(dir!, ".globalconfig");
                if (File.Exists(global))
                {
                    found.Add(global);
                }

                dir = Path.GetDirectoryName(dir);
            }
        }

        return found.ToList();
    }

    public LintOptions OptionsFor(string path)
    {
        var result = Get(path);
        var options = _baseOptions;
        if (!_familiesFromCommandLine && TryGetValue(result, IpFamiliesKey, out var familiesText))
        {
            if (IpFamilies.TryParse(familiesText, out var families, out var error))
            {
                options = options with { IpFamilies = families };
            }
            else
            {
                Report($"{IpFamiliesKey}: {error}");
            }
        }

        if (!_versionFromCommandLine && TryGetValue(result, KubernetesVersionKey, out var versionText))
        {
            if (KubernetesVersion.TryParse(versionText, out var version))
            {
                options = options with { KubernetesVersion = version };
            }
            else
            {
                Report($"{KubernetesVersionKey}: \"{versionText}\" is not a Kubernetes version such as 1.36");
            }
        }

        return options;
    }

    public Severity? SeverityFor(string path, string ruleId)
    {
        if (_baseOptions.SeverityOverrides.TryGetValue(ruleId, out var fromCommandLine))
        {
            return fromCommandLine;
        }

        var result = Get(path);
        if (result.TreeOptions.TryGetValue(ruleId, out var report) || _set.GlobalConfigOptions.TreeOptions.TryGetValue(ruleId, out report))
        {
            return report switch
            {
                ReportDiagnostic.Error => Severity.Error,
                ReportDiagnostic.Warn => Severity.Warning,
                ReportDiagnostic.Info => Severity.Info,
                ReportDiagnostic.Hidden => Severity.Hidden,
                ReportDiagnostic.Suppress => Severity.None,
                _ => null,
            };
        }

        return null;
    }

    // OptionsFor runs in parallel over files; the problem list is the caller's plain collection.
    private void Report(string problem)
    {
        if (Problems is { } problems)
        {
            lock (problems)
            {
                if (!problems.Contains(problem))
                {
                    problems.Add(problem);
                }
            }
        }
    }

    private AnalyzerConfigOptionsResult Get(string path) =>
        _cache.GetOrAdd(Path.GetFullPath(path), full => _set.GetOptionsForSourcePath(full));

    private bool TryGetValue(AnalyzerConfigOptionsResult result, string key, out string value)
    {
        if (result.AnalyzerOptions.TryGetValue(key, out var v) || _set.GlobalConfigOptions.AnalyzerOptions.TryGetValue(key, out v))
        {
            value = v;
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static bool IsRoot(string editorConfigPath)
    {
        foreach (var line in File.ReadLines(editorConfigPath))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("[", StringComparison.Ordinal))
            {
                return false;
            }

            var eq = trimmed.IndexOf('=');
            if (eq > 0 && trimmed.Substring(0, eq).Trim().Equals("root", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed.Substring(eq + 1).Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }
}
