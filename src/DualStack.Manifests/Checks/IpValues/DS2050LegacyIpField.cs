using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.IpValues;

/// <summary>Whether a legacy field holds an IP address or a CIDR.</summary>
internal enum LegacyValueKind
{
    Ip,
    Cidr,
}

/// <summary>
/// One value of a legacy IP/CIDR field (spec §1 field map): the scalar, the path the API server prints for it, and how
/// the API server treats it.
/// </summary>
/// <param name="Node">The value scalar.</param>
/// <param name="Path">The field path, e.g. <c>spec.ingress[0].from[1].ipBlock.except[0]</c>.</param>
/// <param name="Kind">IP or CIDR.</param>
/// <param name="Trimmed">True when the API server trims whitespace before validating (<c>loadBalancerSourceRanges</c>).</param>
/// <param name="Validated">
/// False for fields the API server only warns about and never rejects (<c>spec.loadBalancerIP</c>): their strict
/// problems stay warnings even from 1.36.
/// </param>
internal sealed record DS2050LegacyIpField(YamlScalarNode Node, string Path, LegacyValueKind Kind, bool Trimmed = false, bool Validated = true)
{
    /// <summary>The value as the API server validates it (trimmed where it trims, the item of a comma list).</summary>
    public string Value => Item ?? (Trimmed ? (Node.Value ?? string.Empty).Trim() : Node.Value ?? string.Empty);

    /// <summary>
    /// The path of the validation error when it differs from <see cref="Path"/>: the API server validates
    /// <c>loadBalancerSourceRanges</c> under <c>spec.LoadBalancerSourceRanges[i]</c> (capital L, a historical accident)
    /// but warns under <c>spec.loadBalancerSourceRanges[i]</c>.
    /// </summary>
    public string? ErrorPath { get; init; }

    /// <summary>For one item of a comma-separated scalar (an annotation): the trimmed item text, else null.</summary>
    public string? Item { get; init; }

    /// <summary>Where <see cref="Item"/> starts in the scalar's value.</summary>
    public int ItemStart { get; init; }

    /// <summary>
    /// False for values the API server does not warn about (annotation items): the finding before 1.36 uses this
    /// engine's own wording instead of an API warning.
    /// </summary>
    public bool Warned { get; init; } = true;
}
