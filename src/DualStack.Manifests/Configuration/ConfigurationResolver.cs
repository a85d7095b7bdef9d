using DualStack.Rules;
using Microsoft.CodeAnalysis;

namespace DualStack.Manifests.Configuration;

/// <summary>
/// The one configuration step of every front end (MSBuild task, <c>dslint lint</c>, <c>plan</c>, <c>lsp</c>).
/// </summary>
public static class ConfigurationResolver
{
    /// <summary>
    /// Resolves configuration for a run: finds the .editorconfig and .globalconfig files above every input (plus
    /// <see cref="ConfigurationRequest.ExtraConfigFiles"/>), applies them as the compiler does, validates them line by
    /// line (unknown <c>dualstack_lint.*</c> keys and bad values become warnings naming file and line) and validates the
    /// explicit overrides (a bad one is an error). Usage:
    /// <code>
    /// var resolved = ConfigurationResolver.Resolve(new ConfigurationRequest { InputPaths = paths, KubernetesVersion = new("1.33", "--kubernetes-version") });
    /// if (resolved.HasErrors) { /* print resolved.Problems, stop */ }
    /// var result = ManifestLinter.Lint(files, resolved.Configuration);
    /// </code>
    /// Never throws for unreadable or malformed configuration; those are problems too.
    /// </summary>
    public static ResolvedConfiguration Resolve(ConfigurationRequest request)
    {
        var problems = new List<ConfigurationProblem>();
        var baseOptions = ResolveOverrides(request, problems, out var overridden);

        var configFiles = ConfigurationFiles.Discover(request.InputPaths)
            .Concat(request.ExtraConfigFiles.Select(Path.GetFullPath))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        // Without any configuration file the options are the overrides alone, and Roslyn is not even loaded: most of a
        // small run's start-up would otherwise be spent loading and compiling AnalyzerConfigSet.
        if (configFiles.Count == 0)
        {
            return new ResolvedConfiguration(new FixedConfiguration(baseOptions), problems, []);
        }

        return FromFiles(configFiles, baseOptions, overridden, problems);
    }

    // Kept out of Resolve so that compiling Resolve does not load Microsoft.CodeAnalysis.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ResolvedConfiguration FromFiles(List<string> configFiles, LintOptions baseOptions, OverriddenKeys overridden, List<ConfigurationProblem> problems)
    {
        var configs = new List<AnalyzerConfig>();
        var read = new List<string>();
        foreach (var path in configFiles)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                problems.Add(new ConfigurationProblem("cannot read the configuration file: " + ex.Message, IsError: true, path));
                continue;
            }

            configs.Add(AnalyzerConfig.Parse(text, path));
            read.Add(path);
            problems.AddRange(ConfigurationFiles.Check(path, text));
        }

        var set = AnalyzerConfigSet.Create(configs, out var diagnostics);
        problems.AddRange(diagnostics.Select(d => new ConfigurationProblem(
            d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), IsError: false)));

        return new ResolvedConfiguration(new EditorConfigConfiguration(set, baseOptions, overridden), problems, read);
    }

    private static LintOptions ResolveOverrides(ConfigurationRequest request, List<ConfigurationProblem> problems, out OverriddenKeys overridden)
    {
        var options = LintOptions.Default;
        overridden = OverriddenKeys.None;
        if (request.IpFamilies is { } familiesOverride)
        {
            if (Accepted(familiesOverride, ConfigurationKeys.ParseIpFamilies(familiesOverride.Value, out var families), problems))
            {
                options = options with { IpFamilies = families, IpFamiliesFromCommandLine = true };
                overridden |= OverriddenKeys.IpFamilies;
            }
        }

        if (request.KubernetesVersion is { } versionOverride)
        {
            if (Accepted(versionOverride, ConfigurationKeys.ParseKubernetesVersion(versionOverride.Value, out var version), problems))
            {
                options = options with { KubernetesVersion = version };
                overridden |= OverriddenKeys.KubernetesVersion;
            }
        }

        if (request.MaxFileSize is { } sizeOverride)
        {
            if (Accepted(sizeOverride, ConfigurationKeys.ParseFileSize(sizeOverride.Value, out var maxBytes), problems))
            {
                options = options with { MaxFileBytes = maxBytes };
                overridden |= OverriddenKeys.MaxFileSize;
            }
        }

        var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (var severityOverride in request.Severities)
        {
            if (Accepted(severityOverride, ConfigurationKeys.ParseSeverityOverride(severityOverride.Value, out var ruleId, out var severity), problems))
            {
                severities[ruleId] = severity;
            }
        }

        return options with { SeverityOverrides = severities };
    }

    // Records the error of a bad override; true when the override is good and applies.
    private static bool Accepted(SettingOverride setting, string? error, List<ConfigurationProblem> problems)
    {
        if (error is null)
        {
            return true;
        }

        problems.Add(new ConfigurationProblem($"{setting.Source}: {error}", IsError: true));
        return false;
    }
}
