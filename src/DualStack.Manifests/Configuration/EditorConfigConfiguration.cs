using System.Collections.Concurrent;
using DualStack.Rules;
using Microsoft.CodeAnalysis;

namespace DualStack.Manifests.Configuration;

/// <summary>
/// Configuration by path, read exactly as the C# compiler reads it, through Roslyn's public
/// <see cref="AnalyzerConfigSet"/> (sections, <c>root = true</c>, global configs and their precedence):
/// <c>dotnet_diagnostic.ID.severity</c> and the <see cref="ConfigurationKeys"/> values. Explicit overrides in the base
/// options win over files. Built by <see cref="ConfigurationResolver"/>, which also reports bad values with their
/// file and line; a bad value is ignored here, so the default applies.
/// </summary>
public sealed class EditorConfigConfiguration : ILintConfiguration
{
    private readonly AnalyzerConfigSet _set;
    private readonly LintOptions _baseOptions;
    private readonly OverriddenKeys _overridden;
    private readonly ConcurrentDictionary<string, AnalyzerConfigOptionsResult> _cache = new(StringComparer.Ordinal);

    internal EditorConfigConfiguration(AnalyzerConfigSet set, LintOptions baseOptions, OverriddenKeys overridden)
    {
        _set = set;
        _baseOptions = baseOptions;
        _overridden = overridden;
    }

    public LintOptions OptionsFor(string path)
    {
        var result = Get(path);
        var options = _baseOptions;
        if ((_overridden & OverriddenKeys.IpFamilies) == 0 && TryGetValue(result, ConfigurationKeys.IpFamilies, out var familiesText)
            && ConfigurationKeys.ParseIpFamilies(familiesText, out var families) is null)
        {
            options = options with { IpFamilies = families };
        }

        if ((_overridden & OverriddenKeys.KubernetesVersion) == 0 && TryGetValue(result, ConfigurationKeys.KubernetesVersion, out var versionText)
            && ConfigurationKeys.ParseKubernetesVersion(versionText, out var version) is null)
        {
            options = options with { KubernetesVersion = version };
        }

        if ((_overridden & OverriddenKeys.MaxFileSize) == 0 && TryGetValue(result, ConfigurationKeys.MaxFileSize, out var sizeText)
            && ConfigurationKeys.ParseFileSize(sizeText, out var maxBytes) is null)
        {
            options = options with { MaxFileBytes = maxBytes };
        }

        return options;
    }

    /// <summary>True when <c>dualstack_lint.exclude = true</c> applies to the file: it is left out of the run.</summary>
    public bool IsExcluded(string path) =>
        TryGetValue(Get(path), ConfigurationKeys.Exclude, out var text) && ConfigurationKeys.ParseExclude(text, out var exclude) is null && exclude;

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
}

/// <summary>The keys an explicit override (command line, MSBuild property) set, so files do not change them.</summary>
[Flags]
internal enum OverriddenKeys
{
    None = 0,
    IpFamilies = 1,
    KubernetesVersion = 2,
    MaxFileSize = 4,
}
