namespace DualStack.Rules;

/// <summary>
/// What the engine needs to know about the target: families and Kubernetes version, plus per-rule severities
/// already resolved by the front end (editorconfig, then command line).
/// </summary>
public sealed record LintOptions
{
    public static LintOptions Default { get; } = new();

    /// <summary>Families of the target cluster; cluster configuration files among the inputs override them.</summary>
    public IpFamilies IpFamilies { get; init; } = IpFamilies.Default;

    /// <summary>True when the families were given explicitly on the command line, so cluster config files do not override them.</summary>
    public bool IpFamiliesFromCommandLine { get; init; }

    public KubernetesVersion KubernetesVersion { get; init; } = KubernetesVersion.Newest;

    /// <summary>10 MB: far above any ordinary manifest, far below trouble; some CRD bundles need more.</summary>
    public const long DefaultMaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Inputs larger than this are reported (DS0002), not read (<c>--max-file-size</c>, <c>dualstack_lint.max_file_size</c>).</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>Severity per rule ID that overrides whatever the rule or check would report (e.g. <c>--severity DS2005=error</c>).</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } =
        new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
}
