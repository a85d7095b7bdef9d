namespace DualStack.Rules.Net;

/// <summary>
/// The exact detail strings of apimachinery's <c>pkg/util/validation/ip.go</c>; findings quote them so users can
/// match what <c>kubectl apply</c> would print.
/// </summary>
public static class IpMessages
{
    public const string InvalidIp = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
    public const string IpLeadingZeros = "must not have leading 0s";
    public const string IpIPv4Mapped = "must not be an IPv4-mapped IPv6 address";
    public const string InvalidCidr = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";
    public const string CidrLeadingZeros = "must not have leading 0s in IP or prefix length";
    public const string CidrIPv4Mapped = "must not have an IPv4-mapped IPv6 address";
    public const string CidrHostBits = "must not have bits set beyond the prefix length";

    /// <summary><c>must be in canonical form ("&lt;canon&gt;")</c> from <c>IsValidIP</c> / <c>IsValidCIDR</c>.</summary>
    public static string NotCanonical(string canonical) => $"must be in canonical form (\"{canonical}\")";
}
