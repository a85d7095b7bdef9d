using System.Text.RegularExpressions;
using DualStack.Rules;

namespace DualStack.Manifests.Configuration;

/// <summary>
/// The settings dslint reads from .editorconfig / .globalconfig, and the one place that says whether a value is good:
/// every front end (command line, MSBuild properties, configuration files) validates through here, so a mistake gets
/// the same message wherever it is made.
/// </summary>
public static class ConfigurationKeys
{
    /// <summary>The prefix of dslint's own keys; any other key under it is a mistake.</summary>
    public const string Prefix = "dualstack_lint.";

    /// <summary>Target families, primary first: <c>IPv4</c>, <c>IPv6</c>, <c>IPv4,IPv6</c>, <c>IPv6,IPv4</c>.</summary>
    public const string IpFamilies = "dualstack_lint.ip_families";

    /// <summary>Target Kubernetes version, e.g. <c>1.36</c>.</summary>
    public const string KubernetesVersion = "dualstack_lint.kubernetes_version";

    /// <summary>
    /// <c>true</c> in a section leaves the files it matches out of every run (never opened): <c>[vendor/**]</c> then
    /// <c>dualstack_lint.exclude = true</c>. The section's glob does the matching, relative to the .editorconfig's
    /// folder, as for every other key; like the compiler's <c>generated_code = true</c>.
    /// </summary>
    public const string Exclude = "dualstack_lint.exclude";

    /// <summary>The largest input read, e.g. <c>20MB</c> (bytes, or KB, MB, GB of 1024); larger files are DS0002.</summary>
    public const string MaxFileSize = "dualstack_lint.max_file_size";

    /// <summary>The largest limit accepted: a larger text does not fit in one .NET string.</summary>
    public const long MaxFileSizeCeiling = 1024L * 1024 * 1024;

    private static readonly Regex FileSizeValue = new(@"^\s*(?<number>[0-9]{1,10})\s*(?<unit>b|kb|mb|gb)?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // dotnet_diagnostic.DS2005.severity: the compiler's key for a rule's severity.
    private static readonly Regex SeverityKey = new(@"^dotnet_diagnostic\.(?<id>ds\d+)\.severity$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Dictionary<string, Func<string, string?>> Validators = new(StringComparer.OrdinalIgnoreCase)
    {
        [IpFamilies] = value => ParseIpFamilies(value, out _),
        [KubernetesVersion] = value => ParseKubernetesVersion(value, out _),
        [Exclude] = value => ParseExclude(value, out _),
        [MaxFileSize] = value => ParseFileSize(value, out _),
    };

    /// <summary>Every <c>dualstack_lint.*</c> key dslint reads, sorted.</summary>
    public static IReadOnlyList<string> Known => Validators.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();

    /// <summary>Parses a families value; returns the error (without the setting's name) or null.</summary>
    public static string? ParseIpFamilies(string value, out IpFamilies families) =>
        Rules.IpFamilies.TryParse(value, out families, out var error) ? null : error;

    /// <summary>Parses a Kubernetes version and checks it is one the engine knows; returns the error or null.</summary>
    public static string? ParseKubernetesVersion(string value, out KubernetesVersion version) =>
        Rules.KubernetesVersion.TryParseSupported(value, out version, out var error) ? null : error;

    /// <summary>Parses a <c>dualstack_lint.exclude</c> value: <c>true</c> or <c>false</c>; returns the error or null.</summary>
    public static string? ParseExclude(string value, out bool exclude)
    {
        exclude = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        return exclude || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"\"{value}\" is not true or false; exclude files with a section and this key, e.g. [vendor/**] then dualstack_lint.exclude = true";
    }

    /// <summary>
    /// Parses a size limit: bytes (<c>1048576</c>), or a number with <c>KB</c>, <c>MB</c> or <c>GB</c> (powers of 1024,
    /// as the size messages print them), case-insensitive, from 1 byte to 1GB; returns the error or null.
    /// </summary>
    public static string? ParseFileSize(string value, out long bytes)
    {
        bytes = 0;
        var match = FileSizeValue.Match(value);
        if (match.Success)
        {
            var multiplier = match.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "kb" => 1024L,
                "mb" => 1024L * 1024,
                "gb" => 1024L * 1024 * 1024,
                _ => 1L,
            };
            var size = long.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture) * multiplier;
            if (size is > 0 and <= MaxFileSizeCeiling)
            {
                bytes = size;
                return null;
            }
        }

        return $"\"{value}\" is not a file size; use bytes, or a number with KB, MB or GB, from 1 byte to 1GB (e.g. 20MB)";
    }

    /// <summary>
    /// Parses a command-line severity override <c>RULE=LEVEL</c> (LEVEL: none, silent, suggestion, info, warning, error);
    /// returns the error or null.
    /// </summary>
    public static string? ParseSeverityOverride(string text, out string ruleId, out Severity severity)
    {
        ruleId = string.Empty;
        severity = Severity.None;
        var eq = text.IndexOf('=');
        if (eq <= 0)
        {
            return $"\"{text}\" is not RULE=LEVEL, e.g. DS2005=error";
        }

        var id = text.Substring(0, eq).Trim();
        var level = text.Substring(eq + 1).Trim();
        if (!RuleCatalog.TryGet(id, out var rule))
        {
            return $"unknown rule \"{id}\"; run 'dslint rules' for the list";
        }

        if (!SeverityNames.TryParse(level, out severity))
        {
            return $"\"{level}\" is not a severity; use none, silent, suggestion, info, warning or error";
        }

        ruleId = rule.Id;
        return null;
    }

    /// <summary>
    /// What is wrong with <paramref name="key"/> = <paramref name="value"/> in a configuration file, or null when it is
    /// fine or not dslint's business. Checks dslint's own keys and the severity keys of DS rules; the words the compiler
    /// accepts for severities are the ones it accepts (it ignores others silently, so dslint says so).
    /// </summary>
    public static string? CheckFileSetting(string key, string value)
    {
        if (key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Validators.TryGetValue(key, out var validate)
                ? validate(value) is { } error ? $"{key.ToLowerInvariant()}: {error}" : null
                : $"unknown key \"{key}\"{Suggestion(key)}; dslint reads {ListOfKnown()}";
        }

        var severityKey = SeverityKey.Match(key);
        if (!severityKey.Success)
        {
            return null;
        }

        var id = severityKey.Groups["id"].Value.ToUpperInvariant();
        if (!RuleCatalog.TryGet(id, out _))
        {
            return $"{key}: unknown rule \"{id}\"; run 'dslint rules' for the list";
        }

        return value.ToLowerInvariant() is "default" or "none" or "silent" or "refactoring" or "suggestion" or "warning" or "error"
            ? null
            : $"{key}: \"{value}\" is not a severity the compiler reads; use none, silent, suggestion, warning, error or default";
    }

    // "a, b and c": the keys in the order of Known.
    private static string ListOfKnown() =>
        Known.Count == 1 ? Known[0] : string.Join(", ", Known.Take(Known.Count - 1)) + " and " + Known[Known.Count - 1];

    // " (did you mean dualstack_lint.ip_families?)" for a key a few edits away from a known one.
    private static string Suggestion(string key)
    {
        var closest = Known.Select(k => (Key: k, Distance: EditDistance(key.ToLowerInvariant(), k))).OrderBy(c => c.Distance).First();
        return closest.Distance <= 3 ? $" (did you mean {closest.Key}?)" : string.Empty;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
