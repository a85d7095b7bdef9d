using System.Globalization;

namespace DualStack.Rules.Net;

/// <summary>
/// apimachinery's IP/CIDR checks (<c>pkg/util/validation/ip.go</c>) and the Endpoint IP filter, reproduced
/// message for message so a finding says what the API server would say.
/// </summary>
public static class KubernetesIpValidation
{
    /// <summary>
    /// <c>IsValidIPForLegacyField</c>: sloppy parse, strict layer only when <paramref name="strict"/> (the
    /// StrictIPCIDRValidation gate). Never demands canonical form. Returns the detail message, or null when valid.
    /// </summary>
    public static string? ValidateIpForLegacyField(string? value, bool strict) => IpParser.ParseIp(value, strict).Message;

    /// <summary><c>IsValidCIDRForLegacyField</c>: as <see cref="ValidateIpForLegacyField(string?, bool)"/> for CIDRs.</summary>
    public static string? ValidateCidrForLegacyField(string? value, bool strict) => IpParser.ParseCidr(value, strict).Message;

    /// <summary>
    /// True when StrictIPCIDRValidation is on by default in <paramref name="version"/> (1.36+): leading zeros,
    /// IPv4-mapped IPv6 and host bits in legacy fields are errors rather than warnings.
    /// </summary>
    public static bool IsStrictByDefault(KubernetesVersion version) => version >= KubernetesVersion.StrictIpValidation;

    /// <summary><see cref="ValidateIpForLegacyField(string?, bool)"/> with the gate's default for <paramref name="version"/>.</summary>
    public static string? ValidateIpForLegacyField(string? value, KubernetesVersion version) =>
        ValidateIpForLegacyField(value, IsStrictByDefault(version));

    /// <summary><see cref="ValidateCidrForLegacyField(string?, bool)"/> with the gate's default for <paramref name="version"/>.</summary>
    public static string? ValidateCidrForLegacyField(string? value, KubernetesVersion version) =>
        ValidateCidrForLegacyField(value, IsStrictByDefault(version));

    /// <summary><c>IsValidIP</c> for new fields (IPAddress names): strict, then <c>must be in canonical form ("…")</c>.</summary>
    public static string? ValidateIp(string? value)
    {
        var result = IpParser.ParseIp(value, strict: true);
        if (!result.Success)
        {
            return result.Message;
        }

        var canonical = result.Value.ToString();
        return value == canonical ? null : IpMessages.NotCanonical(canonical);
    }

    /// <summary><c>IsValidCIDR</c> for new fields (ServiceCIDR <c>spec.cidrs</c>): strict, then canonical <c>IPNet.String()</c>.</summary>
    public static string? ValidateCidr(string? value)
    {
        var result = IpParser.ParseCidr(value, strict: true);
        if (!result.Success)
        {
            return result.Message;
        }

        var canonical = result.Value.ToString();
        return value == canonical ? null : IpMessages.NotCanonical(canonical);
    }

    /// <summary><c>GetWarningsForIP</c> as the newest known Kubernetes version words it.</summary>
    public static IReadOnlyList<string> GetWarningsForIp(string? value) =>
        GetWarningsForIp(value, KubernetesVersion.Newest);

    /// <summary>
    /// <c>GetWarningsForIP</c> for legacy IP fields, without the field path the API server prints first (a finding
    /// prints its field beside the message): leading zeros or IPv4-mapped ⇒ "non-standard IP address";
    /// otherwise a non-canonical IPv6 ⇒ "should be in RFC 5952 canonical format". Unparseable values give none.
    /// </summary>
    public static IReadOnlyList<string> GetWarningsForIp(string? value, KubernetesVersion version)
    {
        var result = IpParser.ParseIp(value, strict: true);
        if (!result.HasValue)
        {
            return [];
        }

        var canonical = result.Value.ToString();
        if (result.Problem is IpProblem.LeadingZeros or IpProblem.IPv4Mapped)
        {
            return [$"non-standard IP address \"{value}\" {InvalidWording(version)}: use \"{canonical}\""];
        }

        // netip's Is6 (mapped already handled above) and its String(), which equals Go's net.IP.String() here.
        if (result.Value.Family == IpFamily.IPv6 && value != canonical)
        {
            return [$"IPv6 address \"{value}\" should be in RFC 5952 canonical format (\"{canonical}\")"];
        }

        return [];
    }

    /// <summary><c>GetWarningsForCIDR</c> as the newest known Kubernetes version words it.</summary>
    public static IReadOnlyList<string> GetWarningsForCidr(string? value) =>
        GetWarningsForCidr(value, KubernetesVersion.Newest);

    /// <summary>
    /// <c>GetWarningsForCIDR</c> for legacy CIDR fields; can return two warnings (host bits, then non-standard).
    /// The IPv6 canonical-format warning comes only when neither of those applies. Unparseable values give none.
    /// </summary>
    public static IReadOnlyList<string> GetWarningsForCidr(string? value, KubernetesVersion version)
    {
        if (!IpTextParser.TryParseCidr(value, out var address, out var prefix, out var v4, out var nonStandard))
        {
            return [];
        }

        var cidr = new IpCidr(address, prefix, v4);
        var network = cidr.ToString();
        var warnings = new List<string>();
        if (cidr.HasHostBits)
        {
            // Go prints the single-address alternative with the mask's bit count: 128 for an IPv4-mapped value.
            var single = address + "/" + cidr.AddressBits.ToString(CultureInfo.InvariantCulture);
            warnings.Add($"CIDR value \"{value}\" is ambiguous in this context (should be \"{network}\" or \"{single}\"?)");
        }

        if (nonStandard || address.IsIPv4Mapped)
        {
            warnings.Add($"non-standard CIDR value \"{value}\" {InvalidWording(version)}: use \"{network}\"");
        }

        // netip's Prefix.String() keeps the address as written; with no host bits that is the masked network.
        if (warnings.Count == 0 && !v4 && value != network)
        {
            warnings.Add($"IPv6 CIDR value \"{value}\" should be in RFC 5952 canonical format (\"{network}\")");
        }

        return warnings;
    }

    /// <summary>
    /// <c>ValidateEndpointIP</c> (formerly <c>ValidateNonSpecialIP</c>), used for Service <c>externalIPs</c>, Endpoints
    /// and EndpointSlice addresses: one message per special range the address is in.
    /// </summary>
    public static IReadOnlyList<string> ValidateEndpointIp(string? value)
    {
        if (!IpParser.TryParseSloppy(value, out var ip))
        {
            return ["must be a valid IP address"];
        }

        var errors = new List<string>();
        if (ip.IsUnspecified)
        {
            errors.Add($"may not be unspecified ({value})");
        }

        if (ip.IsLoopback)
        {
            errors.Add("may not be in the loopback range (127.0.0.0/8, ::1/128)");
        }

        if (ip.IsLinkLocalUnicast)
        {
            errors.Add("may not be in the link-local range (169.254.0.0/16, fe80::/10)");
        }

        if (ip.IsLinkLocalMulticast)
        {
            // The text says ff02::/10, but the check is Go's IsLinkLocalMulticast (ffX2::/16); both are kept as upstream has them.
            errors.Add("may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)");
        }

        return errors;
    }

    // 1.36 (StrictIPCIDRValidation on) says the value "is invalid"; earlier releases (1.30–1.35) only predicted it.
    private static string InvalidWording(KubernetesVersion version) =>
        IsStrictByDefault(version)
            ? "is invalid"
            : "will be considered invalid in a future Kubernetes release";
}
