namespace DualStack.Build;

/// <summary>What the task hands to <see cref="ManifestLintRunner"/>: plain values, no MSBuild types.</summary>
public sealed record ManifestLintRequest
{
    /// <summary>Manifest paths (absolute or relative to <see cref="ProjectDirectory"/>).</summary>
    public required IReadOnlyList<string> Manifests { get; init; }

    /// <summary>The project folder; reported paths are full paths so IDEs can open them.</summary>
    public required string ProjectDirectory { get; init; }

    /// <summary>Extra config files (global configs) beside the .editorconfig files found by each manifest's path.</summary>
    public IReadOnlyList<string> ExtraConfigFiles { get; init; } = [];

    /// <summary>MSBuild property override of <c>dualstack_lint.ip_families</c>; empty for none.</summary>
    public string? IpFamilies { get; init; }

    /// <summary>MSBuild property override of <c>dualstack_lint.kubernetes_version</c>; empty for none.</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>
    /// <c>DualStackLintBaseline</c>: a baseline file written by <c>dslint lint --write-baseline</c> (absolute or relative
    /// to <see cref="ProjectDirectory"/>); findings it accepts are not reported. Empty for none.
    /// </summary>
    public string? Baseline { get; init; }
}
